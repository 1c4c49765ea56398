import type { GradedItem } from './graded-run';

/** The work of a graded run: per model, one load, then every item once (the model stays loaded). */
export type GradedStep = { kind: 'load'; modelId: string } | { kind: 'item'; modelId: string; itemId: string };

export function planGradedRun(modelIds: readonly string[], items: readonly GradedItem[]): GradedStep[] {
  const steps: GradedStep[] = [];
  for (const modelId of new Set(modelIds)) {
    steps.push({ kind: 'load', modelId });
    for (const item of items) steps.push({ kind: 'item', modelId, itemId: item.id });
  }
  return steps;
}
