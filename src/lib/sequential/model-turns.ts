/**
 * One model on the GPU at a time, each loaded once for all its work: the loop shared by the
 * benchmark and the graded-set runner. A plan is a flat list of steps, each naming its model,
 * with one model's steps next to each other. Two models sharing the GPU would slow each other
 * down (and double the memory), so a model is unloaded after its last step, before the next one
 * loads. A model that fails (too big, download error) has the error recorded and the rest of its
 * steps skipped; the next model still runs. Stop is checked between steps: what is done is kept.
 */
export interface ModelStep {
  modelId: string;
}

export interface TurnHooks<S extends ModelStep> {
  /** Before each step, with its position in the plan (0-based): for the progress line. */
  onStep(step: S, index: number): void;
  stopped(): boolean;
  /** A model's failure, worded while the error still has its name (a string loses what describeError reads). */
  onFailure(modelId: string, error: unknown): void;
}

export async function runModelTurns<S extends ModelStep>(
  plan: readonly S[],
  engine: { unload(): Promise<void> },
  hooks: TurnHooks<S>,
  runStep: (step: S) => Promise<void>,
): Promise<void> {
  const failed = new Set<string>();
  for (const [index, step] of plan.entries()) {
    if (hooks.stopped()) break;
    if (failed.has(step.modelId)) continue;
    hooks.onStep(step, index);
    try {
      await runStep(step);
    } catch (error) {
      hooks.onFailure(step.modelId, error);
      failed.add(step.modelId);
    }
    // The model's last step: free the GPU before the next model loads.
    if (plan[index + 1]?.modelId !== step.modelId || failed.has(step.modelId)) await engine.unload().catch(() => undefined);
  }
  if (hooks.stopped()) await engine.unload().catch(() => undefined);
}
