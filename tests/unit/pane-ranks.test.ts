// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { paneRanks } from '../../src/lib/metrics/pane-ranks';
import { emptyMetrics, type RunMetrics } from '../../src/lib/metrics/run-metrics';

const run = (overrides: Partial<RunMetrics>): RunMetrics => ({ ...emptyMetrics(), ...overrides });

describe('paneRanks', () => {
  it('marks the fastest writer and the shortest wait, each in its own row', () => {
    const [a, b] = paneRanks([
      run({ decodeTokensPerSecond: 65, firstTokenOnScreenMs: 900, loadMs: 1000, generationMs: 2000 }),
      run({ decodeTokensPerSecond: 40, firstTokenOnScreenMs: 300, loadMs: 5000, generationMs: 3000 }),
    ]);
    expect(a).toEqual({ decode: 'best', load: 'best', total: 'best' });
    expect(b).toEqual({ 'ttft-screen': 'best' });
  });

  it('calls two writing speeds within 5 % a tie for both', () => {
    const ranks = paneRanks([run({ decodeTokensPerSecond: 60 }), run({ decodeTokensPerSecond: 58 }), run({ decodeTokensPerSecond: 30 })]);
    expect(ranks.map((rank) => rank.decode)).toEqual(['tie', 'tie', undefined]);
  });

  it('ranks nothing for a single pane or a pane still running (null)', () => {
    expect(paneRanks([run({ decodeTokensPerSecond: 60 })])).toEqual([{}]);
    expect(paneRanks([run({ decodeTokensPerSecond: 60 }), null])).toEqual([{}, {}]);
  });
});
