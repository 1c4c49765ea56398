import { LIMITS } from '../prompt/settings';
import { tn } from '../i18n/i18n.svelte';

/** The rerun offered when a model ran out of tokens mid-thought: 4× the limit, at least 1,024. */
export function moreTokensFor(maxTokens: number): number | null {
  if (maxTokens >= LIMITS.maxTokens.max) return null; // already the most the form allows
  return Math.min(LIMITS.maxTokens.max, Math.max(1024, maxTokens * 4));
}

/** Said plainly under the pane: the model never got to its answer. */
export function outOfTokensMessage(maxTokens: number): string {
  return tn('pane.outOfTokens', maxTokens);
}

export function rerunLabel(maxTokens: number): string {
  return tn('pane.moreTokens', maxTokens);
}
