import type { RunMetrics } from './run-metrics';
import { rankValues, type Rank } from './ranking';
import { t, type MessageKey } from '../i18n/i18n.svelte';

export type ChartMetric = 'decode' | 'prefill' | 'ttft' | 'load' | 'answer-wait' | 'thinking-time' | 'thinking-tokens';

interface ChartMetricInfo {
  label: string;
  unit: string;
  better: 'higher' | 'lower';
  pick: (m: RunMetrics) => number | null;
}

// Message keys, not text: the chart's words (menu, axis, bars) are looked up when it is drawn.
const CHART_METRIC_KEYS: Record<ChartMetric, Omit<ChartMetricInfo, 'label' | 'unit'> & { label: MessageKey; unit: MessageKey }> = {
  decode: { label: 'metrics.chartDecode', unit: 'metrics.unitTokS', better: 'higher', pick: (m) => m.decodeTokensPerSecond },
  prefill: { label: 'metrics.chartPrefill', unit: 'metrics.unitTokS', better: 'higher', pick: (m) => m.prefillTokensPerSecond },
  ttft: { label: 'metrics.chartTtft', unit: 'metrics.unitS', better: 'lower', pick: (m) => (m.engineTtftMs === null ? null : m.engineTtftMs / 1000) },
  load: { label: 'metrics.chartLoad', unit: 'metrics.unitS', better: 'lower', pick: (m) => (m.loadMs === null ? null : m.loadMs / 1000) },
  'answer-wait': { label: 'metrics.chartAnswerWait', unit: 'metrics.unitS', better: 'lower', pick: (m) => (m.answerOnScreenMs === null ? null : m.answerOnScreenMs / 1000) },
  'thinking-time': { label: 'metrics.chartThinkingTime', unit: 'metrics.unitS', better: 'lower', pick: (m) => (m.thinkingMs === null ? null : m.thinkingMs / 1000) },
  'thinking-tokens': { label: 'metrics.chartThinkingTokens', unit: 'metrics.unitTokens', better: 'lower', pick: (m) => m.thinkingTokens },
};

/** The chart's metrics, worded in the current language (read it where it is drawn: a template or $derived). */
export const CHART_METRICS = Object.fromEntries(
  Object.entries(CHART_METRIC_KEYS).map(([metric, keys]) => [
    metric,
    {
      get label() {
        return t(keys.label);
      },
      get unit() {
        return t(keys.unit);
      },
      better: keys.better,
      pick: keys.pick,
    },
  ]),
) as Record<ChartMetric, ChartMetricInfo>;

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
