import type { CatalogEntry } from './catalog';
import { NO_WEBGPU_REASON, type FitAssessment } from './fit';

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

export const FIT_HEADLINES: Readonly<Record<FitState, string>> = {
  fits: 'Fits',
  'might-not-fit': 'Might not fit',
  'wont-run': "Won't run here",
  unknown: 'Fit unknown',
};

export function fitVerdict(entry: CatalogEntry, fit: FitAssessment): FitVerdict {
  const verdict = (state: FitState, reasons: string[], pageWide = false): FitVerdict => ({ state, headline: FIT_HEADLINES[state], reasons, pageWide });
  if (fit.reasons.includes(NO_WEBGPU_REASON)) {
    // A model that is not a chat model would not run anywhere: that reason is still its own.
    const own = fit.reasons.filter((reason) => reason !== NO_WEBGPU_REASON);
    return verdict('wont-run', own, own.length === 0);
  }
  if (!fit.runnable) return verdict('wont-run', fit.reasons);
  if (fit.warnings.length > 0) return verdict('might-not-fit', fit.warnings);
  if (entry.record.vram_required_MB === undefined) {
    const who = entry.source === 'custom' ? 'This custom model does not say' : 'The catalog does not say';
    return verdict('unknown', [`${who} how much GPU memory it needs, so whether it fits is unknown until it loads`]);
  }
  return verdict('fits', []);
}
