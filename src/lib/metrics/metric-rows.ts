import { formatBytes, formatCount, formatDuration, formatRate } from './format';
import { totalMs, type RunMetrics } from './run-metrics';
import { PLAIN_METRICS, formatSeconds, type PlainMetric } from './plain-metrics';

export type MetricSource = 'wall clock' | 'engine';

export interface MetricRow extends PlainMetric {
  key: string;
  /** The short technical name (exports, and the small print under the plain name). */
  label: string;
  value: string;
  /** The figure in the unit the plain name states (durations in seconds), for the pane table. */
  shown: string;
  source: MetricSource;
  hint: string;
}

/** The figures under each pane, in reading order, each saying where it comes from. */
export function metricRows(metrics: RunMetrics): MetricRow[] {
  const loadPlain = metrics.fromCache === null ? 'Load time' : metrics.fromCache ? 'Load time (from cache)' : 'Load time (downloaded)';
  return technicalRows(metrics).map((row) => ({
    ...row,
    ...PLAIN_METRICS[row.key]!,
    ...(row.key === 'load' ? { plain: loadPlain } : {}),
    shown: shownValue(row.key, row.value, metrics),
  }));
}

/** Durations read in seconds, as their plain names say ("0.42 s", not "420 ms"); other figures as they are. */
function shownValue(key: string, value: string, metrics: RunMetrics): string {
  const ms: Record<string, number | null> = {
    'ttft-screen': metrics.firstTokenOnScreenMs,
    'ttft-engine': metrics.engineTtftMs,
    'thinking-time': metrics.thinkingMs,
    'answer-wait': metrics.answerOnScreenMs,
    total: totalMs(metrics),
  };
  if (key === 'load') return loadValue(metrics, formatSeconds);
  return key in ms ? formatSeconds(ms[key]) : value;
}

/** "23.7 s · 303 MB": the load time in the given format, plus what was downloaded. */
function loadValue(metrics: RunMetrics, formatTime: (ms: number) => string): string {
  if (metrics.loadMs === null) return '—';
  return formatTime(metrics.loadMs) + (metrics.downloadedBytes > 0 ? ` · ${formatBytes(metrics.downloadedBytes)}` : '');
}

function technicalRows(metrics: RunMetrics): Array<Omit<MetricRow, keyof PlainMetric | 'shown'>> {
  const loadLabel = metrics.fromCache === null ? 'Load' : metrics.fromCache ? 'Load (from cache)' : 'Load (cold, downloaded)';
  return [
    {
      key: 'load',
      label: loadLabel,
      value: loadValue(metrics, formatDuration),
      source: 'wall clock',
      hint: 'From pressing Run to the model being ready: download (if not cached), upload to the GPU, shader compilation.',
    },
    {
      key: 'ttft-screen',
      label: 'First token on screen',
      value: formatDuration(metrics.firstTokenOnScreenMs),
      source: 'wall clock',
      hint: 'From sending the prompt to the first words appearing in this pane.',
    },
    {
      key: 'ttft-engine',
      label: 'Time to first token',
      value: formatDuration(metrics.engineTtftMs),
      source: 'engine',
      hint: "web-llm's own measurement: prompt processing (prefill) plus the first decode step.",
    },
    {
      key: 'prefill',
      label: 'Prefill',
      value: formatRate(metrics.prefillTokensPerSecond),
      source: 'engine',
      hint: 'How fast the prompt is read, in prompt tokens per second (web-llm).',
    },
    {
      key: 'decode',
      label: 'Decode',
      value: formatRate(metrics.decodeTokensPerSecond),
      source: 'engine',
      hint: 'How fast new tokens are generated after the first one (web-llm).',
    },
    {
      key: 'tokens',
      label: 'Tokens (prompt → generated)',
      value: `${formatCount(metrics.promptTokens)} → ${formatCount(metrics.completionTokens)}`,
      source: 'engine',
      hint: 'Token counts from the model’s own tokenizer.',
    },
    // Reasoning models: what the thinking cost before the answer. "—" for a model that did not think.
    {
      key: 'thinking-tokens',
      label: 'Thinking tokens',
      value: formatCount(metrics.thinkingTokens),
      source: 'engine',
      hint: 'Tokens generated inside <think>…</think> before the answer began (the engine streams one piece per token).',
    },
    {
      key: 'answer-tokens',
      label: 'Answer tokens',
      value: formatCount(metrics.answerTokens),
      source: 'engine',
      hint: 'Tokens generated after the thinking: generated tokens minus thinking tokens.',
    },
    {
      key: 'thinking-time',
      label: 'Thinking time',
      value: formatDuration(metrics.thinkingMs),
      source: 'wall clock',
      hint: 'From the first thinking text on screen to the first words of the answer (or the end, if it never answered).',
    },
    {
      key: 'answer-wait',
      label: 'Wait before the answer',
      value: formatDuration(metrics.answerOnScreenMs),
      source: 'wall clock',
      hint: 'From sending the prompt to the first words of the answer on screen, thinking included.',
    },
    {
      key: 'total',
      label: 'Total time',
      value: formatDuration(totalMs(metrics)),
      source: 'wall clock',
      hint: 'Load plus generation, as you waited for it.',
    },
  ];
}
