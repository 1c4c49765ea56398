// @vitest-environment node
/**
 * Property tests for share links: whatever valid comparison is packed, the receiver gets exactly
 * it back; whatever happens to a link on its way (cut, retyped, bytes changed), opening it either
 * gives a valid comparison or a ShareLinkError with a sentence, never another exception.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  MAX_FRAGMENT_CHARS,
  MAX_SHARED_MODELS,
  MAX_SHARED_PROMPT_CHARS,
  ShareLinkError,
  decodeShare,
  encodeShare,
  type SharedComparison,
} from '../../src/lib/share/share-link';
import { normaliseSettings } from '../../src/lib/prompt/settings';
import { MAX_MODEL_ID_CHARS } from '../../src/lib/security/model-url-rules';

/** Any UTF-16 code unit (lone surrogates included), graphemes, and the usual troublemakers. */
const codeUnit = fc.integer({ min: 0, max: 0xffff }).map((code) => String.fromCharCode(code));
const hostileText = (maxLength: number) =>
  fc.string({
    unit: fc.oneof(codeUnit, fc.string({ unit: 'grapheme', maxLength: 1 }), fc.constantFrom('\u0000', '"', '\\', '</script>', '__proto__', '\ud83d', '\ude00', '👩‍🏫', '\u202e', '#share=v1.')),
    maxLength,
  });
const modelId = fc.stringMatching(new RegExp(`^[A-Za-z0-9][A-Za-z0-9._-]{0,${MAX_MODEL_ID_CHARS - 1}}$`));
const settings = fc
  .record({
    temperature: fc.double({ noNaN: false }),
    topP: fc.double(),
    maxTokens: fc.integer({ min: -10, max: 10_000 }),
    seed: fc.option(fc.integer(), { nil: undefined }),
  })
  .map((raw) => normaliseSettings(raw));

const comparison: fc.Arbitrary<SharedComparison> = fc
  .record({
    modelIds: fc.uniqueArray(modelId, { minLength: 1, maxLength: MAX_SHARED_MODELS }),
    systemPrompt: hostileText(200),
    prompt: hostileText(400),
    settings,
    texts: fc.array(hostileText(300), { maxLength: MAX_SHARED_MODELS }),
  })
  .map(({ texts, ...rest }) => ({
    ...rest,
    outputs: texts.slice(0, rest.modelIds.length).map((text, index) => ({ modelId: rest.modelIds[index]!, text })),
  }));

async function openResult(hash: string): Promise<{ ok: true; value: SharedComparison } | { ok: false; error: ShareLinkError }> {
  try {
    return { ok: true, value: await decodeShare(hash) };
  } catch (error) {
    expect(error).toBeInstanceOf(ShareLinkError);
    expect((error as Error).message.length).toBeGreaterThan(20);
    return { ok: false, error: error as ShareLinkError };
  }
}

describe('share links: encode → decode', () => {
  it('is the identity for any valid comparison (hostile unicode, lone surrogates)', async () => {
    await fc.assert(
      fc.asyncProperty(comparison, async (value) => {
        const withoutOutputs = await encodeShare(value, { includeOutputs: false });
        const { outputs, ...setup } = value;
        expect(await decodeShare(withoutOutputs.fragment)).toEqual(setup);

        const withOutputs = await encodeShare(value, { includeOutputs: true });
        expect(withOutputs.fragment.length).toBeLessThanOrEqual(MAX_FRAGMENT_CHARS);
        const decoded = await decodeShare(withOutputs.fragment);
        expect(decoded).toEqual(outputs && outputs.length > 0 ? { ...setup, outputs } : setup);
      }),
      { numRuns: 150 },
    );
  });

  it('keeps long text up to the limits, or says the prompt does not fit: never another error', async () => {
    const long = fc.record({
      modelIds: fc.constant<string[]>(['Qwen2.5-0.5B-Instruct-q4f16_1-MLC']),
      systemPrompt: fc.constant(''),
      // Repetitive text compresses to fit; random code units do not.
      prompt: fc.oneof(
        fc.tuple(hostileText(20), fc.integer({ min: 1, max: MAX_SHARED_PROMPT_CHARS })).map(([unit, n]) => (unit || 'x').repeat(n).slice(0, MAX_SHARED_PROMPT_CHARS)),
        hostileText(MAX_SHARED_PROMPT_CHARS),
      ),
      settings,
      outputs: fc.constant(undefined),
    });
    await fc.assert(
      fc.asyncProperty(long, async (value) => {
        let fragment: string;
        try {
          fragment = (await encodeShare(value, { includeOutputs: false })).fragment;
        } catch (error) {
          expect(error).toBeInstanceOf(ShareLinkError);
          expect((error as ShareLinkError).problem).toBe('too-long');
          return;
        }
        expect(fragment.length).toBeLessThanOrEqual(MAX_FRAGMENT_CHARS);
        const { outputs: _none, ...setup } = value;
        expect(await decodeShare(fragment)).toEqual(setup);
      }),
      { numRuns: 25 },
    );
  });

  it('cuts long outputs to fit, marking each one cut, never splitting a surrogate pair it was given', async () => {
    const big = fc.record({
      modelIds: fc.constant<string[]>(['a-model', 'b-model']),
      systemPrompt: fc.constant(''),
      prompt: fc.constant('Write a lot'),
      settings,
      outputs: fc.tuple(hostileText(40_000), fc.string({ unit: 'grapheme', minLength: 20_000, maxLength: 40_000 })).map(([a, b]) => [
        { modelId: 'a-model', text: a },
        { modelId: 'b-model', text: b },
      ]),
    });
    await fc.assert(
      fc.asyncProperty(big, async (value) => {
        const encoded = await encodeShare(value, { includeOutputs: true });
        expect(encoded.fragment.length).toBeLessThanOrEqual(MAX_FRAGMENT_CHARS);
        const decoded = await decodeShare(encoded.fragment);
        for (const [index, output] of (decoded.outputs ?? []).entries()) {
          const original = value.outputs![index]!;
          expect(original.text.startsWith(output.text)).toBe(true);
          expect(output.truncated === true).toBe(output.text.length < original.text.length);
        }
      }),
      { numRuns: 4 },
    );
  }, 60_000);
});

describe('share links: damaged on the way', () => {
  const mutation = fc.oneof(
    fc.record({ kind: fc.constant('char' as const), at: fc.nat(), to: fc.constantFrom(...'AZaz09-_+/=!%. #\u00e9') }),
    fc.record({ kind: fc.constant('cut' as const), at: fc.nat() }),
    fc.record({ kind: fc.constant('insert' as const), at: fc.nat(), text: hostileText(8) }),
    fc.record({ kind: fc.constant('byte' as const), at: fc.nat(), xor: fc.integer({ min: 1, max: 255 }) }),
  );

  function mutate(fragment: string, change: { kind: string; at: number; to?: string; text?: string; xor?: number }): string {
    const head = '#share=v1.';
    const body = fragment.slice(head.length);
    const at = change.at % Math.max(1, body.length);
    switch (change.kind) {
      case 'char':
        return head + body.slice(0, at) + change.to + body.slice(at + 1);
      case 'cut':
        return head + body.slice(0, at);
      case 'insert':
        return head + body.slice(0, at) + change.text + body.slice(at);
      default: {
        // Change one compressed byte and re-encode, so the damage gets past the base64 check.
        const bytes = Buffer.from(body, 'base64url');
        bytes[at % bytes.length] = bytes[at % bytes.length]! ^ change.xor!;
        return head + bytes.toString('base64url');
      }
    }
  }

  it('gives a valid comparison or a clear ShareLinkError, never a throw of anything else', async () => {
    await fc.assert(
      fc.asyncProperty(comparison, fc.array(mutation, { minLength: 1, maxLength: 3 }), async (value, changes) => {
        let hash = (await encodeShare(value, { includeOutputs: true })).fragment;
        for (const change of changes) hash = mutate(hash, change);
        const result = await openResult(hash);
        if (result.ok) {
          // Whatever survived is a comparison the app can use and share on.
          const again = await encodeShare(result.value, { includeOutputs: true });
          expect(await decodeShare(again.fragment)).toEqual(result.value);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('refuses text that is not a link at all with the same clear error', async () => {
    await fc.assert(
      fc.asyncProperty(hostileText(200), async (junk) => {
        const result = await openResult(`#share=${junk}`);
        if (result.ok) throw new Error(`opened junk: ${JSON.stringify(junk)}`);
      }),
      { numRuns: 300 },
    );
  });
});
