// @vitest-environment node
/**
 * Property tests: the custom-model form, the preferences schema, the history schema, the share
 * link and the engine's last check agree on every URL, hostile ones included. A URL the form
 * accepts works everywhere afterwards; one the stores refuse, the form refuses too.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CustomModelError, customModelEntry, toModelSpec } from '../../src/lib/catalog/catalog';
import { connectSources } from '../../src/lib/security/content-security-policy';
import { modelUrlProblem, type HostPolicy } from '../../src/lib/security/model-url-rules';
import { validateModelSpec } from '../../src/lib/security/model-spec-policy';
import { parsePreferences } from '../../src/lib/storage/preferences';
import { checkRunRecord } from '../../src/lib/history/history-schema';
import { decodeShare, encodeShare } from '../../src/lib/share/share-link';
import { emptyMetrics } from '../../src/lib/metrics/run-metrics';
import { DEFAULT_SETTINGS } from '../../src/lib/prompt/settings';

const POLICY: HostPolicy = {
  sources: connectSources(['https://models.school.example', 'http://127.0.0.1:*']),
  pageOrigin: 'https://lineup.example',
};
const WEIGHTS = 'https://huggingface.co/mlc-ai/Qwen2.5-0.5B-Instruct-q4f32_1-MLC/resolve/main/';
const LIB = 'https://raw.githubusercontent.com/mlc-ai/binary-mlc-llm-libs/main/web-llm-models/v0_2_86/base/x-webgpu.wasm';

/** Characters that have broken URL handling somewhere: separators, escapes, look-alikes, invisibles. */
const HOSTILE = ['@', ':', '\\', '/', '%', '%2F', '%40', '%E0%A4%A', '#', '?', ' ', '\t', '\n', '\u200b', '\u202e', '\ufeff', 'é', 'ı', 'а', 'ｈ', '..', '\ud800', '😀', 'xn--', '\u0000'];
const hostileText = fc.string({
  unit: fc.oneof(fc.constantFrom(...HOSTILE), fc.constantFrom(...'abcXYZ019-._~'.split('')), fc.string({ unit: 'grapheme', maxLength: 1 })),
  maxLength: 40,
});
const allowedOrigin = fc.constantFrom(
  'https://huggingface.co',
  'https://cdn-lfs.huggingface.co',
  'https://raw.githubusercontent.com',
  'https://models.school.example',
  'http://127.0.0.1:4312',
  'https://lineup.example',
  'https://evil.example',
  'https://huggingface.co@evil.example',
  'https://user:pass@huggingface.co',
  'HTTPS://HuggingFace.CO',
  'javascript:',
);

/** Mostly well-formed URLs on allowed hosts with hostile bits spliced in, plus long ones and fast-check's own. */
const benignPart = fc.stringMatching(/^[A-Za-z0-9][A-Za-z0-9._-]{0,20}$/);
const candidateUrl = fc.oneof(
  fc.tuple(allowedOrigin, fc.array(hostileText, { maxLength: 5 })).map(([origin, parts]) => `${origin}/${parts.join('/')}`),
  fc
    .tuple(allowedOrigin, fc.array(benignPart, { minLength: 1, maxLength: 4 }), fc.option(hostileText), fc.boolean())
    .map(([origin, parts, odd, resolve]) => `${origin}/${parts.join('/')}${odd ?? ''}${resolve ? '/resolve/main/' : ''}`),
  fc.tuple(allowedOrigin, fc.integer({ min: 1900, max: 2200 })).map(([origin, n]) => `${origin}/me/${'m'.repeat(n)}-MLC/resolve/main/`),
  fc.webUrl({ withQueryParameters: true, withFragments: true, authoritySettings: { withUserInfo: true, withPort: true, withIPv4: true } }),
);

/** The record a run of this model would save. */
function runRecordWith(modelId: string, weightsUrl: string, libraryUrl: string): unknown {
  const at = '2025-01-01T00:00:00.000Z';
  return {
    version: 2, id: 'run-1', createdAt: at, updatedAt: at, systemPrompt: '', prompt: 'Hello', settings: DEFAULT_SETTINGS,
    parallel: false, device: null, appVersion: 'test', engineVersion: 'test',
    panes: [{ modelId, label: modelId, weightsUrl, libraryUrl, output: 'Hi', thinking: '', outcome: 'finished', finishReason: 'stop', error: null, metrics: emptyMetrics() }],
  };
}

function tryEntry(weightsUrl: string, libraryUrl: string, id?: string) {
  try {
    return { entry: customModelEntry({ weightsUrl, libraryUrl, ...(id === undefined ? {} : { id }) }, POLICY) };
  } catch (error) {
    // Whatever the input, the form gets a list of sentences, never a crash.
    expect(error).toBeInstanceOf(CustomModelError);
    expect((error as CustomModelError).problems.length).toBeGreaterThan(0);
    return { problems: (error as CustomModelError).problems };
  }
}

/** Everything a model accepted by the form goes through later on. */
async function expectAcceptedEverywhere(entry: ReturnType<typeof customModelEntry>): Promise<void> {
  const stored = { id: entry.id, weightsUrl: entry.record.model, libraryUrl: entry.record.model_lib };
  // Preferences read back, then the catalog re-adding it at start-up: the same model.
  expect(parsePreferences({ customModels: [stored] }).customModels).toEqual([stored]);
  expect(customModelEntry(stored, POLICY).record).toEqual(entry.record);
  // The engine client's and worker's check before a load.
  expect(validateModelSpec(toModelSpec(entry), POLICY)).toEqual([]);
  // Saved in history (and re-imported from a file).
  const check = checkRunRecord(runRecordWith(entry.id, stored.weightsUrl, stored.libraryUrl));
  expect(check.ok ? [] : check.problems).toEqual([]);
  // And it can be named in a share link.
  const encoded = await encodeShare({ modelIds: [entry.id], systemPrompt: '', prompt: 'Hello', settings: DEFAULT_SETTINGS }, { includeOutputs: false });
  expect((await decodeShare(encoded.fragment)).modelIds).toEqual([entry.id]);
}

describe('one rule set for model URLs, on every path', () => {
  it('a weights URL the form accepts is accepted by preferences, history, the share link and the engine check', async () => {
    let accepted = 0;
    await fc.assert(
      fc.asyncProperty(candidateUrl, fc.boolean(), async (url, typedId) => {
        const result = tryEntry(url, LIB, typedId ? 'w-test' : undefined);
        if (!result.entry) return;
        accepted += 1;
        await expectAcceptedEverywhere(result.entry);
      }),
      { numRuns: 400 },
    );
    expect(accepted).toBeGreaterThan(20); // the property was really exercised
  });

  it('a library URL the form accepts is accepted everywhere too', async () => {
    await fc.assert(
      fc.asyncProperty(candidateUrl, async (url) => {
        const result = tryEntry(WEIGHTS, `${url}.wasm`, 'lib-test');
        if (result.entry) await expectAcceptedEverywhere(result.entry);
      }),
      { numRuns: 300 },
    );
  });

  it('a URL the storage rules refuse is refused by the form, and left out of preferences and history', () => {
    fc.assert(
      fc.property(candidateUrl.filter((url) => url === url.trim()), (url) => {
        const problem = modelUrlProblem(url);
        if (problem === null) return;
        expect(tryEntry(url, LIB).entry).toBeUndefined();
        expect(tryEntry(WEIGHTS, url).entry).toBeUndefined();
        const refused: string[] = [];
        expect(parsePreferences({ customModels: [{ id: 'm', weightsUrl: url, libraryUrl: LIB }] }, refused).customModels).toEqual([]);
        expect(refused).toEqual([expect.stringContaining(problem)]);
        expect(checkRunRecord(runRecordWith('m', url, LIB)).ok).toBe(false);
      }),
      { numRuns: 400 },
    );
  });

  it('a model the engine check refuses never comes out of the form', () => {
    fc.assert(
      fc.property(candidateUrl, candidateUrl, (weights, library) => {
        const spec = { id: 'm', weightsUrl: weights, libraryUrl: library, requiredFeatures: [] };
        if (validateModelSpec(spec, POLICY).length === 0) return;
        // Normalisation may fix what the form was given; what it hands on must still pass.
        const result = tryEntry(weights, library, 'm');
        if (result.entry) expect(validateModelSpec(toModelSpec(result.entry), POLICY)).toEqual([]);
      }),
      { numRuns: 300 },
    );
  });
});
