// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { allEntries, customModelEntry, toModelSpec } from '../../src/lib/catalog/catalog';
import { DEFAULT_HOSTS, MODEL_LIB_PREFIX } from '../../src/lib/catalog/model-hosts';
import { cachedCandidates, defaultSourceChoice, nextSourceChoice, parseSourceChoice, specOnSource, type SourceChoice } from '../../src/lib/download-source/choice';
import { sameModelFiles, sourceVariants } from '../../src/lib/download-source/cache-keys';
import { libraryUrlOn, locateLibrary } from '../../src/lib/download-source/library-urls';
import { offerOtherSources } from '../../src/lib/download-source/recovery';
import { sourceCatalog, sourceCspList } from '../../src/lib/download-source/sources';
import { locateWeights, weightsUrlOn } from '../../src/lib/download-source/weights-urls';
import { describeKeySource } from '../../src/lib/download-source/key-source';
import { buildContentSecurityPolicy, connectSources, DEFAULT_MODEL_HOSTS } from '../../src/lib/security/content-security-policy';
import { validateModelSpec } from '../../src/lib/security/model-spec-policy';
import type { HostPolicy } from '../../src/lib/security/model-url-rules';
import { describeError } from '../../src/lib/engine/errors';
import type { ModelSpec } from '../../src/lib/engine/protocol';

const PUBLIC = sourceCatalog(DEFAULT_HOSTS);
const MIRRORED = sourceCatalog({ modelBaseUrl: 'https://models.school.example/hf/', libBaseUrl: 'https://models.school.example/libs/' });
/** The policy a build with these sources gets: the CSP list, nothing added. */
const policyOf = (catalog = PUBLIC): HostPolicy => ({ sources: connectSources(sourceCspList(catalog)), pageOrigin: 'https://lineup.example' });

const choicesOf = (catalog = PUBLIC): SourceChoice[] =>
  catalog.weights.flatMap((weights) => catalog.libraries.map((library) => ({ weights: weights.id, library: library.id })));

describe('every catalog model on every download source', () => {
  const specs = allEntries().map(toModelSpec);

  it.each([['public sources', PUBLIC], ['with build-time mirrors', MIRRORED]] as const)('%s: each URL moves to a URL the privacy policy allows, on that source', (_, catalog) => {
    expect(specs.length).toBeGreaterThan(100);
    const failures: string[] = [];
    for (const spec of specs) {
      for (const choice of choicesOf(catalog)) {
        const moved = specOnSource(spec, choice, catalog);
        const problems = validateModelSpec(moved, policyOf(catalog));
        if (problems.length > 0) failures.push(`${spec.id} ${JSON.stringify(choice)}: ${problems.join(' ')}`);
        if (locateWeights(moved.weightsUrl, catalog)?.source !== choice.weights) failures.push(`${spec.id}: weights not on ${choice.weights}: ${moved.weightsUrl}`);
        if (locateLibrary(moved.libraryUrl, catalog)?.source !== choice.library) failures.push(`${spec.id}: library not on ${choice.library}: ${moved.libraryUrl}`);
      }
    }
    expect(failures).toEqual([]);
  });

  it('spells each source the way it serves the files', () => {
    const spec = toModelSpec(allEntries().find((entry) => entry.id === 'Qwen2.5-0.5B-Instruct-q4f32_1-MLC')!);
    const lib = 'web-llm-models/v0_2_86/base/Qwen2-0.5B-Instruct-q4f32_1_cs1k-webgpu.wasm';
    expect(spec.libraryUrl).toBe(`${MODEL_LIB_PREFIX}${lib}`);
    expect(specOnSource(spec, { weights: 'hf-mirror', library: 'jsdelivr' }, MIRRORED)).toMatchObject({
      weightsUrl: 'https://hf-mirror.com/mlc-ai/Qwen2.5-0.5B-Instruct-q4f32_1-MLC/resolve/main/',
      libraryUrl: `https://cdn.jsdelivr.net/gh/mlc-ai/binary-mlc-llm-libs@main/${lib}`,
    });
    expect(specOnSource(spec, { weights: 'mirror', library: 'mirror' }, MIRRORED)).toMatchObject({
      weightsUrl: 'https://models.school.example/hf/mlc-ai/Qwen2.5-0.5B-Instruct-q4f32_1-MLC/resolve/main/',
      libraryUrl: `https://models.school.example/libs/${lib}`,
    });
    // Back to the publishers: exactly the catalog's URLs.
    const there = specOnSource(spec, { weights: 'mirror', library: 'jsdelivr' }, MIRRORED);
    expect(specOnSource(there, { weights: 'huggingface', library: 'github' }, MIRRORED)).toEqual(spec);
  });

  it('leaves a custom model on another host where it is, on every source', () => {
    const custom = toModelSpec(customModelEntry({ id: 'school-model', weightsUrl: 'https://models.other.example/m/resolve/main/', libraryUrl: 'https://models.other.example/m-webgpu.wasm' }, { sources: ['https://models.other.example'], pageOrigin: '' }));
    for (const choice of choicesOf(MIRRORED)) expect(specOnSource(custom, choice, MIRRORED)).toEqual(custom);
    expect(cachedCandidates(custom, MIRRORED)).toEqual({ weights: [custom.weightsUrl], libraries: [custom.libraryUrl] });
  });

  it('moves a custom model on Hugging Face and GitHub like a catalog one (same layout), but a library outside the mirrored repository stays on GitHub for the mirror', () => {
    const spec: ModelSpec = { id: 'mine', weightsUrl: 'https://huggingface.co/me/my-model-MLC/resolve/main/', libraryUrl: 'https://raw.githubusercontent.com/me/libs/v1/my-webgpu.wasm', requiredFeatures: [] };
    expect(specOnSource(spec, { weights: 'hf-mirror', library: 'jsdelivr' }, MIRRORED)).toMatchObject({
      weightsUrl: 'https://hf-mirror.com/me/my-model-MLC/resolve/main/',
      libraryUrl: 'https://cdn.jsdelivr.net/gh/me/libs@v1/my-webgpu.wasm',
    });
    expect(specOnSource(spec, { weights: 'mirror', library: 'mirror' }, MIRRORED).libraryUrl).toBe(spec.libraryUrl);
  });

  it('never leaves the policy when a "mirror" is named by a build that has none', () => {
    const spec = toModelSpec(allEntries()[0]!);
    expect(specOnSource(spec, { weights: 'mirror', library: 'mirror' }, PUBLIC)).toEqual(spec);
  });
});

describe('the privacy policy lists exactly the download sources', () => {
  it('has the public sources and nothing else by default', () => {
    expect(DEFAULT_MODEL_HOSTS).toEqual([
      'https://huggingface.co',
      'https://*.huggingface.co',
      'https://*.hf.co',
      'https://hf-mirror.com',
      'https://*.hf-mirror.com',
      'https://raw.githubusercontent.com',
      'https://cdn.jsdelivr.net',
    ]);
  });

  it('adds a build\'s mirrors from the same list, and the URL rules accept exactly what the policy lists', () => {
    const connect = buildContentSecurityPolicy(sourceCspList(MIRRORED)).split('; ').find((part) => part.startsWith('connect-src '));
    expect(connect).toBe(`connect-src 'self' data: blob: ${[...DEFAULT_MODEL_HOSTS, 'https://models.school.example'].join(' ')}`);
    const policy = policyOf(MIRRORED);
    const at = (url: string) => validateModelSpec({ id: 'm', weightsUrl: url, libraryUrl: 'https://cdn.jsdelivr.net/gh/a/b@c/x.wasm', requiredFeatures: [] }, policy);
    for (const ok of ['https://hf-mirror.com/a/b/resolve/main/', 'https://cdn-lfs.hf-mirror.com/a/resolve/main/', 'https://models.school.example/hf/a/resolve/main/']) expect(at(ok)).toEqual([]);
    for (const refused of ['https://fastly.jsdelivr.net/gh/a/resolve/main/', 'https://hf-mirror.com.evil.example/a/resolve/main/', 'https://mirror.example/a/resolve/main/']) expect(at(refused)).toHaveLength(1);
  });
});

describe('cached copies on other sources', () => {
  const spec = specOnSource(toModelSpec(allEntries()[0]!), { weights: 'hf-mirror', library: 'jsdelivr' }, MIRRORED);

  it('lists the chosen source first, then every other one, once each', () => {
    const candidates = cachedCandidates(spec, MIRRORED);
    expect(candidates.weights[0]).toBe(spec.weightsUrl);
    expect(candidates.libraries[0]).toBe(spec.libraryUrl);
    expect(candidates.weights.map((url) => locateWeights(url, MIRRORED)?.source)).toEqual(['hf-mirror', 'huggingface', 'mirror']);
    expect(candidates.libraries.map((url) => locateLibrary(url, MIRRORED)?.source)).toEqual(['jsdelivr', 'github', 'mirror']);
  });

  it('treats one model from two sources as one in the storage panel, and deletes both copies', () => {
    const original = toModelSpec(allEntries()[0]!);
    expect(sameModelFiles(original.weightsUrl, spec.weightsUrl, MIRRORED)).toBe(true);
    expect(sameModelFiles(original.weightsUrl, toModelSpec(allEntries()[1]!).weightsUrl, MIRRORED)).toBe(false);
    expect(sourceVariants(spec.weightsUrl, MIRRORED)).toHaveLength(3);
    expect(sourceVariants('https://elsewhere.example/m/resolve/main/', MIRRORED)).toEqual(['https://elsewhere.example/m/resolve/main/']);
    expect(describeKeySource(spec.weightsUrl, MIRRORED)).toBe('hf-mirror.com');
    expect(describeKeySource(spec.libraryUrl, MIRRORED)).toBe('jsDelivr');
  });
});

describe('the setting', () => {
  it('defaults to the publishers, or to the mirrors of a build that has them', () => {
    expect(defaultSourceChoice(PUBLIC)).toEqual({ weights: 'huggingface', library: 'github' });
    expect(defaultSourceChoice(MIRRORED)).toEqual({ weights: 'mirror', library: 'mirror' });
    expect(parseSourceChoice({ weights: 'mirror', library: 'mirror' }, PUBLIC)).toEqual({ weights: 'huggingface', library: 'github' });
    expect(parseSourceChoice({ weights: 'hf-mirror', library: 'nope' }, MIRRORED)).toEqual({ weights: 'hf-mirror', library: 'mirror' });
  });

  it('after a failure moves both halves to their next source and comes round to the first', () => {
    let choice: SourceChoice | null = defaultSourceChoice(MIRRORED);
    const seen: string[] = [];
    for (let i = 0; i < 3; i++) {
      choice = nextSourceChoice(choice!, MIRRORED);
      seen.push(`${choice!.weights}+${choice!.library}`);
    }
    expect(seen).toEqual(['huggingface+github', 'hf-mirror+jsdelivr', 'mirror+mirror']);
    const single = { ...PUBLIC, weights: PUBLIC.weights.slice(0, 1), libraries: PUBLIC.libraries.slice(0, 1) };
    expect(nextSourceChoice({ weights: 'huggingface', library: 'github' }, single)).toBeNull();
  });

  it('offers another source for a download that did not get through, not for other errors or a foreign host', () => {
    const catalogSpec = toModelSpec(allEntries()[0]!);
    const failed = describeError(new TypeError('Failed to fetch'));
    expect(offerOtherSources(failed, catalogSpec, PUBLIC).alsoOffer?.[0]).toBe('try-other-source');
    const page = Object.assign(new Error('The network answered with a web page instead of the model file tensor-cache.json'), { name: 'ModelFileInvalidError' });
    expect(offerOtherSources(describeError(page), catalogSpec, PUBLIC).alsoOffer).toContain('try-other-source');
    expect(offerOtherSources(describeError(new Error('GPUOutOfMemoryError: Out of memory')), catalogSpec, PUBLIC).alsoOffer ?? []).not.toContain('try-other-source');
    const foreign: ModelSpec = { id: 'x', weightsUrl: 'https://other.example/m/resolve/main/', libraryUrl: 'https://other.example/m.wasm', requiredFeatures: [] };
    expect(offerOtherSources(failed, foreign, PUBLIC).alsoOffer ?? []).not.toContain('try-other-source');
  });

  it('keeps GitHub for a library jsDelivr would not serve, and unknown URLs unchanged', () => {
    expect(libraryUrlOn('https://raw.githubusercontent.com/a/b/c/x.wasm?v=1', 'jsdelivr', PUBLIC)).toBe('https://raw.githubusercontent.com/a/b/c/x.wasm?v=1');
    expect(weightsUrlOn('https://huggingface.co.evil.example/a/', 'hf-mirror', PUBLIC)).toBe('https://huggingface.co.evil.example/a/');
    expect(weightsUrlOn('https://huggingface.co/', 'hf-mirror', PUBLIC)).toBe('https://huggingface.co/');
  });
});
