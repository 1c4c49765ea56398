/** Which download source a cached file came from, by its cache key (the URL it was fetched from). */
import { locateLibrary } from './library-urls';
import { SOURCES, type SourceCatalog } from './sources';
import { locateWeights } from './weights-urls';

/** The source's label ("hf-mirror.com"), or null for a key on no known source. */
export function describeKeySource(key: string, catalog: SourceCatalog = SOURCES): string | null {
  const weights = locateWeights(key, catalog);
  if (weights) return catalog.weights.find((source) => source.id === weights.source)?.label ?? null;
  const library = locateLibrary(key, catalog);
  if (library) return catalog.libraries.find((source) => source.id === library.source)?.label ?? null;
  return null;
}
