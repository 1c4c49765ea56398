// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { countMeasuredRuns, DEFAULT_OPTIONS, planBenchmark, validateOptions } from '../../src/lib/benchmark/plan';
import type { BenchmarkSuite } from '../../src/lib/benchmark/prompt-suite';

const suite: BenchmarkSuite = {
  id: 'test-suite',
  temperature: 0,
  topP: 1,
  seed: 1,
  prompts: [
    { id: 'a', label: 'A', prompt: 'a', maxTokens: 8 },
    { id: 'b', label: 'B', prompt: 'b', maxTokens: 8 },
    { id: 'c', label: 'C', prompt: 'c', maxTokens: 8 },
  ],
};

const short = (step: ReturnType<typeof planBenchmark>[number]) =>
  step.kind === 'run' ? `${step.modelId}:run:${step.promptId}${step.runIndex}` : step.kind === 'warmup' ? `${step.modelId}:warmup:${step.promptId}` : `${step.modelId}:${step.kind}`;

describe('planBenchmark', () => {
  it('loads, warms up once, runs rounds of every prompt, then reloads, model by model', () => {
    const plan = planBenchmark(['m1', 'm2'], suite, { runsPerPrompt: 2, warmup: true, measureColdLoad: false });
    expect(plan).toHaveLength(18); // per model: load + warm-up + 2 × 3 runs + reload
    expect(plan.slice(0, 9).map(short)).toEqual([
      'm1:load', 'm1:warmup:a', 'm1:run:a0', 'm1:run:b0', 'm1:run:c0', 'm1:run:a1', 'm1:run:b1', 'm1:run:c1', 'm1:reload',
    ]);
    expect(short(plan[9]!)).toBe('m2:load');
    expect(short(plan[17]!)).toBe('m2:reload');
    expect(countMeasuredRuns(plan)).toBe(12);
    expect(plan.filter((s) => s.kind === 'run' || s.kind === 'warmup').every((s) => 'resetBefore' in s && s.resetBefore)).toBe(true);
    expect(plan[0]).toEqual({ kind: 'load', modelId: 'm1', clearCacheBefore: false });
  });

  it('leaves out the warm-up when disabled and clears the cache first for a cold load', () => {
    const plan = planBenchmark(['m1'], suite, { runsPerPrompt: 1, warmup: false, measureColdLoad: true });
    expect(plan.map(short)).toEqual(['m1:load', 'm1:run:a0', 'm1:run:b0', 'm1:run:c0', 'm1:reload']);
    expect(plan[0]).toEqual({ kind: 'load', modelId: 'm1', clearCacheBefore: true });
    expect(countMeasuredRuns(plan)).toBe(3);
  });

  it('benchmarks a repeated model once, plans nothing for no models, and refuses an empty suite', () => {
    expect(countMeasuredRuns(planBenchmark(['m1', 'm1'], suite, DEFAULT_OPTIONS))).toBe(9);
    expect(planBenchmark([], suite, DEFAULT_OPTIONS)).toEqual([]);
    expect(() => planBenchmark(['m1'], { ...suite, prompts: [] }, DEFAULT_OPTIONS)).toThrow('test-suite has no prompts');
  });

  it('clamps the run count it is given', () => {
    expect(countMeasuredRuns(planBenchmark(['m1'], suite, { runsPerPrompt: 99, warmup: true, measureColdLoad: false }))).toBe(60);
  });
});

describe('validateOptions', () => {
  it('fills in defaults', () => {
    expect(validateOptions({})).toEqual({ options: { runsPerPrompt: 3, warmup: true, measureColdLoad: false }, adjustments: [] });
  });

  it('clamps and rounds run counts, saying so', () => {
    const high = validateOptions({ runsPerPrompt: 50 });
    expect(high.options.runsPerPrompt).toBe(20);
    expect(high.adjustments).toEqual(['Runs per prompt must be from 1 to 20: 50 was changed to 20.']);
    expect(validateOptions({ runsPerPrompt: 0 }).options.runsPerPrompt).toBe(1);
    const fractional = validateOptions({ runsPerPrompt: 2.6, warmup: false });
    expect(fractional.options).toEqual({ runsPerPrompt: 3, warmup: false, measureColdLoad: false });
    expect(fractional.adjustments[0]).toContain('2.6 was rounded to 3');
  });

  it('rejects what cannot be guessed', () => {
    expect(() => validateOptions({ runsPerPrompt: 'three' })).toThrow('Runs per prompt should be a number from 1 to 20.');
    expect(() => validateOptions({ runsPerPrompt: Number.NaN })).toThrow('Runs per prompt');
    expect(() => validateOptions({ warmup: 'yes' })).toThrow('Warm-up should be on or off');
    expect(() => validateOptions(null)).toThrow('should be an object');
    expect(() => validateOptions([3])).toThrow('should be an object');
  });
});
