import type { RunMetrics } from './run-metrics';
import { rankValues, type Rank } from './ranking';

export type ChartMetric = 'decode' | 'prefill' | 'ttft' | 'load' | 'answer-wait' | 'thinking-time' | 'thinking-tokens';

export const CHART_METRICS: Record<ChartMetric, { label: string; unit: string; better: 'higher' | 'lower'; pick: (m: RunMetrics) => number | null }> = {
  decode: { label: 'Writing speed (decode)', unit: 'tok/s', better: 'higher', pick: (m) => m.decodeTokensPerSecond },
  prefill: { label: 'Reading speed (prefill)', unit: 'tok/s', better: 'higher', pick: (m) => m.prefillTokensPerSecond },
  ttft: { label: 'Wait before the first token', unit: 's', better: 'lower', pick: (m) => (m.engineTtftMs === null ? null : m.engineTtftMs / 1000) },
  load: { label: 'Load time', unit: 's', better: 'lower', pick: (m) => (m.loadMs === null ? null : m.loadMs / 1000) },
  'answer-wait': { label: 'Wait before the answer', unit: 's', better: 'lower', pick: (m) => (m.answerOnScreenMs === null ? null : m.answerOnScreenMs / 1000) },
  'thinking-time': { label: 'Thinking time', unit: 's', better: 'lower', pick: (m) => (m.thinkingMs === null ? null : m.thinkingMs / 1000) },
  'thinking-tokens': { label: 'Tokens spent thinking', unit: 'tokens', better: 'lower', pick: (m) => m.thinkingTokens },
};

export interface ChartSeries {
  labels: string[];
  values: number[];
  /** Index of the best pane for this metric, or -1 when nothing was measured. */
  best: number;
  /** Per bar: "best", a tie (within ±5 % of the best), or nothing; none with fewer than two bars. */
  ranks: Rank[];
}

/** One bar per pane that has a value; panes without one (failed, stopped early) are left out. */
export function chartSeries(metric: ChartMetric, panes: Array<{ label: string; metrics: RunMetrics }>): ChartSeries {
  const { pick, better } = CHART_METRICS[metric];
  const measured = panes
    .map((pane) => ({ label: pane.label, value: pick(pane.metrics) }))
    .filter((point): point is { label: string; value: number } => point.value !== null);
  let best = -1;
  measured.forEach((point, index) => {
    const current = measured[best]?.value;
    if (current === undefined || (better === 'higher' ? point.value > current : point.value < current)) best = index;
  });
  const values = measured.map((p) => p.value);
  return { labels: measured.map((p) => p.label), values, best, ranks: rankValues(values, better) };
}
