import type { GlossaryKey } from '../glossary/glossary';
import { formatDuration } from './format';

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

export const PLAIN_METRICS: Readonly<Record<string, PlainMetric>> = {
  load: { plain: 'Load time', unit: 'seconds', better: 'lower', term: null },
  'ttft-screen': { plain: 'Wait before the first word', unit: 'seconds', better: 'lower', term: null },
  'ttft-engine': { plain: 'Wait before the first token, engine only', unit: 'seconds', better: 'lower', term: 'token' },
  prefill: { plain: 'Reading speed (prefill)', unit: 'tokens per second', better: 'higher', term: 'prefill' },
  decode: { plain: 'Writing speed (decode)', unit: 'tokens per second', better: 'higher', term: 'decode' },
  tokens: { plain: 'Tokens read → written', unit: 'tokens', better: null, term: 'token' },
  'thinking-tokens': { plain: 'Tokens spent thinking', unit: 'tokens', better: null, term: null },
  'answer-tokens': { plain: 'Tokens in the answer', unit: 'tokens', better: null, term: null },
  'thinking-time': { plain: 'Thinking time', unit: 'seconds', better: 'lower', term: null },
  'answer-wait': { plain: 'Wait before the answer', unit: 'seconds', better: 'lower', term: null },
  total: { plain: 'Total time', unit: 'seconds', better: 'lower', term: null },
};

/** "Writing speed · tokens per second · higher is better". */
export function unitLine(metric: PlainMetric): string {
  return [metric.unit, metric.better ? `${metric.better} is better` : null].filter(Boolean).join(' · ');
}

/** A duration in seconds: "0.42 s", "12.3 s"; a minute or more as "2 min 5 s". */
export function formatSeconds(ms: number | null | undefined): string {
  if (ms === null || ms === undefined || !Number.isFinite(ms) || ms < 0) return '—';
  if (ms < 1000) return `${(ms / 1000).toFixed(2)} s`;
  return formatDuration(ms);
}
