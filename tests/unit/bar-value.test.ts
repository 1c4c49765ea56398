// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { formatBarValue } from '../../src/lib/metrics/bar-value';

describe('the value printed on a chart bar', () => {
  it('carries its unit and no more precision than a glance needs', () => {
    expect(formatBarValue(61.349, 'tok/s')).toBe('61.3 tok/s');
    expect(formatBarValue(0.4237, 's')).toBe('0.42 s');
    expect(formatBarValue(1234.5, 'tok/s')).toBe('1,235 tok/s');
    expect(formatBarValue(87.5, '%')).toBe('87.5 %');
    expect(formatBarValue(0, 'tokens')).toBe('0 tokens');
  });

  it('says "—" rather than NaN or Infinity', () => {
    expect(formatBarValue(Number.NaN, 's')).toBe('—');
    expect(formatBarValue(Number.POSITIVE_INFINITY, 's')).toBe('—');
  });
});
