import { formatNumber, t, type MessageKey } from '../i18n/i18n.svelte';
import type { TimingMethod } from './bandwidth-stats';

/**
 * Bandwidth figures and timing methods on screen, in the page's language. Apart from
 * bandwidth-stats.ts because the probe worker imports that one, and a worker has no runes.
 */

const TIMING_METHOD_KEY: Record<TimingMethod, MessageKey> = {
  'timestamp-query': 'device.methodTimestamp',
  'submitted-work-done': 'device.methodWallClock',
};

export function timingMethodLabel(method: TimingMethod): string {
  return t(TIMING_METHOD_KEY[method]);
}

/** "412 GB/s", "31.5 GB/s", "2.48 GB/s". */
export function formatGBps(gbps: number): string {
  const digits = gbps >= 100 ? 0 : gbps >= 10 ? 1 : 2;
  return `${formatNumber(gbps, { minimumFractionDigits: digits, maximumFractionDigits: digits, useGrouping: false })} GB/s`;
}
