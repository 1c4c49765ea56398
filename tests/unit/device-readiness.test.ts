import { describe, expect, it } from 'vitest';
import { ceilingTokensPerSecond, formatCeiling, formatShare, shareOfCeiling } from '../../src/lib/device/ceiling';
import { passGBps, probeBufferBytes, repeatsFor, summarisePasses, MIN_PROBE_BYTES } from '../../src/lib/device/bandwidth-stats';
import { readinessVerdict, sizeRange, type ModelReadiness } from '../../src/lib/device/verdict';
import { readMeasurement } from '../../src/lib/device/bandwidth-cache';

describe('speed ceiling', () => {
  it('is bandwidth ÷ weight bytes: 100 GB/s over 500 MB of weights is at most 200 tok/s', () => {
    expect(ceilingTokensPerSecond(100, 500e6)).toBeCloseTo(200, 10);
  });
  it('is unknown without a measured bandwidth or a weight size', () => {
    expect(ceilingTokensPerSecond(null, 500e6)).toBeNull();
    expect(ceilingTokensPerSecond(100, null)).toBeNull();
    expect(ceilingTokensPerSecond(Number.NaN, 1)).toBeNull();
    expect(ceilingTokensPerSecond(0, 1)).toBeNull();
  });
  it('gives the share of the ceiling a decode speed reached, unclamped', () => {
    expect(shareOfCeiling(82, 200)).toBeCloseTo(0.41, 10);
    expect(formatShare(0.41)).toBe('41 %');
    expect(shareOfCeiling(250, 200)).toBeCloseTo(1.25, 10);
    expect(shareOfCeiling(null, 200)).toBeNull();
  });
  it('rounds like an estimate', () => {
    expect(formatCeiling(41.4)).toBe('≈ 41 tok/s');
    expect(formatCeiling(3.24)).toBe('≈ 3.2 tok/s');
    expect(formatCeiling(1234.4)).toBe('≈ 1,234 tok/s');
  });
});

describe('bandwidth statistics', () => {
  it('takes the median pass, so one slow pass does not move the figure', () => {
    const bytes = 256 * 1024 * 1024;
    // 10 GB/s passes and one pass slowed down 10× by something else on the machine.
    const seconds = [bytes / 10e9, bytes / 10e9, bytes / 1e9, bytes / 10e9, bytes / 10e9];
    const result = summarisePasses(bytes, seconds, 'submitted-work-done', new Date('2026-01-01T00:00:00Z'))!;
    expect(result.gbps).toBeCloseTo(10, 6);
    expect(result.minGBps).toBeCloseTo(1, 6);
    expect(result.maxGBps).toBeCloseTo(10, 6);
    expect(result.passes).toBe(5);
    expect(result.method).toBe('submitted-work-done');
  });
  it('drops impossible passes and refuses too few', () => {
    expect(passGBps(1e9, 0)).toBeNull();
    expect(passGBps(1e9, -1)).toBeNull();
    expect(summarisePasses(1e9, [0, Number.NaN, 0.1, 0.1], 'timestamp-query')).toBeNull();
    expect(summarisePasses(1e9, [0, 0.1, 0.1, 0.2], 'timestamp-query')?.passes).toBe(3);
  });
  it('sizes the buffer within the adapter limits, in whole MiB', () => {
    expect(probeBufferBytes({ maxStorageBufferBindingSize: 2 ** 31, maxBufferSize: 2 ** 32 })).toBe(256 * 1024 * 1024);
    expect(probeBufferBytes({ maxStorageBufferBindingSize: 134_217_728, maxBufferSize: 268_435_456 })).toBe(134_217_728);
    expect(probeBufferBytes({ maxStorageBufferBindingSize: 100_000_000, maxBufferSize: 2 ** 32 })).toBe(95 * 1024 * 1024);
    expect(probeBufferBytes({ maxStorageBufferBindingSize: MIN_PROBE_BYTES - 1, maxBufferSize: 2 ** 32 })).toBe(0);
  });
  it('repeats the read on a fast GPU so a pass outlasts the timer resolution', () => {
    expect(repeatsFor(0.05)).toBe(1);
    expect(repeatsFor(0.001)).toBe(20);
    expect(repeatsFor(1e-7)).toBe(64);
    expect(repeatsFor(0)).toBe(1);
  });
  it('ignores a cached value that is not a sane measurement', () => {
    const good = { gbps: 10, minGBps: 9, maxGBps: 11, passes: 7, bytesPerPass: 1e8, method: 'timestamp-query', measuredAt: '2026-01-01T00:00:00.000Z' };
    expect(readMeasurement(good)).toEqual(good);
    expect(readMeasurement({ ...good, gbps: -1 })).toBeNull();
    expect(readMeasurement({ ...good, method: 'guess' })).toBeNull();
    expect(readMeasurement({ ...good, passes: 1.5 })).toBeNull();
    expect(readMeasurement('10 GB/s')).toBeNull();
  });
});

const model = (paramsB: number, runnable: boolean, ceilingTps: number | null = null): ModelReadiness => ({ id: `m${paramsB}`, label: `M ${paramsB}`, paramsB, runnable, ceilingTps });

describe('readiness verdict', () => {
  it('names the sizes that fit and the sizes that do not', () => {
    const verdict = readinessVerdict(true, [model(0.5, true, 80), model(1.5, true, 30), model(4, false)]);
    expect(verdict).toEqual({ tone: 'partial', text: 'Good for the 0.5–1.5 B models; the 4 B models will not fit.' });
  });
  it('is good when every model fits and is fast enough', () => {
    expect(readinessVerdict(true, [model(0.5, true, 80), model(1, true)]).tone).toBe('good');
  });
  it('calls models under 5 tok/s slow, and a machine with only slow models not ready', () => {
    expect(readinessVerdict(true, [model(0.5, true, 20), model(3, true, 4)]).text).toBe('Good for the 0.5 B models; the 3 B models would be slow (under 5 tokens/s).');
    expect(readinessVerdict(true, [model(0.5, true, 2)]).tone).toBe('none');
  });
  it('says plainly when nothing can run', () => {
    expect(readinessVerdict(false, [model(0.5, true)]).text).toMatch(/no WebGPU/);
    expect(readinessVerdict(true, [model(0.5, false)]).text).toBe('Not ready: none of the recommended models fits this device.');
  });
  it('writes size ranges as people say them', () => {
    expect(sizeRange([model(0.5, true), model(1.5, true), model(0.6, true)])).toBe('0.5–1.5 B');
    expect(sizeRange([{ ...model(1, true), paramsB: null }])).toBe('');
  });
});
