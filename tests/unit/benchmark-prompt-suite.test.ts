// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { BENCHMARK_SUITE, findPrompt, promptSettings } from '../../src/lib/benchmark/prompt-suite';

const words = (text: string) => text.trim().split(/\s+/).length;

describe('BENCHMARK_SUITE', () => {
  it('is the frozen suite lineup-suite-1 with greedy, seeded settings', () => {
    expect(BENCHMARK_SUITE.id).toBe('lineup-suite-1');
    expect(BENCHMARK_SUITE.temperature).toBe(0);
    expect(BENCHMARK_SUITE.seed).toBe(1);
    expect(BENCHMARK_SUITE.prompts.map((p) => [p.id, p.maxTokens])).toEqual([['short', 64], ['medium', 128], ['long', 96]]);
  });

  it('has a short, a medium and a long prompt', () => {
    const [short, medium, long] = BENCHMARK_SUITE.prompts.map((p) => words(p.prompt));
    expect(short).toBeGreaterThanOrEqual(10);
    expect(short).toBeLessThanOrEqual(20);
    expect(medium).toBeGreaterThanOrEqual(60);
    expect(medium).toBeLessThanOrEqual(110);
    expect(long).toBeGreaterThanOrEqual(380);
    expect(long).toBeLessThanOrEqual(480);
  });

  it('gives engine settings per prompt and finds prompts by id', () => {
    const long = findPrompt(BENCHMARK_SUITE, 'long')!;
    expect(promptSettings(BENCHMARK_SUITE, long)).toEqual({ temperature: 0, topP: 1, maxTokens: 96, seed: 1 });
    expect(findPrompt(BENCHMARK_SUITE, 'nope')).toBeUndefined();
  });
});
