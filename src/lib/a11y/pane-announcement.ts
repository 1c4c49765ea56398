import { t, tn } from '../i18n/i18n.svelte';
import type { RunMetrics } from '../metrics/run-metrics';

/**
 * What a screen reader hears when one pane finishes: "Qwen3-0.6B finished: 26 tokens at 65 tokens
 * per second". In the blind arena the figures could tell the models apart, so they are left out.
 */
export function paneResultMessage(name: string, outcome: 'finished' | 'stopped' | 'cancelled' | 'error', metrics: RunMetrics, withFigures: boolean): string {
  if (outcome === 'error') return t('pane.announceFailed', { name });
  if (outcome === 'cancelled') return t('pane.announceCancelled', { name });
  const stopped = outcome === 'stopped';
  const plain = () => t(stopped ? 'pane.announceStopped' : 'pane.announceFinished', { name });
  if (!withFigures) return plain();
  const count = metrics.completionTokens;
  const speed = metrics.decodeTokensPerSecond === null ? null : String(Math.round(metrics.decodeTokensPerSecond));
  const tokens = count === null ? null : tn('pane.announceTokens', count);
  const figures =
    tokens !== null && speed !== null ? t('pane.announceTokensAndSpeed', { tokens, speed }) : tokens ?? (speed !== null ? t('pane.announceSpeed', { speed }) : null);
  if (figures === null) return plain();
  return t(stopped ? 'pane.announceStoppedFigures' : 'pane.announceFinishedFigures', { name, figures });
}
