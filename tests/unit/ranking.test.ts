// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { rankText, rankValues } from '../../src/lib/metrics/ranking';

describe('rankValues', () => {
  it('names the single fastest writer when the others are more than 5 % behind', () => {
    expect(rankValues([60, 40, 20], 'higher')).toEqual(['best', null, null]);
  });

  it('picks the smallest value when lower is better (a wait in seconds)', () => {
    expect(rankValues([2.5, 1.2, 3], 'lower')).toEqual([null, 'best', null]);
  });

  it('calls values within ±5 % of the best a tie, the best included', () => {
    // 57.5 is 4.2 % below 60: a tie. 56 is 6.7 % below: not.
    expect(rankValues([60, 57.5, 56], 'higher')).toEqual(['tie', 'tie', null]);
    // Lower is better: 1.05 is exactly 5 % above 1.0, still a tie; 1.06 is not.
    expect(rankValues([1.0, 1.05, 1.06], 'lower')).toEqual(['tie', 'tie', null]);
  });

  it('ranks nothing with fewer than two measured values', () => {
    expect(rankValues([42], 'higher')).toEqual([null]);
    expect(rankValues([42, null, Number.NaN], 'higher')).toEqual([null, null, null]);
    expect(rankValues([], 'lower')).toEqual([]);
  });

  it('skips panes without a measurement but keeps their place', () => {
    expect(rankValues([null, 10, 30], 'higher')).toEqual([null, null, 'best']);
  });

  it('treats identical values as a tie', () => {
    expect(rankValues([5, 5], 'lower')).toEqual(['tie', 'tie']);
  });
});

describe('rankText', () => {
  it('says the rank in words', () => {
    expect(rankText('best')).toBe('★ best');
    expect(rankText('tie')).toBe('≈ tie for best');
    expect(rankText(null)).toBe('');
  });
});
