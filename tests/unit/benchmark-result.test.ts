// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { deviceFromGpu, summarizeModel, type BenchmarkModelResult, type BenchmarkRunSample } from '../../src/lib/benchmark/benchmark-result';

function run(promptId: string, runIndex: number, ttftMs: number | null, prefill: number | null, decode: number | null): BenchmarkRunSample {
  return { promptId, runIndex, ttftMs, prefillTokensPerSecond: prefill, decodeTokensPerSecond: decode, promptTokens: 20, completionTokens: 64, thinkingTokens: 24 };
}

const result: BenchmarkModelResult = {
  modelId: 'Qwen2-0.5B-Instruct-q4f32_1-MLC',
  weightBytes: 312.5e6,
  loads: [
    { kind: 'cold', ms: 5000 },
    { kind: 'cached', ms: 800 },
    { kind: 'cached', ms: 1200 },
  ],
  runs: [run('short', 0, 100, 200, 40), run('long', 0, 900, 600, 48), run('short', 1, 120, 220, null)],
};

describe('summarizeModel', () => {
  it('pools all prompts and ignores unmeasured samples', () => {
    const s = summarizeModel(result);
    expect(s.runs).toBe(3);
    expect(s.ttft).toMatchObject({ n: 3, median: 120, min: 100, max: 900 });
    expect(s.prefill).toMatchObject({ n: 3, median: 220 });
    expect(s.decode).toMatchObject({ n: 2, median: 44, min: 40, max: 48 });
    expect(s.error).toBeNull();
  });

  it('keeps cold and cached loads apart', () => {
    const s = summarizeModel(result);
    expect(s.coldLoad).toEqual({ n: 1, median: 5000, min: 5000, max: 5000, p90: 5000, mean: 5000 });
    expect(s.cachedLoad).toMatchObject({ n: 2, median: 1000, min: 800, max: 1200 });
    expect(s.cachedLoad!.p90).toBeCloseTo(1160, 9);
  });

  it('computes bandwidth per run: decode tok/s × weight bytes', () => {
    const s = summarizeModel(result);
    // 40 × 312.5e6 = 12.5 GB/s; 48 × 312.5e6 = 15 GB/s; the run without decode speed has none.
    expect(s.bandwidthGBps).toMatchObject({ n: 2, min: 12.5, max: 15, median: 13.75 });
    expect(summarizeModel({ ...result, weightBytes: null }).bandwidthGBps).toBeNull();
  });

  it('can summarise one prompt only', () => {
    const s = summarizeModel(result, 'short');
    expect(s.runs).toBe(2);
    expect(s.ttft).toMatchObject({ n: 2, median: 110 });
    expect(s.decode).toMatchObject({ n: 1, median: 40 });
    expect(s.coldLoad!.median).toBe(5000); // loads are per model, not per prompt
  });

  it('carries the error and gives null summaries when nothing was measured', () => {
    const s = summarizeModel({ modelId: 'x', weightBytes: null, loads: [], runs: [], error: 'Out of GPU memory' });
    expect(s).toEqual({ modelId: 'x', ttft: null, prefill: null, decode: null, coldLoad: null, cachedLoad: null, bandwidthGBps: null, thinkingTokens: null, answerTokens: null, runs: 0, error: 'Out of GPU memory' });
  });
});

describe('deviceFromGpu', () => {
  it('copies the GPU probe and trims the label', () => {
    const gpu = {
      available: true, problem: null, problemDetail: '', vendor: 'apple', architecture: 'metal-3', device: '', description: 'Apple M2',
      isFallbackAdapter: false, shaderF16: true, maxBufferSize: 1, maxStorageBufferBindingSize: 1,
    } as const;
    expect(deviceFromGpu(gpu, 'UA/1.0', '  Room 12 laptop ')).toEqual({
      gpuVendor: 'apple', gpuArchitecture: 'metal-3', gpuDescription: 'Apple M2', isFallbackAdapter: false, shaderF16: true, userAgent: 'UA/1.0', label: 'Room 12 laptop',
    });
  });
});
