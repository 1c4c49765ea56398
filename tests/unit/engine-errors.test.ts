// @vitest-environment node
import { describe, expect, it } from 'vitest';
import {
  EngineCrashedError,
  LoadCancelledError,
  describeError,
  needsFreshWorker,
  type RecoveryAction,
} from '../../src/lib/engine/errors';

/** An Error whose class name is `name`, as the worker's errors arrive (comlink keeps `name`). */
function named(name: string, message = 'raw engine message'): Error {
  const error = new Error(message);
  error.name = name;
  return error;
}

describe('describeError by error name', () => {
  const cases: Array<[string, string, RecoveryAction]> = [
    ['WebGPUNotAvailableError', 'WebGPU is not available', 'use-another-browser'],
    ['WebGPUNotFoundError', 'No WebGPU adapter found', 'use-another-browser'],
    ['ShaderF16SupportError', 'This model needs shader-f16', 'pick-other-model'],
    ['FeatureSupportError', 'A required GPU feature is missing', 'pick-other-model'],
    ['DeviceLostError', 'The GPU stopped responding', 'restart-engine'],
    ['QuotaExceededError', 'Not enough storage space', 'free-space'],
    ['ModelNotLoadedError', 'The model is no longer loaded', 'restart-engine'],
    ['EngineNotLoadedError', 'The model is no longer loaded', 'restart-engine'],
    ['ContextWindowSizeExceededError', 'Prompt too long for this model', 'shorten-prompt'],
    ['CustomModelError', 'Custom model is not valid', 'fix-custom-model'],
  ];

  it.each(cases)('%s → "%s" / %s, keeping name and raw message', (name, title, action) => {
    const friendly = describeError(named(name, 'the raw text'));
    expect(friendly.title).toBe(title);
    expect(friendly.action).toBe(action);
    expect(friendly.name).toBe(name);
    expect(friendly.technical).toBe('the raw text');
    expect(friendly.detail.length).toBeGreaterThan(20);
    expect(friendly.detail).not.toBe('the raw text');
  });

  it('the name wins over a misleading message', () => {
    // The message alone would read as a network failure; the class says shader-f16.
    const friendly = describeError(named('ShaderF16SupportError', 'Failed to fetch'));
    expect(friendly.action).toBe('pick-other-model');
  });

  it('points the f16 failure to the q4f32 variant, the one thing a person can do', () => {
    expect(describeError(named('ShaderF16SupportError')).detail).toContain('q4f32');
  });

  it('maps a DOMException named QuotaExceededError (what Cache Storage throws) to free-space', () => {
    const exception = new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    const friendly = describeError(exception);
    expect(friendly.name).toBe('QuotaExceededError');
    expect(friendly.title).toBe('Not enough storage space');
    expect(friendly.action).toBe('free-space');
    expect(friendly.technical).toBe('The quota has been exceeded.');
  });

  it('maps our own errors', () => {
    const crashed = describeError(new EngineCrashedError('worker terminated'));
    expect(crashed).toMatchObject({ name: 'EngineCrashedError', title: 'The engine crashed', action: 'restart-engine' });
    const cancelled = describeError(new LoadCancelledError());
    expect(cancelled).toMatchObject({
      name: 'LoadCancelledError',
      title: 'Loading cancelled',
      action: 'retry',
      technical: 'Loading was cancelled.',
    });
  });
});

describe('describeError by message', () => {
  it('a "Failed to fetch" TypeError is a download failure to retry', () => {
    const friendly = describeError(new TypeError('Failed to fetch'));
    expect(friendly).toMatchObject({ name: 'TypeError', title: 'Download failed', action: 'retry', technical: 'Failed to fetch' });
  });

  it.each([
    'NetworkError when attempting to fetch resource.',
    'Load failed',
    'Cannot fetch https://huggingface.co/x/resolve/main/params_shard_3.bin: status 404',
  ])('recognises other browsers\' network failures: %s', (message) => {
    expect(describeError(new TypeError(message)).title).toBe('Download failed');
  });

  it('"Device was lost" restarts the engine', () => {
    const friendly = describeError(new Error('Device was lost. This can happen due to insufficient memory.'));
    expect(friendly.title).toBe('The GPU stopped responding');
    expect(friendly.action).toBe('restart-engine');
    expect(friendly.name).toBe('Error');
  });

  it('"Unexpected end of JSON input" means a damaged cached file', () => {
    const friendly = describeError(new SyntaxError('Unexpected end of JSON input'));
    expect(friendly).toMatchObject({ name: 'SyntaxError', title: 'The cached model looks damaged', action: 'clear-model-cache' });
  });

  it('a GPU out-of-memory message suggests a smaller model', () => {
    const friendly = describeError(new Error('Out of memory (while creating Buffer with size 2684354560)'));
    expect(friendly.action).toBe('pick-other-model');
    expect(friendly.title).toBe('Model too big for this GPU');
  });

  it('web-llm\'s context window message (a plain Error) asks for a shorter prompt', () => {
    const friendly = describeError(
      new Error('Prompt tokens exceed context window size: number of prompt tokens: 5000; context window size: 4096'),
    );
    expect(friendly.action).toBe('shorten-prompt');
  });

  it('a quota message without the class name still means free-space', () => {
    expect(describeError(new Error('Storage quota exceeded while writing cache')).action).toBe('free-space');
  });

  // Regression (found in review): the bare /404|500|503/ alternatives in the network rule match any number that contains
  // those digits, and that rule is tried before the out-of-memory one. A 1.4 GiB buffer
  // (1503238553 bytes, contains "503") is then reported as "Download failed" / retry instead of
  // "Model too big for this GPU" / pick-other-model. Flip to `it` once the pattern is anchored.
  it('an out-of-memory message whose byte count happens to contain "503" is still out of memory', () => {
    const friendly = describeError(new Error('Out of memory (while creating Buffer with size 1503238553)'));
    expect(friendly.action).toBe('pick-other-model');
  });
});

describe('describeError fallback', () => {
  it('keeps an unknown error\'s own message as the detail, offering retry', () => {
    const friendly = describeError(new RangeError('tokenizer exploded at byte 17'));
    expect(friendly).toEqual({
      name: 'RangeError',
      technical: 'tokenizer exploded at byte 17',
      title: 'Something went wrong',
      detail: 'tokenizer exploded at byte 17',
      action: 'retry',
    });
  });

  it('says something readable when the unknown error has no message', () => {
    const friendly = describeError(new Error(''));
    expect(friendly.title).toBe('Something went wrong');
    expect(friendly.detail).toBe('An unknown error happened in the engine.');
  });

  it('accepts a thrown string', () => {
    const friendly = describeError('worker said no');
    expect(friendly).toMatchObject({ name: 'Error', technical: 'worker said no', detail: 'worker said no', action: 'retry' });
  });
});

describe('describeError on plain objects with a name', () => {
  it('maps a known name on a plain (non-Error) object', () => {
    const friendly = describeError({ name: 'DeviceLostError', message: 'gone' });
    expect(friendly.name).toBe('DeviceLostError');
    expect(friendly.title).toBe('The GPU stopped responding');
    expect(friendly.action).toBe('restart-engine');
  });

  it('maps QuotaExceededError on a plain object', () => {
    expect(describeError({ name: 'QuotaExceededError', message: 'full' }).action).toBe('free-space');
  });

  it('maps an Error rebuilt the way comlink rebuilds worker errors', () => {
    // comlink: Object.assign(new Error(value.message), { message, name, stack })
    const rebuilt = Object.assign(new Error('Failed to fetch'), { name: 'TypeError', message: 'Failed to fetch', stack: '' });
    expect(describeError(rebuilt)).toMatchObject({ name: 'TypeError', title: 'Download failed', action: 'retry' });
  });

  // Regression (found in review): for a non-Error object, `technical` is String(error) = "[object Object]", so its message is
  // lost: the message rules never see it and an unknown one shows "[object Object]" as the detail.
  it('keeps the message of a plain object and maps it by message', () => {
    const friendly = describeError({ name: 'Error', message: 'Failed to fetch' });
    expect(friendly.technical).toBe('Failed to fetch');
    expect(friendly.title).toBe('Download failed');
  });
});

describe('needsFreshWorker', () => {
  it('is true only for errors whose action is restart-engine', () => {
    expect(needsFreshWorker(named('DeviceLostError'))).toBe(true);
    expect(needsFreshWorker(new EngineCrashedError('gone'))).toBe(true);
    expect(needsFreshWorker(named('ModelNotLoadedError'))).toBe(true);
    expect(needsFreshWorker(named('EngineNotLoadedError'))).toBe(true);
    expect(needsFreshWorker(new Error('GPU device is lost'))).toBe(true);
    expect(needsFreshWorker({ name: 'DeviceLostError' })).toBe(true);
  });

  it('is false for everything else', () => {
    expect(needsFreshWorker(new TypeError('Failed to fetch'))).toBe(false);
    expect(needsFreshWorker(named('QuotaExceededError'))).toBe(false);
    expect(needsFreshWorker(named('ShaderF16SupportError'))).toBe(false);
    expect(needsFreshWorker(named('ContextWindowSizeExceededError'))).toBe(false);
    expect(needsFreshWorker(new LoadCancelledError())).toBe(false);
    expect(needsFreshWorker(new SyntaxError('Unexpected end of JSON input'))).toBe(false);
    expect(needsFreshWorker(new Error('something odd'))).toBe(false);
    expect(needsFreshWorker('string')).toBe(false);
  });
});
