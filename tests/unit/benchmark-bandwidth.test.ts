// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { effectiveBandwidthGBps, weightBytesPerToken } from '../../src/lib/benchmark/bandwidth';
import { parseQuantization } from '../../src/lib/catalog/model-meta';

describe('weightBytesPerToken', () => {
  it('estimates params × 1e9 × bitsPerWeight / 8', () => {
    // q4f32_1: 4 bits + one f32 scale per 32 weights = 5 bits per weight.
    const q4f32 = parseQuantization('q4f32_1');
    expect(q4f32?.bitsPerWeight).toBe(5);
    expect(weightBytesPerToken({ paramsB: 0.5, quantization: q4f32 })).toBe(312.5e6);
    // q4f16_1 = 4.5 bits: 1.5B → 843.75 MB.
    expect(weightBytesPerToken({ paramsB: 1.5, quantization: parseQuantization('q4f16_1') })).toBe(843.75e6);
  });

  it('prefers the exact size of the weight shards when known', () => {
    expect(weightBytesPerToken({ paramsB: 0.5, quantization: { bitsPerWeight: 5 } }, 289_000_000)).toBe(289_000_000);
    expect(weightBytesPerToken({ paramsB: null, quantization: null }, 1_000)).toBe(1_000);
    // A useless exact figure falls back to the estimate.
    expect(weightBytesPerToken({ paramsB: 0.5, quantization: { bitsPerWeight: 5 } }, 0)).toBe(312.5e6);
  });

  it('null when neither is known', () => {
    expect(weightBytesPerToken({ paramsB: null, quantization: { bitsPerWeight: 5 } })).toBeNull();
    expect(weightBytesPerToken({ paramsB: 0.5, quantization: null })).toBeNull();
    expect(weightBytesPerToken({ paramsB: Number.NaN, quantization: { bitsPerWeight: 5 } })).toBeNull();
  });
});

describe('effectiveBandwidthGBps', () => {
  it('is tok/s × bytes per token in decimal GB/s', () => {
    expect(effectiveBandwidthGBps(40, 312.5e6)).toBe(12.5);
    expect(effectiveBandwidthGBps(6, 4.5e9)).toBe(27);
  });

  it('null when either side is unknown or not positive', () => {
    expect(effectiveBandwidthGBps(null, 312.5e6)).toBeNull();
    expect(effectiveBandwidthGBps(40, null)).toBeNull();
    expect(effectiveBandwidthGBps(0, 312.5e6)).toBeNull();
    expect(effectiveBandwidthGBps(Number.POSITIVE_INFINITY, 1)).toBeNull();
  });
});
