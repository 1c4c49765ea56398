import { plainDuration } from '../metrics/plain-duration';
import type { BenchmarkReport } from './benchmark-result';
import { summarizeModel } from './benchmark-result';
import { planBenchmark, type BenchmarkOptions, type BenchmarkStep } from './plan';
import type { BenchmarkSuite } from './prompt-suite';
import { t } from '../i18n/i18n.svelte';

/**
 * How long a benchmark will take, said before it starts ("about 4 minutes"), so a teacher does
 * not start a half-hour run five minutes before the bell. Each step of the plan is priced with
 * the model's speeds from the newest saved report that has them, or with cautious defaults.
 */

export interface ModelSpeeds {
  decodeTokensPerSecond: number;
  prefillTokensPerSecond: number;
  /** A load from the browser cache (also what a reload costs). */
  cachedLoadMs: number;
  /** A load that downloads the weights (only with "measure a cold load"). */
  coldLoadMs: number;
}

/**
 * Slow on purpose: a small model on an integrated laptop GPU. Over-estimating is kinder than a
 * run that takes twice as long as promised.
 */
export const DEFAULT_SPEEDS: Readonly<ModelSpeeds> = { decodeTokensPerSecond: 8, prefillTokensPerSecond: 80, cachedLoadMs: 20_000, coldLoadMs: 120_000 };

/** About 4 characters per token in English text, the usual rule of thumb. */
const CHARS_PER_TOKEN = 4;

function positive(value: number | null | undefined): value is number {
  return typeof value === 'number' && Number.isFinite(value) && value > 0;
}

/** A model's speeds from the newest report that measured it; null when none did. */
export function lastMeasuredSpeeds(modelId: string, reports: readonly BenchmarkReport[]): ModelSpeeds | null {
  const newestFirst = [...reports].sort((a, b) => b.createdAt.localeCompare(a.createdAt));
  for (const report of newestFirst) {
    const result = report.models.find((model) => model.modelId === modelId);
    if (!result) continue;
    const summary = summarizeModel(result);
    if (!positive(summary.decode?.median)) continue;
    return {
      decodeTokensPerSecond: summary.decode.median,
      prefillTokensPerSecond: positive(summary.prefill?.median) ? summary.prefill.median : DEFAULT_SPEEDS.prefillTokensPerSecond,
      cachedLoadMs: positive(summary.cachedLoad?.median) ? summary.cachedLoad.median : DEFAULT_SPEEDS.cachedLoadMs,
      coldLoadMs: positive(summary.coldLoad?.median) ? summary.coldLoad.median : DEFAULT_SPEEDS.coldLoadMs,
    };
  }
  return null;
}

function stepMs(step: BenchmarkStep, speeds: ModelSpeeds, suite: BenchmarkSuite): number {
  switch (step.kind) {
    case 'load':
      return step.clearCacheBefore ? speeds.coldLoadMs : speeds.cachedLoadMs;
    case 'reload':
      return speeds.cachedLoadMs;
    case 'warmup':
    case 'run': {
      const prompt = suite.prompts.find((candidate) => candidate.id === step.promptId);
      if (!prompt) return 0;
      const promptTokens = prompt.prompt.length / CHARS_PER_TOKEN;
      // Every run may write up to its token limit: greedy decoding often does.
      return (promptTokens / speeds.prefillTokensPerSecond + prompt.maxTokens / speeds.decodeTokensPerSecond) * 1000;
    }
  }
}

export interface BenchmarkEstimate {
  ms: number;
  /** How many of the models were priced from a saved measurement (the rest: defaults). */
  measuredModels: number;
  models: number;
  /** "about 4 minutes (from the last measured speeds)". */
  text: string;
}

/** null while the options cannot be planned (the run count field is being retyped, say). */
export function estimateBenchmark(modelIds: readonly string[], suite: BenchmarkSuite, options: BenchmarkOptions, reports: readonly BenchmarkReport[]): BenchmarkEstimate | null {
  const unique = [...new Set(modelIds)];
  const speeds = new Map(unique.map((id) => [id, lastMeasuredSpeeds(id, reports)]));
  let plan: BenchmarkStep[];
  try {
    plan = unique.length > 0 ? planBenchmark(unique, suite, options) : [];
  } catch {
    return null;
  }
  const ms = plan.reduce((sum, step) => sum + stepMs(step, speeds.get(step.modelId) ?? DEFAULT_SPEEDS, suite), 0);
  const measuredModels = [...speeds.values()].filter((value) => value !== null).length;
  const basis =
    measuredModels === unique.length ? t('benchmark.basisMeasured')
      : measuredModels === 0 ? t('benchmark.basisGuess')
        : t('benchmark.basisMixed', { measured: measuredModels, total: unique.length });
  return { ms, measuredModels, models: unique.length, text: t('benchmark.estimateText', { duration: plainDuration(ms / 1000), basis }) };
}
