/**
 * Which value in a row of compared figures is the best, and which are as good as it. Speeds
 * measured on one run wobble by a few per cent, so two models 3 % apart are a tie, not a win:
 * a student reading "★ best" should be able to trust that the difference is real.
 */

import { t } from '../i18n/i18n.svelte';

export type Better = 'higher' | 'lower';
/** 'best': clearly ahead; 'tie': within the tolerance of the best (the best itself too, then). */
export type Rank = 'best' | 'tie' | null;

/** Values within ±5 % of the best one are shown as a tie. */
export const TIE_TOLERANCE = 0.05;

function measured(value: number | null | undefined): value is number {
  return typeof value === 'number' && Number.isFinite(value);
}

/**
 * One rank per value, in the same order. Nothing is ranked when fewer than two values were
 * measured (there is nothing to compare). When another value is within ±5 % of the best, the
 * best and every value that close are all a tie: no single winner is named.
 */
export function rankValues(values: ReadonlyArray<number | null | undefined>, better: Better, tolerance = TIE_TOLERANCE): Rank[] {
  const present = values.filter(measured);
  if (present.length < 2) return values.map(() => null);
  const best = better === 'higher' ? Math.max(...present) : Math.min(...present);
  // A hair over the tolerance, so exactly 5 % counts as a tie despite binary rounding (1.05 − 1).
  const margin = Math.abs(best) * tolerance * (1 + 1e-9);
  const close = values.map((value) => measured(value) && Math.abs(value - best) <= margin);
  const tied = close.filter(Boolean).length > 1;
  return close.map((isClose) => (isClose ? (tied ? 'tie' : 'best') : null));
}

/** The words shown next to a ranked value, so the mark does not rely on colour alone. */
export function rankText(rank: Rank): string {
  return rank === 'best' ? t('metrics.rankBest') : rank === 'tie' ? t('metrics.rankTie') : '';
}
