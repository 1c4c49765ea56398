import type { CatalogEntry } from './catalog';
import { noWebgpuReason, type FitAssessment } from './fit';
import { t, type MessageKey } from '../i18n/i18n.svelte';

/**
 * The fit rules (fit.ts) said in three states a student can act on, plus "unknown" for a
 * custom model that does not say how big it is (which must never read as "✓ Runs"):
 * - fits: the hard rules pass and nothing is in doubt;
 * - might-not-fit: it may load, but something is in doubt (memory, a feature we cannot check);
 * - wont-run: a hard rule fails, loading would certainly throw.
 */
export type FitState = 'fits' | 'might-not-fit' | 'wont-run' | 'unknown';

export interface FitVerdict {
  state: FitState;
  /** "Fits", "Might not fit", "Won't run here", "Fit unknown". */
  headline: string;
  /** Why, one sentence each; empty for "fits". */
  reasons: string[];
  /**
   * The reason is the whole page's, not this model's (no WebGPU at all): the page says it once
   * at the top, so a card only says it cannot run.
   */
  pageWide: boolean;
}

const FIT_HEADLINE_KEYS: Readonly<Record<FitState, MessageKey>> = {
  fits: 'catalog.fitFits',
  'might-not-fit': 'catalog.fitMightNotFit',
  'wont-run': 'catalog.fitWontRun',
  unknown: 'catalog.fitUnknown',
};

/** "Fits", "Might not fit", "Won't run here", "Fit unknown", in the interface language. */
export function fitHeadline(state: FitState): string {
  return t(FIT_HEADLINE_KEYS[state]);
}

export function fitVerdict(entry: CatalogEntry, fit: FitAssessment): FitVerdict {
  const verdict = (state: FitState, reasons: string[], pageWide = false): FitVerdict => ({ state, headline: fitHeadline(state), reasons, pageWide });
  const noWebgpu = noWebgpuReason();
  if (fit.reasons.includes(noWebgpu)) {
    // A model that is not a chat model would not run anywhere: that reason is still its own.
    const own = fit.reasons.filter((reason) => reason !== noWebgpu);
    return verdict('wont-run', own, own.length === 0);
  }
  if (!fit.runnable) return verdict('wont-run', fit.reasons);
  if (fit.warnings.length > 0) return verdict('might-not-fit', fit.warnings);
  if (entry.record.vram_required_MB === undefined) {
    return verdict('unknown', [t(entry.source === 'custom' ? 'catalog.fitUnknownCustom' : 'catalog.fitUnknownCatalog')]);
  }
  return verdict('fits', []);
}
