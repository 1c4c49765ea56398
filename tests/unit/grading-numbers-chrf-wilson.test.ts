import { describe, expect, it } from 'vitest';
import { extractNumbers, parseChineseNumeral } from '../../src/lib/grading/numbers';
import { bestChrf, chrf } from '../../src/lib/grading/chrf';
import { wilsonInterval } from '../../src/lib/grading/wilson';

describe('numbers', () => {
  it('reads thousands separators and decimals, in order', () => {
    expect(extractNumbers('1,234 then 1 234 then 3.5 and 7')).toEqual([1234, 1234, 3.5, 7]);
  });
  it('does not read a hyphen or a subtraction as a minus sign', () => {
    expect(extractNumbers('on 2025-03-14')).toEqual([2025, 3, 14]);
    expect(extractNumbers('168−59 = 109, and -4 below')).toEqual([168, 59, 109, -4]);
    expect(extractNumbers('1 2345')).toEqual([1, 2345]);
  });
  it('does not glue unrelated numbers separated by a space', () => {
    expect(extractNumbers('3 brothers, 2 sisters')).toEqual([3, 2]);
  });
  it.each([
    ['一', 1], ['十', 10], ['十二', 12], ['二十', 20], ['一百', 100], ['一百零五', 105], ['三千零五', 3005],
    ['两万五千', 25_000], ['一亿', 100_000_000], ['二〇二四', 2024], ['九十九', 99],
  ])('parses the Chinese numeral %s as %d', (text, value) => {
    expect(parseChineseNumeral(text)).toBe(value);
  });
  it('finds Chinese numerals in a sentence only when asked', () => {
    expect(extractNumbers('他今年十二岁', { chineseNumerals: true })).toEqual([12]);
    expect(extractNumbers('他今年十二岁')).toEqual([]);
  });
});

describe('chrF', () => {
  // Hand computed: "ab" against "abc". Order 1: 2 of 2 hypothesis chars match, 2 of 3 reference
  // chars: P = 1, R = 2/3, F2 = 5·(2/3)/(4 + 2/3) = 5/7. Order 2: "ab" matches 1 of 1, 1 of 2:
  // P = 1, R = 1/2, F2 = 2.5/4.5 = 5/9. Orders 3..6: the hypothesis has none, not counted.
  it('matches the hand-computed value', () => {
    expect(chrf('ab', 'abc')).toBeCloseTo((5 / 7 + 5 / 9) / 2, 10);
  });
  it('is 1 for identical text (white space ignored) and 0 for nothing in common', () => {
    expect(chrf('the cat', 'thecat')).toBe(1);
    expect(chrf('xyz', 'abc')).toBe(0);
    expect(chrf('', 'abc')).toBe(0);
  });
  // Chinese, by hand: "我爱你" against "我爱他". Order 1: 2 of 3 both ways, F = 2/3. Order 2:
  // "我爱" matches 1 of 2 both ways, F = 1/2. Order 3: 0 of 1, F = 0. Mean (2/3 + 1/2 + 0)/3.
  it('works on Chinese characters', () => {
    expect(chrf('我爱你', '我爱他')).toBeCloseTo((2 / 3 + 1 / 2 + 0) / 3, 10);
  });
  it('takes the best of several references', () => {
    expect(bestChrf('abc', ['xyz', 'abc'])).toBe(1);
    expect(bestChrf('abc', [])).toBe(0);
  });
});

describe('Wilson interval', () => {
  // Known values (95 %, z = 1.96): e.g. from any statistics table or statsmodels proportion_confint(method="wilson").
  it.each([
    [0, 10, 0, 0.2775],
    [5, 10, 0.2366, 0.7634],
    [10, 10, 0.7225, 1],
    [7, 10, 0.3968, 0.8922],
    [1, 20, 0.0089, 0.2361],
  ])('%d of %d gives %f–%f', (successes, n, low, high) => {
    const interval = wilsonInterval(successes, n);
    expect(interval.low).toBeCloseTo(low, 4);
    expect(interval.high).toBeCloseTo(high, 4);
  });
  it('knows nothing from no answers', () => {
    expect(wilsonInterval(0, 0)).toEqual({ low: 0, high: 1 });
  });
});
