import type { GenerateRequest, GenerationSettings, ModelSpec } from '../engine/protocol';
import type { BenchmarkEngine } from '../benchmark/runner';
import { emptyMetrics, withUsage } from '../metrics/run-metrics';
import { splitThinking } from '../reasoning/think-splitter';
import { runModelTurns } from '../sequential/model-turns';
import type { GradedAnswer, GradedItem, GradedModelResult } from './graded-run';
import { planGradedRun, type GradedStep } from './plan';

export interface GradedTarget {
  spec: ModelSpec;
  label: string;
}

export interface GradedHooks {
  onStep(step: GradedStep, index: number, total: number): void;
  /** Each answer as it is recorded, so the table fills in while the run goes on. */
  onAnswer(modelId: string, answer: GradedAnswer): void;
  stopped(): boolean;
  describe(error: unknown): string;
}

/**
 * Run a graded set through the line-up: one model on the GPU at a time, loaded once for the whole
 * set, a fresh conversation per item, fixed seed, greedy (the settings say so). A stopped run
 * keeps every finished answer; an answer cut short by Stop is dropped, not graded.
 */
export async function runGradedSet(
  targets: readonly GradedTarget[],
  items: readonly GradedItem[],
  settings: GenerationSettings,
  engine: BenchmarkEngine,
  hooks: GradedHooks,
): Promise<GradedModelResult[]> {
  const plan = planGradedRun(targets.map((target) => target.spec.id), items);
  const results = new Map(targets.map((target) => [target.spec.id, { modelId: target.spec.id, label: target.label, loadMs: null, answers: [] } as GradedModelResult]));
  const byId = new Map(targets.map((target) => [target.spec.id, target]));
  const itemsById = new Map(items.map((item) => [item.id, item]));
  await runModelTurns(plan, engine, {
    onStep: (step, index) => hooks.onStep(step, index, plan.length),
    stopped: () => hooks.stopped(),
    onFailure: (modelId, error) => {
      results.get(modelId)!.error = hooks.describe(error);
    },
  }, async (step) => {
    const result = results.get(step.modelId)!;
    if (step.kind === 'load') {
      const load = await engine.load(byId.get(step.modelId)!.spec, () => undefined);
      result.loadMs = load.loadMs;
      return;
    }
    const answer = await answerItem(itemsById.get(step.itemId)!, settings, engine);
    if (!answer) return; // stopped mid-answer
    result.answers.push(answer);
    hooks.onAnswer(step.modelId, answer);
  });
  return [...results.values()];
}

async function answerItem(item: GradedItem, settings: GenerationSettings, engine: BenchmarkEngine): Promise<GradedAnswer | null> {
  const request: GenerateRequest = { systemPrompt: item.systemPrompt ?? '', prompt: item.prompt, settings };
  const started = performance.now();
  let jsonMode: boolean | undefined;
  let result;
  if (item.check.kind === 'json') {
    // web-llm's JSON mode constrains decoding to valid JSON (and to the schema when given); a
    // model whose tokenizer or library cannot take a grammar rejects it: then ask without it.
    const responseFormat = { type: 'json_object' as const, ...(item.check.schema ? { schema: JSON.stringify(item.check.schema) } : {}) };
    try {
      result = await engine.generate({ ...request, responseFormat }, () => undefined);
      jsonMode = true;
    } catch {
      result = await engine.generate(request, () => undefined);
      jsonMode = false;
    }
  } else {
    result = await engine.generate(request, () => undefined);
  }
  if (result.finishReason === 'abort') return null;
  const totalMs = performance.now() - started;
  const metrics = withUsage(emptyMetrics(), result.usage);
  const split = splitThinking(result.text, { done: true });
  return {
    itemId: item.id,
    answer: split.answer,
    ...(split.thinking ? { thinking: split.thinking } : {}),
    finishReason: result.finishReason,
    promptTokens: metrics.promptTokens,
    completionTokens: metrics.completionTokens,
    decodeTokensPerSecond: metrics.decodeTokensPerSecond,
    prefillTokensPerSecond: metrics.prefillTokensPerSecond,
    ttftMs: metrics.engineTtftMs,
    totalMs,
    ...(jsonMode === undefined ? {} : { jsonMode }),
  };
}
