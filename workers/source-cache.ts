/**
 * web-llm's cache is keyed by URL, so the same model downloaded from Hugging Face and from
 * hf-mirror.com is two different cache entries. Before a load, the worker looks for the model's
 * files under every download source's URLs (the chosen source first) and loads from the one
 * already cached: after the person switches sources, a model downloaded before is read from the
 * cache, never downloaded a second time. Weights and library are looked up apart.
 */
import type { CacheBackend, ModelSpec } from '../src/lib/engine/protocol';
import { cachedCandidates } from '../src/lib/download-source/choice';
import { locateWeights, weightsUrlOn } from '../src/lib/download-source/weights-urls';
import { SOURCES } from '../src/lib/download-source/sources';
import { hasCachedLibrary } from './library-cache';

async function firstCached(urls: readonly string[], isCached: (url: string) => Promise<boolean>): Promise<string | null> {
  for (const url of urls) {
    if (await isCached(url).catch(() => false)) return url;
  }
  return null;
}

/**
 * The spec with its weights and library moved to the source each is cached under, or left
 * where it is (the chosen source) when it is cached nowhere. `weightsCached` is the runtime's
 * own test (web-llm's hasModelInCache: the manifest and every shard it lists).
 */
export async function preferCachedSources(model: ModelSpec, weightsCached: (spec: ModelSpec) => Promise<boolean>): Promise<ModelSpec> {
  const backend: CacheBackend = model.cacheBackend ?? 'cache';
  const candidates = cachedCandidates(model);
  const weightsUrl = (await firstCached(candidates.weights, (url) => weightsCached({ ...model, weightsUrl: url }))) ?? model.weightsUrl;
  const libraryUrl = (await firstCached(candidates.libraries, (url) => hasCachedLibrary(url, backend))) ?? model.libraryUrl;
  const moved: ModelSpec = { ...model, weightsUrl, libraryUrl };
  // An absolute manifest URL (normally a file name next to the weights) goes with the weights.
  const source = locateWeights(weightsUrl, SOURCES)?.source;
  if (source && typeof model.modelManifest === 'string' && /^https?:/i.test(model.modelManifest)) {
    moved.modelManifest = weightsUrlOn(model.modelManifest, source, SOURCES);
  }
  return moved;
}

/** Is the model cached under any source's URLs? */
export async function cachedOnAnySource(model: ModelSpec, weightsCached: (spec: ModelSpec) => Promise<boolean>): Promise<boolean> {
  const url = await firstCached(cachedCandidates(model).weights, (candidate) => weightsCached({ ...model, weightsUrl: candidate }));
  return url !== null;
}
