// @vitest-environment node
import { afterEach, describe, expect, it } from 'vitest';
import { allEntries, toModelSpec } from '../../src/lib/catalog/catalog';
import { specOnSource } from '../../src/lib/download-source/choice';
import type { ModelSpec } from '../../src/lib/engine/protocol';
import { cachedOnAnySource, preferCachedSources } from '../../workers/source-cache';

/** A Cache API holding exactly these URLs in "webllm/wasm". */
function stubLibraryCache(urls: string[]): void {
  const cache = { match: async (url: string) => (urls.includes(url) ? new Response('x') : undefined) };
  (globalThis as { caches?: unknown }).caches = { has: async (name: string) => name === 'webllm/wasm', open: async () => cache };
}

afterEach(() => {
  delete (globalThis as { caches?: unknown }).caches;
});

const catalogSpec = toModelSpec(allEntries().find((entry) => entry.id === 'Qwen2.5-0.5B-Instruct-q4f32_1-MLC')!);
const onMirrors = specOnSource(catalogSpec, { weights: 'hf-mirror', library: 'jsdelivr' });

describe('the worker loads a model from whichever source it is cached under', () => {
  it('keeps the chosen sources when nothing is cached', async () => {
    stubLibraryCache([]);
    expect(await preferCachedSources(onMirrors, async () => false)).toEqual(onMirrors);
    expect(await cachedOnAnySource(onMirrors, async () => false)).toBe(false);
  });

  it('uses the Hugging Face copy of the weights and the GitHub copy of the library after a switch to the mirrors', async () => {
    stubLibraryCache([catalogSpec.libraryUrl]);
    const asked: string[] = [];
    const cachedAt = async (spec: ModelSpec) => {
      asked.push(spec.weightsUrl);
      return spec.weightsUrl === catalogSpec.weightsUrl;
    };
    const used = await preferCachedSources(onMirrors, cachedAt);
    expect(used).toEqual({ ...onMirrors, weightsUrl: catalogSpec.weightsUrl, libraryUrl: catalogSpec.libraryUrl });
    // The chosen source is looked at first.
    expect(asked[0]).toBe(onMirrors.weightsUrl);
    expect(await cachedOnAnySource(onMirrors, cachedAt)).toBe(true);
  });

  it('prefers the chosen source when the model is cached under several', async () => {
    stubLibraryCache([catalogSpec.libraryUrl, onMirrors.libraryUrl]);
    expect(await preferCachedSources(onMirrors, async () => true)).toEqual(onMirrors);
  });

  it('looks weights and library up apart, and leaves a model on another host alone', async () => {
    stubLibraryCache([onMirrors.libraryUrl]);
    const used = await preferCachedSources(catalogSpec, async (spec) => spec.weightsUrl === onMirrors.weightsUrl);
    expect(used).toMatchObject({ weightsUrl: onMirrors.weightsUrl, libraryUrl: onMirrors.libraryUrl });
    const foreign: ModelSpec = { id: 'x', weightsUrl: 'https://other.example/m/resolve/main/', libraryUrl: 'https://other.example/m.wasm', requiredFeatures: [] };
    const seen: string[] = [];
    expect(await preferCachedSources(foreign, async (spec) => (seen.push(spec.weightsUrl), false))).toEqual(foreign);
    expect(seen).toEqual([foreign.weightsUrl]);
  });
});
