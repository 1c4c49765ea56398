// @vitest-environment node
import { describe, expect, it } from 'vitest';
import type { BenchmarkReport, BenchmarkRunSample } from '../../src/lib/benchmark/benchmark-result';
import { estimateBenchmark, lastMeasuredSpeeds } from '../../src/lib/benchmark/estimate';
import { BENCHMARK_SUITE, type BenchmarkSuite } from '../../src/lib/benchmark/prompt-suite';

/** One prompt of 400 characters (≈ 100 tokens), answered in at most 50 tokens. */
const SUITE: BenchmarkSuite = { id: 'test', temperature: 0, topP: 1, seed: 1, prompts: [{ id: 'p', label: 'P', prompt: 'x'.repeat(400), maxTokens: 50 }] };
const OPTIONS = { runsPerPrompt: 2, warmup: true, measureColdLoad: false };

function sample(decode: number, prefill: number): BenchmarkRunSample {
  return { promptId: 'p', runIndex: 0, ttftMs: 100, prefillTokensPerSecond: prefill, decodeTokensPerSecond: decode, promptTokens: 100, completionTokens: 50, thinkingTokens: 0 };
}

function report(createdAt: string, modelId: string, decode: number): BenchmarkReport {
  return {
    format: 'lineup-benchmark', version: 1, id: createdAt, createdAt, suiteId: 'test', options: OPTIONS,
    device: { gpuVendor: '', gpuArchitecture: '', gpuDescription: 'GPU', isFallbackAdapter: false, shaderF16: true, userAgent: 'UA', label: '' },
    appVersion: '1', engineVersion: '1',
    models: [{ modelId, weightBytes: null, loads: [{ kind: 'cached', ms: 1000 }], runs: [sample(decode, 100), sample(decode, 100)] }],
  };
}

describe('estimateBenchmark', () => {
  it('prices every step with the last measured speeds', () => {
    // Load 1 s + 3 runs (warm-up + 2) × (100 tokens ÷ 100/s + 50 tokens ÷ 10/s = 6 s) + reload 1 s = 20 s.
    const estimate = estimateBenchmark(['m'], SUITE, OPTIONS, [report('2026-01-01T00:00:00Z', 'm', 10)])!;
    expect(estimate.ms).toBeCloseTo(20_000, 6);
    expect(estimate.text).toBe('about 20 seconds (from the last measured speeds)');
  });

  it('uses a cautious default for a model never measured, and says so', () => {
    // Defaults: load 20 s + 3 × (100 ÷ 80 + 50 ÷ 8 = 7.5 s) + reload 20 s = 62.5 s.
    const estimate = estimateBenchmark(['m'], SUITE, OPTIONS, [])!;
    expect(estimate.ms).toBeCloseTo(62_500, 6);
    expect(estimate.text).toBe('about a minute (a cautious guess: nothing measured here yet)');
  });

  it('adds up the models and says which part is measured', () => {
    const estimate = estimateBenchmark(['m', 'new'], SUITE, OPTIONS, [report('2026-01-01T00:00:00Z', 'm', 10)])!;
    expect(estimate.ms).toBeCloseTo(82_500, 6);
    expect(estimate.measuredModels).toBe(1);
    expect(estimate.text).toContain('1 of the 2 models');
  });

  it('takes the newest report of a model', () => {
    const reports = [report('2026-03-01T00:00:00Z', 'm', 50), report('2026-01-01T00:00:00Z', 'm', 10)];
    expect(lastMeasuredSpeeds('m', reports)?.decodeTokensPerSecond).toBe(50);
  });

  it('gives the real suite a duration in minutes for two unmeasured models', () => {
    const text = estimateBenchmark(['a', 'b'], BENCHMARK_SUITE, { runsPerPrompt: 3, warmup: true, measureColdLoad: false }, [])!.text;
    expect(text).toMatch(/^about \d+ minutes/);
  });

  it('is zero for an empty line-up', () => {
    expect(estimateBenchmark([], SUITE, OPTIONS, [])!.ms).toBe(0);
  });

  it('says nothing while the run count cannot be read', () => {
    expect(estimateBenchmark(['m'], SUITE, { ...OPTIONS, runsPerPrompt: 'x' as unknown as number }, [])).toBeNull();
  });

  it('counts a cold load when one is asked for', () => {
    // Cold load default 120 s instead of 20 s: 100 s more than the default estimate.
    expect(estimateBenchmark(['m'], SUITE, { ...OPTIONS, measureColdLoad: true }, [])!.ms).toBeCloseTo(162_500, 6);
  });
});
