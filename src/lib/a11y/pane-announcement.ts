import { formatCount } from '../metrics/format';
import type { RunMetrics } from '../metrics/run-metrics';

/**
 * What a screen reader hears when one pane finishes: "Qwen3-0.6B finished: 26 tokens at 65 tokens
 * per second". In the blind arena the figures could tell the models apart, so they are left out.
 */
export function paneResultMessage(name: string, outcome: 'finished' | 'stopped' | 'cancelled' | 'error', metrics: RunMetrics, withFigures: boolean): string {
  if (outcome === 'error') return `${name} failed.`;
  if (outcome === 'cancelled') return `${name} cancelled.`;
  const verb = outcome === 'stopped' ? 'stopped' : 'finished';
  if (!withFigures) return `${name} ${verb}.`;
  const tokens = metrics.completionTokens;
  const speed = metrics.decodeTokensPerSecond;
  const parts: string[] = [];
  if (tokens !== null) parts.push(`${formatCount(tokens)} ${tokens === 1 ? 'token' : 'tokens'}`);
  if (speed !== null) parts.push(`at ${Math.round(speed)} tokens per second`);
  return parts.length > 0 ? `${name} ${verb}: ${parts.join(' ')}.` : `${name} ${verb}.`;
}
