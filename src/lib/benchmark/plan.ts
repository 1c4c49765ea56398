import type { BenchmarkSuite } from './prompt-suite';
import { t } from '../i18n/i18n.svelte';

/**
 * The order of work in Benchmark mode, decided up front as a flat list of steps so the runner is
 * a plain loop (easy to show progress as "step 7 of 40", to stop, and to test without a GPU).
 *
 * Everything runs sequentially, one model at a time: two models sharing the GPU would slow each
 * other down and the figures would measure the contention, not the models.
 */

export interface BenchmarkOptions {
  /** Measured runs of each prompt, per model (1..20). Three is the least that gives a median. */
  runsPerPrompt: number;
  /**
   * One unmeasured run first: the first generation after a load still compiles shader pipelines
   * and allocates buffers, and would otherwise show up as one very slow run.
   */
  warmup: boolean;
  /**
   * Delete the model's cached files before its first load, so that load is a real download
   * (cold). Off by default: it costs the whole download again, for every model.
   */
  measureColdLoad: boolean;
}

export const DEFAULT_OPTIONS: Readonly<BenchmarkOptions> = { runsPerPrompt: 3, warmup: true, measureColdLoad: false };
export const MIN_RUNS = 1;
export const MAX_RUNS = 20;

/**
 * The runner calls resetChat before every step that has `resetBefore: true` (the warm-up and
 * every measured run): each run then starts from an empty conversation and no KV cache, so every
 * run prefills the whole prompt and measures the same work.
 */
export type BenchmarkStep =
  /** First load. Whether it was cold (downloaded) or came from the cache is recorded by the runner. */
  | { kind: 'load'; modelId: string; clearCacheBefore: boolean }
  | { kind: 'warmup'; modelId: string; promptId: string; resetBefore: true }
  | { kind: 'run'; modelId: string; promptId: string; runIndex: number; resetBefore: true }
  /** Unload and load again: the files are now cached, so this measures the cached load time. */
  | { kind: 'reload'; modelId: string };

export interface ValidatedOptions {
  options: BenchmarkOptions;
  /** What was changed to make the options usable (e.g. 50 runs clamped to 20), for the UI to show. */
  adjustments: string[];
}

/**
 * Check options that come from a form or an imported file. Missing fields take their defaults;
 * a run count out of range or not whole is clamped/rounded and said so; a wrong type cannot be
 * guessed and throws an Error with a readable message.
 */
export function validateOptions(input: unknown): ValidatedOptions {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    throw new Error(t('benchmark.optionsNotObject'));
  }
  const raw = input as Record<string, unknown>;
  const field = (key: keyof BenchmarkOptions): unknown => (Object.hasOwn(raw, key) ? raw[key] : undefined);
  const adjustments: string[] = [];

  const given = field('runsPerPrompt') ?? DEFAULT_OPTIONS.runsPerPrompt;
  if (typeof given !== 'number' || !Number.isFinite(given)) {
    throw new Error(t('benchmark.runsNotNumber', { min: MIN_RUNS, max: MAX_RUNS }));
  }
  let runs = given;
  if (!Number.isInteger(runs)) {
    const rounded = Math.round(runs);
    adjustments.push(t('benchmark.runsRounded', { given: runs, rounded }));
    runs = rounded;
  }
  const clamped = Math.min(MAX_RUNS, Math.max(MIN_RUNS, runs));
  if (clamped !== runs) adjustments.push(t('benchmark.runsClamped', { min: MIN_RUNS, max: MAX_RUNS, given: runs, clamped }));

  return {
    options: {
      runsPerPrompt: clamped,
      warmup: flag(field('warmup'), DEFAULT_OPTIONS.warmup, 'Warm-up'),
      measureColdLoad: flag(field('measureColdLoad'), DEFAULT_OPTIONS.measureColdLoad, 'Measure cold load'),
    },
    adjustments,
  };
}

function flag(value: unknown, fallback: boolean, name: string): boolean {
  if (value === undefined) return fallback;
  if (typeof value !== 'boolean') throw new Error(`${name} should be on or off (true/false).`);
  return value;
}

/**
 * The steps for benchmarking these models, in order. Per model: load, one warm-up with the
 * suite's first prompt (when enabled), then round r = 0..N−1 of every prompt, then a reload.
 * Rounds go over all prompts before repeating, so a slow drift (the GPU heating up and
 * throttling) spreads over every prompt instead of hitting the last one's runs only.
 * A model listed twice is benchmarked once.
 */
export function planBenchmark(modelIds: readonly string[], suite: BenchmarkSuite, options: BenchmarkOptions): BenchmarkStep[] {
  const { runsPerPrompt, warmup, measureColdLoad } = validateOptions(options).options;
  const first = suite.prompts[0];
  if (!first) throw new Error(`The prompt suite ${suite.id} has no prompts.`);
  const steps: BenchmarkStep[] = [];
  for (const modelId of new Set(modelIds)) {
    steps.push({ kind: 'load', modelId, clearCacheBefore: measureColdLoad });
    if (warmup) steps.push({ kind: 'warmup', modelId, promptId: first.id, resetBefore: true });
    for (let runIndex = 0; runIndex < runsPerPrompt; runIndex++) {
      for (const prompt of suite.prompts) steps.push({ kind: 'run', modelId, promptId: prompt.id, runIndex, resetBefore: true });
    }
    steps.push({ kind: 'reload', modelId });
  }
  return steps;
}

/** Measured runs in a plan (warm-ups and loads excluded), e.g. for "run 4 of 18". */
export function countMeasuredRuns(plan: readonly BenchmarkStep[]): number {
  return plan.filter((step) => step.kind === 'run').length;
}
