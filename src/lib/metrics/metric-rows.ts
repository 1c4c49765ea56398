import { formatBytes, formatCount, formatDuration, formatRate } from './format';
import { totalMs, type RunMetrics } from './run-metrics';
import { plainMetric, formatSeconds, type PlainMetric } from './plain-metrics';
import { t } from '../i18n/i18n.svelte';

export type MetricSource = 'wall clock' | 'engine';

/** The source column's word, in the page's language (the value itself stays a stable id). */
export function sourceText(source: MetricSource): string {
  return source === 'engine' ? t('metrics.sourceEngine') : t('metrics.sourceWallClock');
}

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
  const loadPlain = t(metrics.fromCache === null ? 'metrics.plainLoad' : metrics.fromCache ? 'metrics.plainLoadCached' : 'metrics.plainLoadDownloaded');
  return technicalRows(metrics).map((row) => ({
    ...row,
    ...plainMetric(row.key),
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
  const loadLabel = t(metrics.fromCache === null ? 'metrics.labelLoad' : metrics.fromCache ? 'metrics.labelLoadCached' : 'metrics.labelLoadCold');
  return [
    {
      key: 'load',
      label: loadLabel,
      value: loadValue(metrics, formatDuration),
      source: 'wall clock',
      hint: t('metrics.hintLoad'),
    },
    {
      key: 'ttft-screen',
      label: t('metrics.labelTtftScreen'),
      value: formatDuration(metrics.firstTokenOnScreenMs),
      source: 'wall clock',
      hint: t('metrics.hintTtftScreen'),
    },
    {
      key: 'ttft-engine',
      label: t('metrics.labelTtftEngine'),
      value: formatDuration(metrics.engineTtftMs),
      source: 'engine',
      hint: t('metrics.hintTtftEngine'),
    },
    {
      key: 'prefill',
      label: t('metrics.labelPrefill'),
      value: formatRate(metrics.prefillTokensPerSecond),
      source: 'engine',
      hint: t('metrics.hintPrefill'),
    },
    {
      key: 'decode',
      label: t('metrics.labelDecode'),
      value: formatRate(metrics.decodeTokensPerSecond),
      source: 'engine',
      hint: t('metrics.hintDecode'),
    },
    {
      key: 'tokens',
      label: t('metrics.labelTokens'),
      value: `${formatCount(metrics.promptTokens)} → ${formatCount(metrics.completionTokens)}`,
      source: 'engine',
      hint: t('metrics.hintTokens'),
    },
    // Reasoning models: what the thinking cost before the answer. "—" for a model that did not think.
    {
      key: 'thinking-tokens',
      label: t('metrics.labelThinkingTokens'),
      value: formatCount(metrics.thinkingTokens),
      source: 'engine',
      hint: t('metrics.hintThinkingTokens'),
    },
    {
      key: 'answer-tokens',
      label: t('metrics.labelAnswerTokens'),
      value: formatCount(metrics.answerTokens),
      source: 'engine',
      hint: t('metrics.hintAnswerTokens'),
    },
    {
      key: 'thinking-time',
      label: t('metrics.labelThinkingTime'),
      value: formatDuration(metrics.thinkingMs),
      source: 'wall clock',
      hint: t('metrics.hintThinkingTime'),
    },
    {
      key: 'answer-wait',
      label: t('metrics.labelAnswerWait'),
      value: formatDuration(metrics.answerOnScreenMs),
      source: 'wall clock',
      hint: t('metrics.hintAnswerWait'),
    },
    {
      key: 'total',
      label: t('metrics.labelTotal'),
      value: formatDuration(totalMs(metrics)),
      source: 'wall clock',
      hint: t('metrics.hintTotal'),
    },
  ];
}
