// @vitest-environment node
import { afterEach, describe, expect, it, vi } from 'vitest';
import { describeError, LoadCancelledError } from '../../src/lib/engine/errors';
import { explainDownloadFailure, hostsOf } from '../../src/lib/engine/errors-download';
import { paneBadge } from '../../src/lib/engine/status-badge';
import { RunRecorder } from '../../src/lib/state/run-recorder';
import { paneResultMessage } from '../../src/lib/a11y/pane-announcement';
import { redactModel } from '../../src/lib/arena/blind-text';
import { emptyMetrics } from '../../src/lib/metrics/run-metrics';

const CATALOG_URLS = [
  'https://huggingface.co/mlc-ai/Qwen3-0.6B-q4f16_1-MLC/resolve/main/',
  'https://raw.githubusercontent.com/mlc-ai/binary-mlc-llm-libs/main/web-llm-models/v0_2_80/Qwen3-0.6B-q4f16_1-ctx4k_cs1k-webgpu.wasm',
];

describe('a failed download names its cause', () => {
  const failed = describeError(new TypeError('Failed to fetch'));

  it('names both hosts the model comes from and what to ask IT for', () => {
    const explained = explainDownloadFailure(failed, { urls: CATALOG_URLS, online: true });
    expect(explained.title).toBe('Download failed: could not reach huggingface.co or raw.githubusercontent.com');
    expect(explained.detail).toContain('downloads from huggingface.co and raw.githubusercontent.com');
    expect(explained.detail).toContain('ask IT to allow these addresses (huggingface.co and raw.githubusercontent.com)');
    expect(explained.action).toBe('retry');
    expect(explained.technical).toBe('Failed to fetch');
  });

  it('says the device is offline when the browser knows it is', () => {
    const explained = explainDownloadFailure(failed, { urls: CATALOG_URLS, online: false });
    expect(explained.title).toBe('This device is offline');
    expect(explained.detail).not.toContain('IT');
  });

  it('a host that answered with an HTTP error is not called unreachable', () => {
    const refused = describeError(new TypeError("Failed to execute 'add' on 'Cache': Request failed with status 403"));
    const explained = explainDownloadFailure(refused, { urls: CATALOG_URLS, online: true });
    expect(explained.title).toBe('Download failed: the server answered HTTP 403');
    expect(explained.detail).toContain('ask IT whether these addresses (huggingface.co and raw.githubusercontent.com) are allowed');
    expect(explained.detail).not.toContain('did not get through');
  });

  it('one host is named once; errors that are not about the network are left as they are', () => {
    const local = explainDownloadFailure(failed, { urls: ['http://127.0.0.1:4310/m/resolve/main/', 'http://127.0.0.1:4310/lib.wasm'], online: true });
    expect(local.detail).toContain('ask IT to allow this address (127.0.0.1:4310)');
    const quota = describeError(new DOMException('full', 'QuotaExceededError'));
    expect(explainDownloadFailure(quota, { urls: CATALOG_URLS, online: false })).toBe(quota);
    expect(hostsOf(['not a url', 'https://a.example/x', 'https://a.example/y'])).toEqual(['a.example']);
  });
});

describe('pane badge', () => {
  const base = { queued: false, finished: false, finishReason: null, error: null } as const;

  it('a cancelled load is a neutral "Cancelled", a real failure stays "Error"', () => {
    expect(paneBadge({ ...base, status: 'error', error: describeError(new LoadCancelledError()) })).toEqual({ label: 'Cancelled', state: 'cancelled' });
    expect(paneBadge({ ...base, status: 'error', error: describeError(new TypeError('Failed to fetch')) })).toEqual({ label: 'Error', state: 'error' });
  });

  it('a stopped answer reads "Stopped", a whole one "Finished", a queued pane waits', () => {
    expect(paneBadge({ ...base, status: 'idle', finished: true, finishReason: 'abort' })).toEqual({ label: 'Stopped', state: 'stopped' });
    expect(paneBadge({ ...base, status: 'ready', finished: true, finishReason: 'stop' })).toEqual({ label: 'Finished', state: 'finished' });
    expect(paneBadge({ ...base, queued: true, status: 'idle' }).label).toBe('Waiting for its turn');
    expect(paneBadge({ ...base, status: 'downloading' }).label).toBe('Downloading');
  });
});

describe('history only keeps runs that produced something', () => {
  afterEach(() => vi.useRealTimers());

  it('a run with no output at all is never saved', async () => {
    vi.useFakeTimers();
    const save = vi.fn(async () => undefined);
    const recorder = new RunRecorder(save, () => false, 100);
    await vi.advanceTimersByTimeAsync(1000);
    await recorder.finish();
    expect(save).not.toHaveBeenCalled();
  });

  it('once output exists it is saved while streaming and at the end', async () => {
    vi.useFakeTimers();
    let produced = false;
    const save = vi.fn(async (_ended: boolean) => undefined);
    const recorder = new RunRecorder(save, () => produced, 100);
    await vi.advanceTimersByTimeAsync(250);
    expect(save).not.toHaveBeenCalled();
    produced = true;
    await vi.advanceTimersByTimeAsync(100);
    await recorder.finish();
    expect(save.mock.calls.map(([ended]) => ended)).toEqual([false, true]);
  });
});

describe('screen-reader sentences', () => {
  const metrics = { ...emptyMetrics(), completionTokens: 26, decodeTokensPerSecond: 65.4 };

  it('a finished pane says its tokens and speed; blind panes leave the figures out', () => {
    expect(paneResultMessage('Qwen3-0.6B', 'finished', metrics, true)).toBe('Qwen3-0.6B finished: 26 tokens at 65 tokens per second.');
    expect(paneResultMessage('Model A', 'finished', metrics, false)).toBe('Model A finished.');
    expect(paneResultMessage('Qwen3-0.6B', 'cancelled', metrics, true)).toBe('Qwen3-0.6B cancelled.');
  });
});

describe('blind arena text', () => {
  it('removes the id, label and any URL from an error message', () => {
    const text = 'Failed to load Qwen3-0.6B-q4f16_1-MLC (Qwen3-0.6B) from https://huggingface.co/mlc-ai/Qwen3-0.6B-q4f16_1-MLC/resolve/main/tokenizer.json';
    const redacted = redactModel(text, ['Qwen3-0.6B-q4f16_1-MLC', 'Qwen3-0.6B']);
    expect(redacted).toBe('Failed to load this model (this model) from this model');
    expect(redacted).not.toMatch(/qwen|huggingface/i);
  });
});

describe('with another download source on offer', () => {
  it('the advice mentions it', () => {
    const failed = { ...describeError(new TypeError('Failed to fetch')), alsoOffer: ['try-other-source' as const, 'add-from-folder' as const] };
    expect(explainDownloadFailure(failed, { urls: CATALOG_URLS, online: true }).detail).toContain('then try again, download it from another source, or add the model from a folder');
  });
});
