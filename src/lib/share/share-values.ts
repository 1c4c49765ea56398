import type { RunMetrics } from '../metrics/run-metrics';
import type { ModelSpec } from '../engine/protocol';

/**
 * What a share link carries besides the prompt, taken from the panes. Apart from share-link.ts
 * (the codec, loaded only when a link is made or opened) so building a link's value costs the
 * first page load nothing.
 */

/** The figures a recipient sees with a shared output; load figures describe the sender's cache, so they stay out. */
export const SHARED_METRIC_KEYS = [
  'firstTokenOnScreenMs', 'generationMs', 'engineTtftMs', 'prefillTokensPerSecond', 'decodeTokensPerSecond',
  'promptTokens', 'completionTokens', 'thinkingTokens', 'answerTokens', 'thinkingMs', 'answerOnScreenMs',
] as const satisfies readonly (keyof RunMetrics)[];
export type SharedMetricKey = (typeof SHARED_METRIC_KEYS)[number];
export type SharedMetrics = Partial<Record<SharedMetricKey, number>>;

/** The measured figures of one pane (unmeasured ones left out). */
export function sharedMetricsOf(metrics: RunMetrics): SharedMetrics {
  const shared: SharedMetrics = {};
  for (const key of SHARED_METRIC_KEYS) {
    const value = metrics[key];
    if (typeof value === 'number' && Number.isFinite(value)) shared[key] = value;
  }
  return shared;
}

/** A custom model as it travels in a link: its id and URLs, nothing the recipient could not check. */
export function sharedCustomModelOf(spec: ModelSpec): { id: string; weightsUrl: string; libraryUrl: string; contextWindowSize?: number } {
  return {
    id: spec.id,
    weightsUrl: spec.weightsUrl,
    libraryUrl: spec.libraryUrl,
    ...(spec.contextWindowSize === undefined ? {} : { contextWindowSize: spec.contextWindowSize }),
  };
}
