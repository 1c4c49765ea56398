/**
 * Summary statistics for benchmark samples. A benchmark repeats each measurement a few times, so
 * we report the median (robust to one slow outlier, e.g. a GC pause or a shader compiled late)
 * with the spread (min, max, p90) rather than a mean that one bad run can drag around.
 * Pure functions, no DOM.
 */

export interface Summary {
  /** How many usable values went in (nulls and non-finite values are not counted). */
  n: number;
  median: number;
  min: number;
  max: number;
  p90: number;
  mean: number;
}

/**
 * The p-quantile (0 ≤ p ≤ 1) of an ascending list, by linear interpolation between closest ranks:
 * h = (n − 1)·p, then sorted[⌊h⌋] + (h − ⌊h⌋)·(sorted[⌈h⌉] − sorted[⌊h⌋]).
 * This is Hyndman & Fan's definition 7, the default of R's quantile(), numpy.percentile and
 * spreadsheets' PERCENTILE.INC, so anyone re-checking our exported figures gets the same numbers.
 * NaN for an empty list; the caller must sort (we do not, so medians of big lists sort once).
 */
export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0 || !(p >= 0 && p <= 1)) return Number.NaN;
  const h = (sorted.length - 1) * p;
  const lower = Math.floor(h);
  const upper = Math.ceil(h);
  const low = sorted[lower] as number;
  const high = sorted[upper] as number;
  return low + (h - lower) * (high - low);
}

/** Median of an ascending list: the middle value, or the mean of the two middle ones. */
export function median(sorted: readonly number[]): number {
  return percentile(sorted, 0.5);
}

/**
 * Summarise measured values. null (not measured: e.g. a run that produced one token has no
 * decode speed), NaN and ±Infinity are ignored rather than counted as zero, which would make a
 * model look slower than it is. null when nothing usable is left.
 */
export function summarize(values: readonly (number | null)[]): Summary | null {
  const usable = values.filter((value): value is number => typeof value === 'number' && Number.isFinite(value));
  if (usable.length === 0) return null;
  const sorted = [...usable].sort((a, b) => a - b);
  const sum = sorted.reduce((total, value) => total + value, 0);
  return {
    n: sorted.length,
    median: median(sorted),
    min: sorted[0] as number,
    max: sorted[sorted.length - 1] as number,
    p90: percentile(sorted, 0.9),
    mean: sum / sorted.length,
  };
}
