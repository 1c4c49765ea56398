/**
 * The readiness check's one-line answer for a teacher: which of the recommended models this
 * machine can run, in model sizes rather than ids ("Good for the 0.5–1.5 B models; the 4 B
 * models will not fit").
 */

export interface ModelReadiness {
  id: string;
  label: string;
  paramsB: number | null;
  /** The fit rules pass (see catalog/fit.ts). */
  runnable: boolean;
  /** At most this many tokens/s here, when the bandwidth is measured. */
  ceilingTps: number | null;
}

export interface Verdict {
  tone: 'good' | 'partial' | 'none';
  text: string;
}

import { t, type MessageKey } from '../i18n/i18n.svelte';

/** Below this ceiling an answer of a few hundred tokens takes over a minute: runs, but barely useful. */
export const SLOW_CEILING_TPS = 5;

/** "0.5–1.5 B", "4 B", "" when no size is known. */
export function sizeRange(models: readonly ModelReadiness[]): string {
  const sizes = models.map((model) => model.paramsB).filter((size): size is number => size !== null && Number.isFinite(size) && size > 0);
  if (sizes.length === 0) return '';
  const low = Math.min(...sizes);
  const high = Math.max(...sizes);
  const show = (value: number) => String(Number(value.toPrecision(2)));
  return low === high ? `${show(low)} B` : `${show(low)}–${show(high)} B`;
}

function models(range: string, fallback: MessageKey): string {
  return range ? t('device.modelsOfSize', { range }) : t(fallback);
}

export function readinessVerdict(webGpu: boolean, entries: readonly ModelReadiness[]): Verdict {
  if (!webGpu) return { tone: 'none', text: t('device.verdictNoWebGpu') };
  if (entries.length === 0) return { tone: 'none', text: t('device.verdictNoModels') };
  const fit = entries.filter((entry) => entry.runnable);
  const slow = fit.filter((entry) => entry.ceilingTps !== null && entry.ceilingTps < SLOW_CEILING_TPS);
  const usable = fit.filter((entry) => !slow.includes(entry));
  const unfit = entries.filter((entry) => !entry.runnable);
  if (usable.length === 0) {
    if (slow.length > 0) {
      return { tone: 'none', text: t('device.verdictAllSlow', { models: models(sizeRange(slow), 'device.modelsThatFit'), limit: SLOW_CEILING_TPS }) };
    }
    return { tone: 'none', text: t('device.verdictNoneFit') };
  }
  const parts = [t('device.verdictGood', { models: models(sizeRange(usable), 'device.modelsListed') })];
  if (slow.length > 0) parts.push(t('device.verdictSlow', { models: models(sizeRange(slow), 'device.someModels'), limit: SLOW_CEILING_TPS }));
  if (unfit.length > 0) parts.push(t('device.verdictUnfit', { models: models(sizeRange(unfit), 'device.someModels') }));
  return { tone: slow.length === 0 && unfit.length === 0 ? 'good' : 'partial', text: `${parts.join(t('device.verdictJoin'))}${t('device.verdictEnd')}` };
}
