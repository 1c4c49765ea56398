// @vitest-environment node
import { deflateRawSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import {
  MAX_FRAGMENT_CHARS,
  ShareLinkError,
  decodeShare,
  encodeShare,
  isShareFragment,
  shareUrl,
  type SharedComparison,
} from '../../src/lib/share/share-link';

const BASE: SharedComparison = {
  modelIds: ['Qwen2.5-0.5B-Instruct-q4f16_1-MLC', 'Llama-3.2-1B-Instruct-q4f16_1-MLC'],
  systemPrompt: '你是一个乐于助人的助手。Be brief 🙂',
  prompt: '把“学而不思则罔”翻译成英文，再加一个表情 👩‍🏫🧪 and explain.',
  settings: { temperature: 0.3, topP: 0.9, maxTokens: 512, seed: 42 },
};
const OUTPUTS = [
  { modelId: BASE.modelIds[0]!, text: 'Learning without thought is labour lost. 📚 学习' },
  { modelId: BASE.modelIds[1]!, text: '𠜎𠜱 rare CJK (astral plane) and 🏳️‍🌈' },
];

/** A link made by hand from any JSON-able value, as an attacker would. */
function craft(payload: unknown, version = 'v1'): string {
  const raw = typeof payload === 'string' ? payload : JSON.stringify(payload);
  return `#share=${version}.${deflateRawSync(Buffer.from(raw, 'utf8')).toString('base64url')}`;
}

/** Deterministic text that does not compress well, so size limits are really reached. */
function noise(length: number, seed: number, alphabet = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789+/'): string {
  const symbols = Array.from(alphabet); // by code point, so emoji stay whole
  let state = seed >>> 0;
  let text = '';
  for (let i = 0; i < length; i += 1) {
    state = (Math.imul(state ^ (state >>> 15), 0x2c1b3c6d) + 0x6d2b79f5) >>> 0;
    text += symbols[state % symbols.length];
  }
  return text;
}

async function problemOf(hash: string): Promise<string> {
  try {
    await decodeShare(hash);
  } catch (error) {
    expect(error).toBeInstanceOf(ShareLinkError);
    expect((error as Error).name).toBe('ShareLinkError');
    expect((error as Error).message.length).toBeGreaterThan(20);
    return (error as ShareLinkError).problem;
  }
  throw new Error('decodeShare accepted it');
}

describe('encodeShare / decodeShare round trip', () => {
  it('round-trips a comparison without outputs, CJK and emoji intact', async () => {
    const encoded = await encodeShare({ ...BASE, outputs: OUTPUTS }, { includeOutputs: false });
    expect(encoded).toMatchObject({ outputsDropped: false, truncated: false });
    expect(encoded.fragment).toMatch(/^#share=v1\.[A-Za-z0-9_-]+$/);
    expect(isShareFragment(encoded.fragment)).toBe(true);
    expect(await decodeShare(encoded.fragment)).toEqual(BASE);
  });

  it('round-trips outputs when asked', async () => {
    const encoded = await encodeShare({ ...BASE, outputs: OUTPUTS }, { includeOutputs: true });
    expect(encoded).toMatchObject({ outputsDropped: false, truncated: false });
    expect(await decodeShare(encoded.fragment)).toEqual({ ...BASE, outputs: OUTPUTS });
    // location.hash without the '#' works too
    expect(await decodeShare(encoded.fragment.slice(1))).toEqual({ ...BASE, outputs: OUTPUTS });
  });

  it('builds the full URL from origin and path, dropping nothing else in', () => {
    expect(shareUrl({ origin: 'https://example.github.io', pathname: '/lineup/' }, '#share=v1.abc')).toBe(
      'https://example.github.io/lineup/#share=v1.abc',
    );
    expect(shareUrl({ origin: 'http://127.0.0.1:4173', pathname: '/' }, 'share=v1.abc')).toBe('http://127.0.0.1:4173/#share=v1.abc');
  });

  it('refuses to encode what could not be decoded', async () => {
    const five = { ...BASE, modelIds: ['a', 'b', 'c', 'd', 'e'] };
    await expect(encodeShare(five, { includeOutputs: false })).rejects.toMatchObject({ problem: 'shape' });
  });
});

describe('size limits when encoding', () => {
  it('truncates long outputs evenly so the fragment fits, keeping short ones whole', async () => {
    const long = [
      { modelId: BASE.modelIds[0]!, text: noise(40_000, 1) + '🙂'.repeat(3000) },
      { modelId: BASE.modelIds[1]!, text: 'short answer 🙂' },
    ];
    const encoded = await encodeShare({ ...BASE, outputs: long }, { includeOutputs: true });
    expect(encoded).toMatchObject({ outputsDropped: false, truncated: true });
    expect(encoded.fragment.length).toBeLessThanOrEqual(MAX_FRAGMENT_CHARS);
    expect(encoded.fragment.length).toBeGreaterThan(MAX_FRAGMENT_CHARS * 0.95); // the room is used
    const decoded = await decodeShare(encoded.fragment);
    const [first, second] = decoded.outputs ?? [];
    expect(first?.truncated).toBe(true);
    expect(long[0]!.text.startsWith(first!.text)).toBe(true);
    expect(first!.text.length).toBeGreaterThan(10_000);
    expect(second).toEqual(long[1]);
  });

  it('never cuts an emoji in half', async () => {
    const emoji = [{ modelId: BASE.modelIds[0]!, text: noise(80_000, 7, '🙂😀🎉🧪📚🐼') }];
    const decoded = await decodeShare((await encodeShare({ ...BASE, outputs: emoji }, { includeOutputs: true })).fragment);
    const text = decoded.outputs?.[0]?.text ?? '';
    expect(decoded.outputs?.[0]?.truncated).toBe(true);
    expect(text.length % 2).toBe(0);
    expect(text.length).toBeGreaterThan(1000);
    expect(text).not.toMatch(/[\ud800-\udbff]$/);
  });

  it('drops outputs and says so when the prompt alone fills the link', async () => {
    // The longest incompressible prompt that still fits without outputs.
    let low = 1000;
    let high = 40_000;
    while (low < high) {
      const mid = Math.ceil((low + high) / 2);
      const { fragment } = await encodeShare({ ...BASE, prompt: noise(mid, 3) }, { includeOutputs: false }).catch(() => ({ fragment: 'x'.repeat(MAX_FRAGMENT_CHARS + 1) }));
      if (fragment.length <= MAX_FRAGMENT_CHARS) low = mid;
      else high = mid - 1;
    }
    const value = { ...BASE, prompt: noise(low, 3), outputs: OUTPUTS };
    const encoded = await encodeShare(value, { includeOutputs: true });
    expect(encoded).toMatchObject({ outputsDropped: true, truncated: false });
    expect(encoded.fragment.length).toBeLessThanOrEqual(MAX_FRAGMENT_CHARS);
    expect((await decodeShare(encoded.fragment)).outputs).toBeUndefined();
  });

  it('refuses a prompt too long for any link', async () => {
    const value = { ...BASE, prompt: noise(59_000, 5) };
    await expect(encodeShare(value, { includeOutputs: false })).rejects.toMatchObject({ name: 'ShareLinkError', problem: 'too-long' });
  });
});

describe('decodeShare rejects malformed and hostile links', () => {
  const valid = { modelIds: ['m'], systemPrompt: '', prompt: 'hi', settings: {} };

  it('not a share fragment', async () => {
    for (const hash of ['', '#', '#/models', '#sharex', 'https://example.com/#share=v1.abc']) {
      expect(await problemOf(hash)).toBe('not-share');
    }
  });

  it('unknown version', async () => {
    expect(await problemOf(craft(valid, 'v2'))).toBe('version');
    expect(await problemOf('#share=abc')).toBe('version');
  });

  it('invalid base64', async () => {
    for (const data of ['', 'abc$def', 'abcd=', 'a', 'ab cd', '%E4%BD%A0']) {
      expect(await problemOf(`#share=v1.${data}`)).toBe('base64');
    }
  });

  it('decompression failure: not deflate, or cut short', async () => {
    expect(await problemOf(`#share=v1.${Buffer.from([0xff, 0xff, 0xff, 0xff, 0x00, 0x12]).toString('base64url')}`)).toBe('decompress');
    const whole = craft({ ...valid, prompt: noise(5000, 9) });
    expect(await problemOf(whole.slice(0, Math.floor(whole.length / 2)))).toBe('decompress');
  });

  it('a zip bomb (5 MB of zeros) is refused quickly', async () => {
    const bomb = `#share=v1.${deflateRawSync(Buffer.alloc(5_000_000)).toString('base64url')}`;
    expect(bomb.length).toBeLessThan(MAX_FRAGMENT_CHARS);
    const started = performance.now();
    expect(await problemOf(bomb)).toBe('too-large');
    expect(performance.now() - started).toBeLessThan(1000);
  });

  it('a link far longer than any Lineup makes is refused before decoding', async () => {
    expect(await problemOf(`#share=v1.${'A'.repeat(200_000)}`)).toBe('too-large');
  });

  it('invalid JSON or invalid UTF-8', async () => {
    expect(await problemOf(craft('{"modelIds": ['))).toBe('json');
    expect(await problemOf(`#share=v1.${deflateRawSync(Buffer.from([0x7b, 0xff, 0xfe, 0x7d])).toString('base64url')}`)).toBe('json');
  });

  it.each([
    ['null', null],
    ['an array', [valid]],
    ['no models', { ...valid, modelIds: [] }],
    ['model ids not strings', { ...valid, modelIds: [1, 2] }],
    ['an empty model id', { ...valid, modelIds: [''] }],
    ['five models', { ...valid, modelIds: ['a', 'b', 'c', 'd', 'e'] }],
    ['modelIds not a list', { ...valid, modelIds: 'a' }],
    ['no prompt', { ...valid, prompt: undefined }],
    ['prompt not a string', { ...valid, prompt: 42 }],
    ['prompt too long', { ...valid, prompt: 'x'.repeat(60_001) }],
    ['system prompt not a string', { ...valid, systemPrompt: ['x'] }],
    ['outputs not a list', { ...valid, outputs: 'text' }],
    ['an output without text', { ...valid, outputs: [{ modelId: 'm' }] }],
    ['an output for another model', { ...valid, outputs: [{ modelId: 'other', text: 'x' }] }],
    ['five outputs', { ...valid, outputs: Array.from({ length: 5 }, () => ({ modelId: 'm', text: 'x' })) }],
  ])('wrong shape: %s', async (_label, payload) => {
    expect(await problemOf(craft(payload))).toBe('shape');
  });

  it('accepts a prompt of exactly 60,000 characters and a missing system prompt', async () => {
    const decoded = await decodeShare(craft({ modelIds: ['m'], prompt: 'x'.repeat(60_000) }));
    expect(decoded.prompt).toHaveLength(60_000);
    expect(decoded.systemPrompt).toBe('');
  });

  it('normalises settings instead of trusting them', async () => {
    const decoded = await decodeShare(craft({ ...valid, settings: { temperature: 99, topP: -1, maxTokens: 'lots', seed: 1.5, extra: 1 } }));
    expect(decoded.settings).toEqual({ temperature: 2, topP: 0.05, maxTokens: 256 });
    expect((await decodeShare(craft({ ...valid, settings: 'hot' }))).settings).toEqual({ temperature: 0.7, topP: 0.95, maxTokens: 256 });
  });

  it('ignores __proto__ and constructor keys without polluting prototypes', async () => {
    const json =
      '{"__proto__":{"polluted":"yes"},"constructor":{"prototype":{"polluted":"yes"}},' +
      '"modelIds":["m"],"systemPrompt":"","prompt":"hi",' +
      '"settings":{"__proto__":{"polluted":"yes"},"temperature":0.5},' +
      '"outputs":[{"modelId":"m","text":"t","__proto__":{"polluted":"yes"}}]}';
    const decoded = await decodeShare(craft(json));
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.getPrototypeOf(decoded)).toBe(Object.prototype);
    expect(Object.getPrototypeOf(decoded.settings)).toBe(Object.prototype);
    expect(Object.keys(decoded).sort()).toEqual(['modelIds', 'outputs', 'prompt', 'settings', 'systemPrompt']);
    expect(Object.hasOwn(decoded, '__proto__')).toBe(false);
    expect(decoded.settings.temperature).toBe(0.5);
    expect(decoded.outputs).toEqual([{ modelId: 'm', text: 't' }]);
    expect(Object.getPrototypeOf(decoded.outputs![0])).toBe(Object.prototype);
  });
});

describe('reasoning in share links', () => {
  it('keeps the thinking apart from the answer, and the thinking switch, through a link', async () => {
    const value: SharedComparison = {
      ...BASE,
      settings: { ...BASE.settings, thinking: false },
      outputs: [{ modelId: BASE.modelIds[0]!, text: 'It is 4.', thinking: 'Two and two: 4.' }, OUTPUTS[1]!],
    };
    const { fragment } = await encodeShare(value, { includeOutputs: true });
    const decoded = await decodeShare(fragment);
    expect(decoded.settings.thinking).toBe(false);
    expect(decoded.outputs).toEqual(value.outputs);
  });

  it('leaves thinking on for a link that says nothing about it (links made before the switch)', async () => {
    const { fragment } = await encodeShare(BASE, { includeOutputs: false });
    expect((await decodeShare(fragment)).settings).not.toHaveProperty('thinking');
    const hostile = craft({ ...BASE, settings: { ...BASE.settings, thinking: 'no' } });
    expect((await decodeShare(hostile)).settings).not.toHaveProperty('thinking');
  });

  it('refuses thinking that is not text', async () => {
    const hostile = craft({ ...BASE, outputs: [{ modelId: BASE.modelIds[0], text: 'a', thinking: { evil: true } }] });
    await expect(decodeShare(hostile)).rejects.toThrow(ShareLinkError);
  });

  it('shortens a long thinking to fit the link, marked as shortened', async () => {
    const value: SharedComparison = { ...BASE, outputs: [{ modelId: BASE.modelIds[0]!, text: 'short', thinking: noise(60_000, 7) }] };
    const encoded = await encodeShare(value, { includeOutputs: true });
    expect(encoded.fragment.length).toBeLessThanOrEqual(MAX_FRAGMENT_CHARS);
    const [output] = (await decodeShare(encoded.fragment)).outputs!;
    expect(output!.truncated).toBe(true);
    expect(output!.text).toBe('short');
    expect(output!.thinking!.length).toBeLessThan(60_000);
    expect(value.outputs![0]!.thinking!.startsWith(output!.thinking!)).toBe(true);
  });
});

describe('custom models and the sender\'s figures travel in the link', () => {
  const custom = { id: 'my-model-q4f32_1', weightsUrl: 'https://models.example.org/my/resolve/main/', libraryUrl: 'https://models.example.org/my-webgpu.wasm', contextWindowSize: 2048 };
  const value: SharedComparison = {
    ...BASE,
    modelIds: [BASE.modelIds[0]!, custom.id],
    customModels: [custom],
    outputs: [{ modelId: custom.id, text: 'hi', metrics: { decodeTokensPerSecond: 41.5, completionTokens: 12 } }],
  };

  it('round-trips custom model URLs and output metrics', async () => {
    const decoded = await decodeShare((await encodeShare(value, { includeOutputs: true })).fragment);
    expect(decoded.customModels).toEqual([custom]);
    expect(decoded.outputs?.[0]?.metrics).toEqual({ decodeTokensPerSecond: 41.5, completionTokens: 12 });
  });

  it('a link made before these fields still opens, without them', async () => {
    const decoded = await decodeShare(craft({ ...BASE, outputs: OUTPUTS }));
    expect(decoded.customModels).toBeUndefined();
    expect(decoded.outputs?.map((output) => output.metrics)).toEqual([undefined, undefined]);
  });

  it('hostile figures are dropped, not trusted; a custom model must be one of the comparison\'s', async () => {
    const decoded = await decodeShare(craft({ ...value, outputs: [{ modelId: custom.id, text: 'x', metrics: { decodeTokensPerSecond: -5, completionTokens: 1e12, promptTokens: '7', engineTtftMs: 80, __proto__: { polluted: 1 } } }] }));
    expect(decoded.outputs?.[0]?.metrics).toEqual({ engineTtftMs: 80 });
    await expect(decodeShare(craft({ ...value, customModels: [{ ...custom, id: 'not-in-the-line-up' }] }))).rejects.toThrow(/not one of the comparison's models/);
    await expect(decodeShare(craft({ ...value, customModels: [{ ...custom, weightsUrl: 42 }] }))).rejects.toThrow(/no valid URL/);
  });
});
