/**
 * A download that did not get through (a network failure, or a web page where a model file
 * should be: what school filters and captive portals answer) may well get through from another
 * source: the notice then offers "Download from another source" (StorageState.sources.tryNext).
 * Not offered for a model whose files are on no known source (a custom model's own host).
 */
import type { FriendlyError } from '../engine/errors';
import type { ModelSpec } from '../engine/protocol';
import { activeSourceChoice } from './active-source';
import { nextSourceChoice } from './choice';
import { locateLibrary } from './library-urls';
import { SOURCES, type SourceCatalog } from './sources';
import { locateWeights } from './weights-urls';

const BLOCKED_DOWNLOAD = new Set(['ModelFileInvalidError']);

export function offerOtherSources(error: FriendlyError, spec: ModelSpec, catalog: SourceCatalog = SOURCES): FriendlyError {
  const blocked = error.cause === 'network' || BLOCKED_DOWNLOAD.has(error.name);
  const movable = locateWeights(spec.weightsUrl, catalog) !== null || locateLibrary(spec.libraryUrl, catalog) !== null;
  if (!blocked || !movable || nextSourceChoice(activeSourceChoice(), catalog) === null) return error;
  const others = (error.alsoOffer ?? []).filter((action) => action !== 'try-other-source');
  return { ...error, alsoOffer: ['try-other-source', ...others] };
}
