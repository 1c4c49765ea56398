import { parseModelId } from './model-meta';

/**
 * Pane titles a student can read: "Qwen3-0.6B" rather than "Qwen3-0.6B · q4f16_1". The variant
 * (quantization, "-1k" builds) only matters when two variants of one model are in the line-up:
 * then each keeps its full label, so the two stay apart.
 */
export function displayNames(models: ReadonlyArray<{ id: string; label: string }>): Map<string, string> {
  const baseOf = (id: string) => parseModelId(id).baseName || id;
  const variantsPerBase = new Map<string, Set<string>>();
  for (const { id } of models) {
    const variants = variantsPerBase.get(baseOf(id)) ?? new Set<string>();
    variants.add(id);
    variantsPerBase.set(baseOf(id), variants);
  }
  return new Map(models.map(({ id, label }) => [id, (variantsPerBase.get(baseOf(id))?.size ?? 0) > 1 ? label : baseOf(id)]));
}
