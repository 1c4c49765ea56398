import type { GlossaryKey } from '../glossary/glossary';
import { t, type MessageKey } from '../i18n/i18n.svelte';
import { fixed, formatDuration } from './format';

/**
 * The pane figures in words a student understands: what it is, in which unit, and which way is
 * better. The technical names (metric-rows.ts) stay for exports and the small print.
 */
export interface PlainMetric {
  plain: string;
  unit: string;
  /** Which way is better; null where neither is (token counts). */
  better: 'higher' | 'lower' | null;
  /** The glossary entry behind the "?" next to the name. */
  term: GlossaryKey | null;
}

type PlainMetricKeys = Omit<PlainMetric, 'plain' | 'unit'> & { plain: MessageKey; unit: MessageKey };

// Message keys, not text: the words are looked up when a table is drawn, in the page's language.
const PLAIN_METRIC_KEYS: Readonly<Record<string, PlainMetricKeys>> = {
  load: { plain: 'metrics.plainLoad', unit: 'metrics.unitSeconds', better: 'lower', term: null },
  'ttft-screen': { plain: 'metrics.plainTtftScreen', unit: 'metrics.unitSeconds', better: 'lower', term: null },
  'ttft-engine': { plain: 'metrics.plainTtftEngine', unit: 'metrics.unitSeconds', better: 'lower', term: 'token' },
  prefill: { plain: 'metrics.plainPrefill', unit: 'metrics.unitTokensPerSecond', better: 'higher', term: 'prefill' },
  decode: { plain: 'metrics.plainDecode', unit: 'metrics.unitTokensPerSecond', better: 'higher', term: 'decode' },
  tokens: { plain: 'metrics.plainTokens', unit: 'metrics.unitTokens', better: null, term: 'token' },
  'thinking-tokens': { plain: 'metrics.plainThinkingTokens', unit: 'metrics.unitTokens', better: null, term: null },
  'answer-tokens': { plain: 'metrics.plainAnswerTokens', unit: 'metrics.unitTokens', better: null, term: null },
  'thinking-time': { plain: 'metrics.plainThinkingTime', unit: 'metrics.unitSeconds', better: 'lower', term: null },
  'answer-wait': { plain: 'metrics.plainAnswerWait', unit: 'metrics.unitSeconds', better: 'lower', term: null },
  total: { plain: 'metrics.plainTotal', unit: 'metrics.unitSeconds', better: 'lower', term: null },
};

/** The plain wording of one figure of the pane table, in the current language. */
export function plainMetric(key: string): PlainMetric {
  const keys = PLAIN_METRIC_KEYS[key]!;
  return { ...keys, plain: t(keys.plain), unit: t(keys.unit) };
}

/** "Writing speed · tokens per second · higher is better". */
export function unitLine(metric: PlainMetric): string {
  const better = metric.better === 'higher' ? t('metrics.higherIsBetter') : metric.better === 'lower' ? t('metrics.lowerIsBetter') : null;
  return [metric.unit, better].filter(Boolean).join(' · ');
}

/** A duration in seconds: "0.42 s", "12.3 s"; a minute or more as "2 min 5 s". */
export function formatSeconds(ms: number | null | undefined): string {
  if (ms === null || ms === undefined || !Number.isFinite(ms) || ms < 0) return '—';
  if (ms < 1000) return t('units.seconds', { value: fixed(ms / 1000, 2) });
  return formatDuration(ms);
}
