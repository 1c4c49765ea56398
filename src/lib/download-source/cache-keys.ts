/**
 * Cache keys across download sources. web-llm keys its cache by URL, so one model downloaded
 * from two sources has two keys; the storage panel and the quota warning treat them as one model.
 */
import { libraryUrlOn, locateLibrary } from './library-urls';
import { SOURCES, type SourceCatalog } from './sources';
import { locateWeights, weightsUrlOn } from './weights-urls';

/** The same key (a weights folder or a library URL) on every source, itself first. */
export function sourceVariants(key: string, catalog: SourceCatalog = SOURCES): string[] {
  if (locateWeights(key, catalog)) return [...new Set([key, ...catalog.weights.map((source) => weightsUrlOn(key, source.id, catalog))])];
  if (locateLibrary(key, catalog)) return [...new Set([key, ...catalog.libraries.map((source) => libraryUrlOn(key, source.id, catalog))])];
  return [key];
}

/** Do two keys name the same files, perhaps from different sources? */
export function sameModelFiles(a: string, b: string, catalog: SourceCatalog = SOURCES): boolean {
  return a === b || sourceVariants(a, catalog).includes(b);
}
