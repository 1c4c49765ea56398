/**
 * The readiness check's model list: each recommended model, whether it fits (catalog/fit.ts),
 * and its speed ceiling at the measured bandwidth.
 */
import { allModels, assessEntry, curatedDefaults, type CatalogEntry } from '../catalog/catalog';
import type { GpuReport } from '../gpu/probe';
import { weightBytesPerToken } from '../benchmark/bandwidth';
import { ceilingTokensPerSecond } from './ceiling';
import type { ModelReadiness } from './verdict';

export interface ModelCheck extends ModelReadiness {
  reasons: string[];
}

/** Speed ceiling of a catalog model at this bandwidth (weights estimated from its size and quantization). */
export function entryCeiling(entry: CatalogEntry, gbps: number | null): number | null {
  return ceilingTokensPerSecond(gbps, weightBytesPerToken(entry.meta));
}

export function checkModels(entries: readonly CatalogEntry[], gpu: GpuReport, gbps: number | null, catalog?: readonly CatalogEntry[]): ModelCheck[] {
  return entries
    .map((entry) => {
      const fit = assessEntry(entry, gpu, catalog);
      return {
        id: entry.id,
        label: entry.base,
        paramsB: entry.meta.paramsB,
        runnable: fit.runnable,
        ceilingTps: fit.runnable ? entryCeiling(entry, gbps) : null,
        reasons: fit.reasons,
      };
    })
    .sort((a, b) => (a.paramsB ?? Infinity) - (b.paramsB ?? Infinity) || a.id.localeCompare(b.id));
}

/**
 * The recommended models as the check lists them: the variant this GPU would load, or, for a
 * model none of whose variants fit, the usual variant (so the check can say why it does not fit).
 */
export function recommendedForCheck(gpu: GpuReport, entries: readonly CatalogEntry[] = allModels()): CatalogEntry[] {
  const fitting = curatedDefaults(gpu, entries);
  const bases = new Set(fitting.map((entry) => entry.base));
  return [...fitting, ...curatedDefaults(null, entries).filter((entry) => !bases.has(entry.base))];
}
