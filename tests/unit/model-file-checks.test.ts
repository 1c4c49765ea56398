// @vitest-environment node
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkFile, checkChatConfig } from '../../workers/model-files/file-checks';
import { modelFileError } from '../../workers/model-files/model-file-error';
import { describeError } from '../../src/lib/engine/errors';
import { fixtureDir } from '../support/fixture.mjs';

const bytes = (text: string) => new TextEncoder().encode(text);
const realConfig = () => JSON.parse(readFileSync(`${fixtureDir}/mlc-chat-config.json`, 'utf8')) as Record<string, unknown>;
const fixtureConfig = (() => {
  try {
    return realConfig();
  } catch {
    return null;
  }
})();
const CONFIG_URL = 'https://huggingface.co/mlc-ai/Qwen2.5-0.5B-Instruct-q4f32_1-MLC/resolve/main/mlc-chat-config.json';

describe('chat config checks', () => {
  it.skipIf(!fixtureConfig)('accepts a real MLC config', () => {
    expect(checkFile('config', bytes(JSON.stringify(fixtureConfig)))).toBeNull();
  });

  it('rejects the absurd values of issue #18, naming the field', () => {
    const config = { ...(fixtureConfig ?? {}), context_window_size: -1, prefill_chunk_size: 0 };
    delete (config as Record<string, unknown>).tokenizer_files;
    expect(checkChatConfig(config)).toEqual({ kind: 'bad-field', detail: 'tokenizer_files must be a list of file names, not missing' });
    expect(checkChatConfig({ ...config, tokenizer_files: ['tokenizer.json'] })?.detail).toBe('context_window_size must be a whole number ≥ 1, not -1');
    expect(checkChatConfig({ ...config, tokenizer_files: ['tokenizer.json'], context_window_size: 4096 })?.detail).toBe('prefill_chunk_size must be a whole number ≥ 1, not 0');
  });

  it('allows context_window_size -1 only with a sliding window (as Mistral configs have)', () => {
    const base = { tokenizer_files: ['tokenizer.json'], prefill_chunk_size: 1024, vocab_size: 32000, conv_template: {} };
    expect(checkChatConfig({ ...base, context_window_size: -1, sliding_window_size: 4096 })).toBeNull();
    expect(checkChatConfig({ ...base, context_window_size: -1, sliding_window_size: -1 })?.kind).toBe('bad-field');
  });

  it('refuses tokenizer paths that leave the model folder, and out-of-range sampling values', () => {
    const base = { tokenizer_files: ['tokenizer.json'], context_window_size: 4096, prefill_chunk_size: 1024, vocab_size: 32000, conv_template: {} };
    expect(checkChatConfig({ ...base, tokenizer_files: ['../../evil.json'] })?.kind).toBe('bad-field');
    expect(checkChatConfig({ ...base, tokenizer_files: ['https://evil.example/t.json'] })?.kind).toBe('bad-field');
    expect(checkChatConfig({ ...base, tokenizer_files: ['tokenizer_config.json'] })?.detail).toMatch(/tokenizer\.json or tokenizer\.model/);
    expect(checkChatConfig({ ...base, top_p: 3 })?.detail).toBe('top_p must be a number from 0 to 1, not 3');
  });
});

describe('any small model file', () => {
  it('detects a web page served with 200 instead of JSON, by bytes or by Content-Type', () => {
    const page = '\n  <!DOCTYPE html><html><body>Blocked by your school</body></html>';
    expect(checkFile('manifest', bytes(page))?.kind).toBe('html-page');
    expect(checkFile('config', bytes('{"a":1}'), 'text/html; charset=utf-8')?.kind).toBe('html-page');
    expect(checkFile('tokenizer-binary', bytes('<html><head></head></html>'))?.kind).toBe('html-page');
  });

  it('says a cut or garbled JSON file is not JSON', () => {
    expect(checkFile('tokenizer-json', bytes('{"model": {"vocab": '))?.kind).toBe('not-json');
    expect(checkFile('manifest', bytes('[1, 2]'))?.kind).toBe('not-json');
  });

  it('checks the manifest: shards with a size, a safe path and (when present) a well-formed md5sum', () => {
    const shard = { dataPath: 'params_shard_0.bin', format: 'raw-shard', nbytes: 100, records: [] };
    expect(checkFile('manifest', bytes(JSON.stringify({ records: [shard] })))).toBeNull();
    expect(checkFile('manifest', bytes(JSON.stringify({ records: [] })))?.kind).toBe('bad-field');
    expect(checkFile('manifest', bytes(JSON.stringify({ records: [{ ...shard, nbytes: -5 }] })))?.detail).toMatch(/nbytes/);
    expect(checkFile('manifest', bytes(JSON.stringify({ records: [{ ...shard, dataPath: '/etc/passwd' }] })))?.detail).toMatch(/dataPath/);
    expect(checkFile('manifest', bytes(JSON.stringify({ records: [{ ...shard, md5sum: 'nope' }] })))?.detail).toMatch(/md5sum/);
  });
});

describe('what the person reads', () => {
  it('names the file and the host, explains a web page, and offers Try again', () => {
    const error = modelFileError(CONFIG_URL, { kind: 'html-page', detail: '' });
    const shown = describeError({ name: error.name, message: error.message });
    expect(shown.title).toBe('A model file is not usable');
    expect(shown.detail).toContain('answered with a web page instead of the model file mlc-chat-config.json from huggingface.co');
    expect(shown.detail).toContain('Try again downloads it afresh');
    expect(shown.action).toBe('retry');
  });

  it('reports a shard whose checksum differs as damaged', () => {
    const error = modelFileError('http://127.0.0.1:4312/models/synth/resolve/main/params_shard_8.bin', { kind: 'wrong-hash', detail: 'its MD5 checksum is x' });
    const shown = describeError({ name: error.name, message: error.message });
    expect(shown.title).toBe('A downloaded model file was damaged');
    expect(shown.detail).toMatch(/^params_shard_8\.bin from 127\.0\.0\.1:4312 arrived damaged: its MD5 checksum is x\./);
  });
});
