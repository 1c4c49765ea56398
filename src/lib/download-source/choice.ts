/**
 * The "Download models from" setting: one source for weights and one for model libraries.
 * Stored in preferences and read back as untrusted (parseSourceChoice), applied to a model spec
 * just before it is loaded (specOnSource), and, when a download fails, the next pair to try.
 */
import type { ModelSpec } from '../engine/protocol';
import { libraryUrlOn } from './library-urls';
import { SOURCES, type LibrarySourceId, type SourceCatalog, type WeightsSourceId } from './sources';
import { weightsUrlOn } from './weights-urls';

export interface SourceChoice {
  weights: WeightsSourceId;
  library: LibrarySourceId;
}

/** The build's mirrors when it has them (that is why they were configured), else the publishers. */
export function defaultSourceChoice(catalog: SourceCatalog = SOURCES): SourceChoice {
  return {
    weights: catalog.weights.some((source) => source.id === 'mirror') ? 'mirror' : 'huggingface',
    library: catalog.libraries.some((source) => source.id === 'mirror') ? 'mirror' : 'github',
  };
}

/**
 * A stored choice, checked: each half must name a source this build offers (a record saved by a
 * build with a mirror, read by one without, falls back to the default for that half).
 */
export function parseSourceChoice(raw: unknown, catalog: SourceCatalog = SOURCES): SourceChoice {
  const fallback = defaultSourceChoice(catalog);
  if (!raw || typeof raw !== 'object') return fallback;
  const { weights, library } = raw as Record<string, unknown>;
  return {
    weights: catalog.weights.find((source) => source.id === weights)?.id ?? fallback.weights,
    library: catalog.libraries.find((source) => source.id === library)?.id ?? fallback.library,
  };
}

/** The spec with its weights and library (and an absolute manifest URL) on the chosen sources. */
export function specOnSource(spec: ModelSpec, choice: SourceChoice, catalog: SourceCatalog = SOURCES): ModelSpec {
  const moved: ModelSpec = {
    ...spec,
    weightsUrl: weightsUrlOn(spec.weightsUrl, choice.weights, catalog),
    libraryUrl: libraryUrlOn(spec.libraryUrl, choice.library, catalog),
  };
  if (typeof spec.modelManifest === 'string' && /^https?:/i.test(spec.modelManifest)) {
    moved.modelManifest = weightsUrlOn(spec.modelManifest, choice.weights, catalog);
  }
  return moved;
}

/**
 * Every place this spec's files may already be cached, the spec's own URLs first, each other
 * source after, without repeats: the worker loads from the first that is in the cache, so a
 * model downloaded from one source is not downloaded again after the setting changes.
 */
export function cachedCandidates(spec: ModelSpec, catalog: SourceCatalog = SOURCES): { weights: string[]; libraries: string[] } {
  const weights = [spec.weightsUrl, ...catalog.weights.map((source) => weightsUrlOn(spec.weightsUrl, source.id, catalog))];
  const libraries = [spec.libraryUrl, ...catalog.libraries.map((source) => libraryUrlOn(spec.libraryUrl, source.id, catalog))];
  return { weights: [...new Set(weights)], libraries: [...new Set(libraries)] };
}

/**
 * After a failed download: the next pair of sources, each half moved to its next source (in
 * the order the setting lists them, wrapping around), so a blocked host is left for both kinds
 * of file at once. null when this build has one source of each kind.
 */
export function nextSourceChoice(choice: SourceChoice, catalog: SourceCatalog = SOURCES): SourceChoice | null {
  const after = <Id extends string>(list: readonly { id: Id }[], id: Id): Id => {
    const index = list.findIndex((source) => source.id === id);
    return list[(index + 1) % list.length]!.id;
  };
  const next = { weights: after(catalog.weights, choice.weights), library: after(catalog.libraries, choice.library) };
  return next.weights === choice.weights && next.library === choice.library ? null : next;
}

/** Do two choices name the same sources? */
export function sameChoice(a: SourceChoice, b: SourceChoice): boolean {
  return a.weights === b.weights && a.library === b.library;
}
