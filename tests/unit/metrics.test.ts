// @vitest-environment node
import { describe, expect, it } from 'vitest';
import type { EngineUsage } from '../../src/lib/engine/protocol';
import { chartSeries } from '../../src/lib/metrics/chart-series';
import { formatBytes, formatCount, formatDuration, formatRate } from '../../src/lib/metrics/format';
import { metricRows, type MetricRow } from '../../src/lib/metrics/metric-rows';
import { emptyMetrics, totalMs, withLoad, withThinkingTokens, withUsage, type RunMetrics } from '../../src/lib/metrics/run-metrics';
import { TransferRate } from '../../src/lib/metrics/transfer-rate';

const MB = 1024 * 1024;

function usage(overrides: Partial<EngineUsage> = {}): EngineUsage {
  return {
    promptTokens: 42,
    completionTokens: 128,
    prefillTokensPerSecond: 350.5,
    decodeTokensPerSecond: 48.25,
    timeToFirstTokenSeconds: 0.25,
    e2eLatencySeconds: 3,
    ...overrides,
  };
}

function metrics(overrides: Partial<RunMetrics> = {}): RunMetrics {
  return { ...emptyMetrics(), ...overrides };
}

describe('run metrics', () => {
  it('starts empty: nothing measured, nothing downloaded', () => {
    const empty = emptyMetrics();
    expect(empty.downloadedBytes).toBe(0);
    expect(Object.entries(empty).filter(([key]) => key !== 'downloadedBytes').every(([, value]) => value === null)).toBe(true);
    expect(emptyMetrics()).not.toBe(empty); // a fresh object each time
  });

  it('withLoad records the load time, cache state and bytes received', () => {
    const loaded = withLoad(emptyMetrics(), { loadMs: 8123, fromCache: false, receivedBytes: 512 * MB, weightsBytes: 512 * MB });
    expect(loaded).toMatchObject({ loadMs: 8123, fromCache: false, downloadedBytes: 512 * MB });
  });

  it('withUsage converts the engine TTFT from seconds to milliseconds and keeps positive figures', () => {
    const result = withUsage(emptyMetrics(), usage());
    expect(result.engineTtftMs).toBe(250);
    expect(result.prefillTokensPerSecond).toBe(350.5);
    expect(result.decodeTokensPerSecond).toBe(48.25);
    expect(result.promptTokens).toBe(42);
    expect(result.completionTokens).toBe(128);
  });

  it.each([
    ['zero', 0],
    ['NaN', Number.NaN],
    ['Infinity', Number.POSITIVE_INFINITY],
    ['negative', -3],
  ])('withUsage drops a %s engine figure to null instead of showing it', (_label, bad) => {
    const result = withUsage(
      emptyMetrics(),
      usage({ timeToFirstTokenSeconds: bad, prefillTokensPerSecond: bad, decodeTokensPerSecond: bad }),
    );
    expect(result.engineTtftMs).toBeNull();
    expect(result.prefillTokensPerSecond).toBeNull();
    expect(result.decodeTokensPerSecond).toBeNull();
    // Token counts are still reported.
    expect(result.completionTokens).toBe(128);
  });

  it('withUsage(null) leaves the metrics as they were', () => {
    const before = metrics({ generationMs: 900, decodeTokensPerSecond: 12 });
    expect(withUsage(before, null)).toEqual(before);
  });

  it('withUsage keeps wall-clock figures already measured', () => {
    const before = metrics({ loadMs: 1000, firstTokenOnScreenMs: 300, generationMs: 2000 });
    expect(withUsage(before, usage())).toMatchObject({ loadMs: 1000, firstTokenOnScreenMs: 300, generationMs: 2000 });
  });

  it('totalMs is load plus generation, null until generation is measured', () => {
    expect(totalMs(metrics({ loadMs: 2000, generationMs: 500 }))).toBe(2500);
    expect(totalMs(metrics({ loadMs: null, generationMs: 500 }))).toBe(500);
    expect(totalMs(metrics({ loadMs: 2000, generationMs: null }))).toBeNull();
    expect(totalMs(metrics({ loadMs: 2000, generationMs: 0 }))).toBe(2000);
  });
});

describe('TransferRate', () => {
  it('has no speed until two samples at least 200 ms apart', () => {
    const rate = new TransferRate();
    expect(rate.bytesPerSecond()).toBeNull();
    rate.add(0, 0);
    expect(rate.bytesPerSecond()).toBeNull();
    rate.add(1000, 100);
    expect(rate.bytesPerSecond()).toBeNull();
    rate.add(2000, 1000);
    expect(rate.bytesPerSecond()).toBe(2000);
  });

  it('follows the current speed over its window, not the average since the start', () => {
    const rate = new TransferRate(4000);
    rate.add(0, 0);
    rate.add(10_000, 1000);
    rate.add(20_000, 2000); // slow start: 10 KB/s
    rate.add(100_000, 5000);
    rate.add(200_000, 6000); // then fast
    // Window = samples within 4 s of t=6000: from (t=2000, 20 000 B) to (t=6000, 200 000 B).
    expect(rate.bytesPerSecond()).toBe(45_000);
    expect(rate.bytesPerSecond()).not.toBeCloseTo(200_000 / 6);
  });

  it('keeps the window short after a stall so the speed shows the stall', () => {
    const rate = new TransferRate(1000);
    rate.add(0, 0);
    rate.add(1_000_000, 1000); // 1 MB/s
    rate.add(1_000_000, 3000);
    rate.add(1_000_000, 4000); // stalled for 3 s
    expect(rate.bytesPerSecond()).toBe(0);
  });

  it('starts over when the byte count goes down (a new transfer)', () => {
    const rate = new TransferRate();
    rate.add(0, 0);
    rate.add(1_000_000, 1000);
    rate.add(500, 2000);
    expect(rate.bytesPerSecond()).toBeNull();
    rate.add(100_500, 3000);
    expect(rate.bytesPerSecond()).toBe(100_000);
  });

  it('estimates the seconds left from the windowed speed', () => {
    const rate = new TransferRate();
    rate.add(0, 0);
    rate.add(1_000_000, 1000);
    expect(rate.etaSeconds(5_000_000)).toBe(4);
    expect(rate.etaSeconds(1_500_000)).toBe(0.5);
  });

  it('never gives a negative ETA, and none without a total or a speed', () => {
    const rate = new TransferRate();
    expect(rate.etaSeconds(1000)).toBeNull();
    rate.add(0, 0);
    rate.add(1_000_000, 1000);
    expect(rate.etaSeconds(500_000)).toBe(0);
    expect(rate.etaSeconds(null)).toBeNull();

    const stalled = new TransferRate();
    stalled.add(100, 0);
    stalled.add(100, 1000);
    expect(stalled.etaSeconds(1000)).toBeNull();
  });

  it('reset forgets all samples', () => {
    const rate = new TransferRate();
    rate.add(0, 0);
    rate.add(1_000_000, 1000);
    rate.reset();
    expect(rate.bytesPerSecond()).toBeNull();
    expect(rate.etaSeconds(2_000_000)).toBeNull();
  });
});

describe('formatBytes', () => {
  it.each([
    [0, '0 B'],
    [1023, '1023 B'],
    [1024, '1.00 KB'],
    [1536, '1.50 KB'],
    [10 * 1024, '10.0 KB'],
    [100 * 1024, '100 KB'],
    [96 * MB, '96.0 MB'],
    [879 * MB, '879 MB'],
    [1.5 * 1024 * MB, '1.50 GB'],
    [2 * 1024 ** 4, '2.00 TB'],
    [1024 ** 5, '1024 TB'],
  ])('%d bytes → %s (binary units)', (bytes, text) => {
    expect(formatBytes(bytes)).toBe(text);
  });

  it.each([null, undefined, -1, Number.NaN, Number.POSITIVE_INFINITY])('%s → an em dash', (bad) => {
    expect(formatBytes(bad)).toBe('—');
  });
});

describe('formatDuration', () => {
  it.each([
    [0, '0 ms'],
    [12.4, '12 ms'],
    [999, '999 ms'],
    [1000, '1.00 s'],
    [1234, '1.23 s'],
    [12_345, '12.3 s'],
    [60_000, '1 min 0 s'],
    [125_000, '2 min 5 s'],
    [3_725_000, '62 min 5 s'],
  ])('%d ms → %s', (ms, text) => {
    expect(formatDuration(ms)).toBe(text);
  });

  it.each([null, undefined, -5, Number.NaN, Number.POSITIVE_INFINITY])('%s → an em dash', (bad) => {
    expect(formatDuration(bad)).toBe('—');
  });

  // Regression (found in review): minutes are floored but the remaining seconds are rounded, so 119.6 s reads
  // "1 min 60 s" (expected "2 min 0 s"). Any duration whose seconds part is in [59.5, 60) does this.
  it('never shows "60 s" in a minutes reading', () => {
    expect(formatDuration(119_600)).toBe('2 min 0 s');
  });
});

describe('formatRate', () => {
  it.each([
    [0, '0.00 tok/s'],
    [9.876, '9.88 tok/s'],
    [45.67, '45.7 tok/s'],
    [123.4, '123 tok/s'],
  ])('%d → %s', (rate, text) => {
    expect(formatRate(rate)).toBe(text);
  });

  it.each([null, undefined, Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY])('%s → an em dash', (bad) => {
    expect(formatRate(bad)).toBe('—');
  });
});

describe('formatCount', () => {
  it('groups thousands and shows a dash for unknown', () => {
    expect(formatCount(1_234_567)).toBe('1,234,567');
    expect(formatCount(0)).toBe('0');
    expect(formatCount(null)).toBe('—');
    expect(formatCount(undefined)).toBe('—');
  });
});

describe('metricRows', () => {
  const row = (rows: MetricRow[], key: string): MetricRow => {
    const found = rows.find((r) => r.key === key);
    if (!found) throw new Error(`no row ${key}`);
    return found;
  };

  it('lists the figures in reading order, each with its source', () => {
    const rows = metricRows(emptyMetrics());
    expect(rows.map((r) => [r.key, r.source])).toEqual([
      ['load', 'wall clock'],
      ['ttft-screen', 'wall clock'],
      ['ttft-engine', 'engine'],
      ['prefill', 'engine'],
      ['decode', 'engine'],
      ['tokens', 'engine'],
      ['thinking-tokens', 'engine'],
      ['answer-tokens', 'engine'],
      ['thinking-time', 'wall clock'],
      ['answer-wait', 'wall clock'],
      ['total', 'wall clock'],
    ]);
    expect(rows.every((r) => r.hint.length > 0)).toBe(true);
  });

  it('labels the load as cold or from cache, and plain "Load" when unknown', () => {
    expect(row(metricRows(metrics({ fromCache: false })), 'load').label).toBe('Load (cold, downloaded)');
    expect(row(metricRows(metrics({ fromCache: true })), 'load').label).toBe('Load (from cache)');
    expect(row(metricRows(metrics({ fromCache: null })), 'load').label).toBe('Load');
  });

  it('shows the downloaded size next to a cold load time, and only the time for a cached load', () => {
    const cold = metricRows(metrics({ fromCache: false, loadMs: 12_345, downloadedBytes: 96 * MB }));
    expect(row(cold, 'load').value).toBe('12.3 s · 96.0 MB');
    const cached = metricRows(metrics({ fromCache: true, loadMs: 850, downloadedBytes: 0 }));
    expect(row(cached, 'load').value).toBe('850 ms');
  });

  it('formats every measured figure', () => {
    const full = withUsage(
      metrics({ fromCache: true, loadMs: 1500, firstTokenOnScreenMs: 420, generationMs: 3000 }),
      usage({ promptTokens: 1234, completionTokens: 56 }),
    );
    const rows = metricRows(full);
    expect(row(rows, 'ttft-screen').value).toBe('420 ms');
    expect(row(rows, 'ttft-engine').value).toBe('250 ms');
    expect(row(rows, 'prefill').value).toBe('351 tok/s');
    expect(row(rows, 'decode').value).toBe('48.3 tok/s');
    expect(row(rows, 'tokens').value).toBe('1,234 → 56');
    expect(row(rows, 'total').value).toBe('4.50 s');
  });

  it('shows dashes for everything not measured yet', () => {
    const rows = metricRows(emptyMetrics());
    expect(rows.map((r) => r.value)).toEqual(['—', '—', '—', '—', '—', '— → —', '—', '—', '—', '—', '—']);
  });

  it('splits generated tokens into thinking and answer, and shows "—" for a model that did not think', () => {
    const measured = withUsage(metrics({ generationMs: 9000 }), usage({ promptTokens: 20, completionTokens: 400 }));
    const reasoned = { ...withThinkingTokens(measured, 310, true), thinkingMs: 12_400, answerOnScreenMs: 12_900 };
    expect(reasoned).toMatchObject({ thinkingTokens: 310, answerTokens: 90 });
    const rows = metricRows(reasoned);
    expect(row(rows, 'thinking-tokens').value).toBe('310');
    expect(row(rows, 'answer-tokens').value).toBe('90');
    expect(row(rows, 'thinking-time').value).toBe('12.4 s');
    expect(row(rows, 'answer-wait').value).toBe('12.9 s');
    const plain = metricRows({ ...withThinkingTokens(measured, 0, false), answerOnScreenMs: 300 });
    expect(['thinking-tokens', 'answer-tokens', 'thinking-time'].map((key) => row(plain, key).value)).toEqual(['—', '—', '—']);
    expect(row(plain, 'answer-wait').value).toBe('300 ms');
  });

  it('never counts more thinking tokens than the engine generated (a piece count can exceed it)', () => {
    const measured = withUsage(metrics(), usage({ completionTokens: 256 }));
    expect(withThinkingTokens(measured, 260, true)).toMatchObject({ thinkingTokens: 256, answerTokens: 0 });
  });
});

describe('chartSeries', () => {
  const pane = (label: string, overrides: Partial<RunMetrics>) => ({ label, metrics: metrics(overrides) });

  it('marks the highest decode speed as best and leaves out panes without a value', () => {
    const series = chartSeries('decode', [
      pane('A', { decodeTokensPerSecond: 20 }),
      pane('B', { decodeTokensPerSecond: null }),
      pane('C', { decodeTokensPerSecond: 35 }),
      pane('D', { decodeTokensPerSecond: 12 }),
    ]);
    expect(series.labels).toEqual(['A', 'C', 'D']);
    expect(series.values).toEqual([20, 35, 12]);
    expect(series.labels[series.best]).toBe('C');
  });

  it('marks the lowest time to first token as best, in seconds', () => {
    const series = chartSeries('ttft', [
      pane('A', { engineTtftMs: 300 }),
      pane('B', { engineTtftMs: 150 }),
      pane('C', { engineTtftMs: null }),
      pane('D', { engineTtftMs: 900 }),
    ]);
    expect(series.labels).toEqual(['A', 'B', 'D']);
    expect(series.values).toEqual([0.3, 0.15, 0.9]);
    expect(series.labels[series.best]).toBe('B');
  });

  it('prefers higher prefill and lower load time', () => {
    const panes = [pane('A', { prefillTokensPerSecond: 500, loadMs: 9000 }), pane('B', { prefillTokensPerSecond: 800, loadMs: 3000 })];
    expect(chartSeries('prefill', panes).best).toBe(1);
    const load = chartSeries('load', [pane('A', { loadMs: 2000 }), pane('B', { loadMs: 9000 })]);
    expect(load.values).toEqual([2, 9]);
    expect(load.best).toBe(0);
  });

  it('says which bar is best in words, and calls speeds within 5 % a tie', () => {
    const clear = chartSeries('decode', [pane('A', { decodeTokensPerSecond: 20 }), pane('B', { decodeTokensPerSecond: 35 })]);
    expect(clear.ranks).toEqual([null, 'best']);
    const close = chartSeries('decode', [pane('A', { decodeTokensPerSecond: 34 }), pane('B', { decodeTokensPerSecond: 35 }), pane('C', { decodeTokensPerSecond: 20 })]);
    expect(close.ranks).toEqual(['tie', 'tie', null]);
  });

  it('keeps the first pane on a tie', () => {
    const series = chartSeries('decode', [pane('A', { decodeTokensPerSecond: 30 }), pane('B', { decodeTokensPerSecond: 30 })]);
    expect(series.best).toBe(0);
  });

  it('has best = -1 and no bars when nothing was measured', () => {
    expect(chartSeries('decode', [])).toEqual({ labels: [], values: [], best: -1, ranks: [] });
    expect(chartSeries('ttft', [pane('A', {}), pane('B', {})])).toEqual({ labels: [], values: [], best: -1, ranks: [] });
  });
});

describe('chartSeries for reasoning figures', () => {
  it('compares the wait before the answer, lower is better, and leaves out models that did not think from thinking time', () => {
    const panes = [
      { label: 'Qwen3', metrics: { ...emptyMetrics(), answerOnScreenMs: 12_900, thinkingMs: 12_400 } },
      { label: 'Llama', metrics: { ...emptyMetrics(), answerOnScreenMs: 300, thinkingMs: null } },
    ];
    const wait = chartSeries('answer-wait', panes);
    expect(wait.values).toEqual([12.9, 0.3]);
    expect(wait.labels[wait.best]).toBe('Llama');
    expect(chartSeries('thinking-time', panes).labels).toEqual(['Qwen3']);
  });
});
