// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { median, percentile, summarize } from '../../src/lib/benchmark/statistics';

describe('percentile (R-7: h = (n-1)p, linear between neighbours)', () => {
  it('interpolates between closest ranks', () => {
    expect(percentile([1, 2, 3, 4], 0.9)).toBeCloseTo(3.7, 12); // h = 2.7 → 3 + 0.7 × 1
    expect(percentile([1, 2, 3, 4], 0.25)).toBeCloseTo(1.75, 12); // h = 0.75
    expect(percentile([10, 20, 30, 40, 50, 60, 70, 80, 90, 100], 0.9)).toBeCloseTo(91, 12); // h = 8.1
  });

  it('gives the ends at p = 0 and p = 1, and NaN when it cannot answer', () => {
    expect(percentile([2, 4, 8], 0)).toBe(2);
    expect(percentile([2, 4, 8], 1)).toBe(8);
    expect(percentile([], 0.5)).toBeNaN();
    expect(percentile([1, 2], 1.5)).toBeNaN();
  });

  it('median of odd and even lengths', () => {
    expect(median([1, 3, 7])).toBe(3);
    expect(median([1, 3, 7, 9])).toBe(5);
  });
});

describe('summarize', () => {
  it('summarises [1, 2, 3, 4]', () => {
    const s = summarize([1, 2, 3, 4])!;
    expect(s).toMatchObject({ n: 4, median: 2.5, min: 1, max: 4, mean: 2.5 });
    expect(s.p90).toBeCloseTo(3.7, 12);
  });

  it('a single value is every statistic', () => {
    expect(summarize([5])).toEqual({ n: 1, median: 5, min: 5, max: 5, p90: 5, mean: 5 });
  });

  it('sorts unsorted input itself and leaves the input alone', () => {
    const input = [30, 10, 20];
    const s = summarize(input)!;
    expect(s).toMatchObject({ n: 3, median: 20, min: 10, max: 30, mean: 20 });
    expect(s.p90).toBeCloseTo(28, 12); // h = 1.8 → 20 + 0.8 × 10
    expect(input).toEqual([30, 10, 20]);
  });

  it('ignores null, NaN and ±Infinity instead of counting them as zero', () => {
    const s = summarize([null, 4, Number.NaN, 2, Number.POSITIVE_INFINITY, null, 6, Number.NEGATIVE_INFINITY])!;
    expect(s).toMatchObject({ n: 3, median: 4, min: 2, max: 6, mean: 4 });
    expect(s.p90).toBeCloseTo(5.6, 12);
  });

  it('odd and even counts', () => {
    expect(summarize([9, 1, 5])!.median).toBe(5);
    expect(summarize([9, 1, 5, 7])!.median).toBe(6);
  });

  it('ten values: p90 91, median 55', () => {
    const s = summarize([100, 90, 80, 70, 60, 50, 40, 30, 20, 10])!;
    expect(s.p90).toBeCloseTo(91, 12);
    expect(s.median).toBe(55);
    expect(s.mean).toBe(55);
  });

  it('null when nothing usable', () => {
    expect(summarize([])).toBeNull();
    expect(summarize([null, Number.NaN, null])).toBeNull();
  });
});
