import { rankValues, type Better, type Rank } from './ranking';
import { totalMs, type RunMetrics } from './run-metrics';

/**
 * Which pane is best on each figure of its metrics table, when several panes have finished.
 * Token counts are not ranked: more or fewer tokens is neither better nor worse.
 */
const RANKED: ReadonlyArray<{ key: string; better: Better; pick: (m: RunMetrics) => number | null }> = [
  { key: 'load', better: 'lower', pick: (m) => m.loadMs },
  { key: 'ttft-screen', better: 'lower', pick: (m) => m.firstTokenOnScreenMs },
  { key: 'ttft-engine', better: 'lower', pick: (m) => m.engineTtftMs },
  { key: 'prefill', better: 'higher', pick: (m) => m.prefillTokensPerSecond },
  { key: 'decode', better: 'higher', pick: (m) => m.decodeTokensPerSecond },
  { key: 'thinking-time', better: 'lower', pick: (m) => m.thinkingMs },
  { key: 'answer-wait', better: 'lower', pick: (m) => m.answerOnScreenMs },
  { key: 'total', better: 'lower', pick: totalMs },
];

/** One record per pane (same order): metric key → its rank among the panes given. */
export function paneRanks(panes: ReadonlyArray<RunMetrics | null>): Array<Partial<Record<string, Rank>>> {
  const result = panes.map((): Partial<Record<string, Rank>> => ({}));
  for (const { key, better, pick } of RANKED) {
    rankValues(panes.map((metrics) => (metrics ? pick(metrics) : null)), better).forEach((rank, index) => {
      if (rank) result[index]![key] = rank;
    });
  }
  return result;
}
