/**
 * A model's speed ceiling on this GPU. Decoding reads every weight once per token, so
 * tokens/s ≤ bandwidth ÷ weight bytes (see benchmark/bandwidth.ts for why). It is an upper
 * bound: the KV cache, activations and kernel efficiency only take speed away.
 */

import { formatNumber, t } from '../i18n/i18n.svelte';

function isPositive(value: number | null | undefined): value is number {
  return typeof value === 'number' && Number.isFinite(value) && value > 0;
}

/** At most this many tokens/s; null when the bandwidth or the weight size is unknown. */
export function ceilingTokensPerSecond(bandwidthGBps: number | null | undefined, weightBytes: number | null | undefined): number | null {
  if (!isPositive(bandwidthGBps) || !isPositive(weightBytes)) return null;
  return (bandwidthGBps * 1e9) / weightBytes;
}

/** Decode speed as a fraction of the ceiling (0.41 for 41 %); null when either is unknown. */
export function shareOfCeiling(decodeTokensPerSecond: number | null | undefined, ceiling: number | null | undefined): number | null {
  if (!isPositive(decodeTokensPerSecond) || !isPositive(ceiling)) return null;
  return decodeTokensPerSecond / ceiling;
}

/**
 * "≈ 41 tok/s", "≈ 3.2 tok/s": two significant figures at most, it is an estimate. The unit
 * comes from the metrics namespace (bundled with the page): the compare panes show this too.
 */
export function formatCeiling(tokensPerSecond: number): string {
  const rounded = tokensPerSecond >= 10 ? Math.round(tokensPerSecond) : Number(tokensPerSecond.toPrecision(2));
  return `≈ ${t('units.rate', { value: formatNumber(rounded) })}`;
}

/** "41 %" of the ceiling. Above 100 % means the bandwidth measurement was low (say so, do not clamp). */
export function formatShare(fraction: number): string {
  return `${formatNumber(Math.round(fraction * 100), { useGrouping: false })} %`;
}
