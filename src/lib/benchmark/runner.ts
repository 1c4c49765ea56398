import type { GenerateResult, LoadProgress, LoadResult, ModelSpec, GenerateRequest } from '../engine/protocol';
import { emptyMetrics, withUsage } from '../metrics/run-metrics';
import type { BenchmarkModelResult, BenchmarkRunSample } from './benchmark-result';
import { weightBytesPerToken, type WeightSizeSource } from './bandwidth';
import type { BenchmarkStep } from './plan';
import { findPrompt, promptSettings, type BenchmarkSuite } from './prompt-suite';
import { runModelTurns } from '../sequential/model-turns';
import { reasoningSupportOf } from '../reasoning/reasoning-support';

/** The part of the engine client the runner uses (the app's EngineClient; a scripted one in tests). */
export interface BenchmarkEngine {
  load(model: ModelSpec, onProgress: (progress: LoadProgress) => void): Promise<LoadResult>;
  /** Starts a fresh conversation every time: the engine worker calls web-llm's resetChat first. */
  generate(request: GenerateRequest, onDelta: (delta: string) => void): Promise<GenerateResult>;
  unload(): Promise<void>;
}

export interface BenchmarkTarget {
  spec: ModelSpec;
  /** For the weight-size estimate when the manifest cannot be read. */
  size: WeightSizeSource;
}

export interface RunnerHooks {
  /** Called before each step, with its position in the plan (0-based) — for the progress line. */
  onStep(step: BenchmarkStep, index: number): void;
  onLoadProgress(progress: LoadProgress): void;
  /** Delete a model's cached files so that the next load downloads them (a cold load). */
  clearCache(spec: ModelSpec): Promise<void>;
  /** Checked between steps: a stopped benchmark keeps what it measured so far. */
  stopped(): boolean;
  /** How a model's failure is worded in the report (the app's friendly titles); default: its message. */
  describe?(error: unknown): string;
}

/**
 * Carry out a benchmark plan, one step at a time, one model on the GPU at a time (the loop is
 * src/lib/sequential/model-turns.ts, shared with graded sets). A model that fails (too big,
 * download error) gets its error recorded and the next model still runs. Only
 * measured runs are recorded; the warm-up pays for first-use shader compilation and is dropped.
 */
export async function runBenchmark(
  plan: readonly BenchmarkStep[],
  targets: ReadonlyMap<string, BenchmarkTarget>,
  suite: BenchmarkSuite,
  engine: BenchmarkEngine,
  hooks: RunnerHooks,
): Promise<BenchmarkModelResult[]> {
  const results = new Map<string, BenchmarkModelResult>();
  const entry = (modelId: string, target: BenchmarkTarget): BenchmarkModelResult => {
    let result = results.get(modelId);
    if (!result) {
      result = { modelId, weightBytes: weightBytesPerToken(target.size), loads: [], runs: [] };
      results.set(modelId, result);
    }
    return result;
  };
  const targetOf = (modelId: string): BenchmarkTarget => {
    const target = targets.get(modelId);
    if (!target) throw new Error(`No model ${modelId} to benchmark.`);
    return target;
  };
  for (const step of plan) targetOf(step.modelId); // a plan naming an unknown model is a bug: fail before any work
  await runModelTurns(plan, engine, {
    onStep: (step, index) => {
      entry(step.modelId, targetOf(step.modelId));
      hooks.onStep(step, index);
    },
    stopped: () => hooks.stopped(),
    onFailure: (modelId, error) => {
      entry(modelId, targetOf(modelId)).error = hooks.describe?.(error) ?? ((error as Error).message || String(error));
    },
  }, (step) => {
    const target = targetOf(step.modelId);
    return runStep(step, target, entry(step.modelId, target), suite, engine, hooks);
  });
  return [...results.values()];
}

async function runStep(
  step: BenchmarkStep,
  target: BenchmarkTarget,
  result: BenchmarkModelResult,
  suite: BenchmarkSuite,
  engine: BenchmarkEngine,
  hooks: RunnerHooks,
): Promise<void> {
  switch (step.kind) {
    case 'load':
    case 'reload': {
      if (step.kind === 'load' && step.clearCacheBefore) await hooks.clearCache(target.spec);
      if (step.kind === 'reload') await engine.unload();
      const load = await engine.load(target.spec, (progress) => hooks.onLoadProgress(progress));
      result.loads.push({ kind: load.fromCache ? 'cached' : 'cold', ms: load.loadMs });
      // The manifest's exact size beats the estimate from parameters × bits.
      result.weightBytes = weightBytesPerToken(target.size, load.weightsBytes) ?? result.weightBytes;
      return;
    }
    case 'warmup':
    case 'run': {
      const prompt = findPrompt(suite, step.promptId);
      if (!prompt) throw new Error(`The suite has no prompt ${step.promptId}.`);
      // The worker counts the tokens before the answer for models that may think.
      const reasoning = reasoningSupportOf(target.spec.id, false);
      const answer = await engine.generate({ systemPrompt: '', prompt: prompt.prompt, settings: promptSettings(suite, prompt), reasoning }, () => undefined);
      if (answer.finishReason === 'abort') return; // stopped mid-run: not a measurement
      if (step.kind === 'run') result.runs.push(sample(step.promptId, step.runIndex, answer));
      return;
    }
  }
}

/** Engine figures of one run, read the same way as a pane's (zero or NaN from web-llm = none). */
function sample(promptId: string, runIndex: number, answer: GenerateResult): BenchmarkRunSample {
  const metrics = withUsage(emptyMetrics(), answer.usage);
  return {
    promptId,
    runIndex,
    ttftMs: metrics.engineTtftMs,
    prefillTokensPerSecond: metrics.prefillTokensPerSecond,
    decodeTokensPerSecond: metrics.decodeTokensPerSecond,
    promptTokens: metrics.promptTokens,
    completionTokens: metrics.completionTokens,
    thinkingTokens: metrics.completionTokens === null ? null : Math.min(answer.thinkingTokens ?? 0, metrics.completionTokens),
  };
}
