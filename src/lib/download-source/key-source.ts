/** Which download source a cached file came from, by its cache key (the URL it was fetched from). */
import { locateLibrary } from './library-urls';
import { SOURCES, type SourceCatalog } from './sources';
import { sourceLabel } from './source-text';
import { locateWeights } from './weights-urls';

/** The source's label ("hf-mirror.com"), or null for a key on no known source. */
export function describeKeySource(key: string, catalog: SourceCatalog = SOURCES): string | null {
  const weights = locateWeights(key, catalog);
  const source = weights
    ? catalog.weights.find((known) => known.id === weights.source)
    : catalog.libraries.find((known) => known.id === locateLibrary(key, catalog)?.source);
  return source ? sourceLabel(source) : null;
}
