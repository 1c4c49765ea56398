/**
 * Weights URLs on each weights source. Every source keeps Hugging Face's layout below its base
 * (`<org>/<repo>/resolve/<revision>/<file>`), so a URL is moved by swapping the base: the part
 * after it (the "path") is the same on every source. URLs on no known source (a custom model on
 * another host) are never moved.
 */
import { HF_MIRROR_BASE, HUGGING_FACE_BASE, type SourceCatalog, type WeightsSourceId } from './sources';

export interface WeightsLocation {
  source: WeightsSourceId;
  /** The URL after the source's base, e.g. `mlc-ai/Qwen2.5-0.5B-Instruct-q4f32_1-MLC/resolve/main/`. */
  path: string;
}

/** Base URL (ending in `/`) of a weights source in this catalog, or null when it has none. */
export function weightsBase(source: WeightsSourceId, catalog: SourceCatalog): string | null {
  if (source === 'huggingface') return HUGGING_FACE_BASE;
  if (source === 'hf-mirror') return HF_MIRROR_BASE;
  return catalog.hosts.modelBaseUrl;
}

/** Which source serves this URL, and its path there; null for a URL on no known source. */
export function locateWeights(url: string, catalog: SourceCatalog): WeightsLocation | null {
  // The longest base wins: a mirror at https://hf-mirror.com/school/ is the mirror, not hf-mirror.
  let best: WeightsLocation | null = null;
  let bestLength = -1;
  for (const { id } of catalog.weights) {
    const base = weightsBase(id, catalog);
    if (base !== null && url.startsWith(base) && base.length > bestLength && url.length > base.length) {
      best = { source: id, path: url.slice(base.length) };
      bestLength = base.length;
    }
  }
  return best;
}

/** The same file on another source; the URL unchanged when it is on no known source. */
export function weightsUrlOn(url: string, source: WeightsSourceId, catalog: SourceCatalog): string {
  const location = locateWeights(url, catalog);
  const base = weightsBase(source, catalog);
  if (!location || base === null || !catalog.weights.some((known) => known.id === source)) return url;
  return base + location.path;
}
