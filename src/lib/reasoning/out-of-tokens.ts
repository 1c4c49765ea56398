import { LIMITS } from '../prompt/settings';
import { formatCount } from '../metrics/format';

/** The rerun offered when a model ran out of tokens mid-thought: 4× the limit, at least 1,024. */
export function moreTokensFor(maxTokens: number): number | null {
  if (maxTokens >= LIMITS.maxTokens.max) return null; // already the most the form allows
  return Math.min(LIMITS.maxTokens.max, Math.max(1024, maxTokens * 4));
}

/** Said plainly under the pane: the model never got to its answer. */
export function outOfTokensMessage(maxTokens: number): string {
  return `Stopped after ${formatCount(maxTokens)} tokens while still thinking: raise max tokens.`;
}

export function rerunLabel(maxTokens: number): string {
  return `Run again with ${formatCount(maxTokens)} max tokens`;
}
