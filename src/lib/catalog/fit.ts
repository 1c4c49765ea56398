/**
 * Will this model run on this GPU? Answers before a multi-gigabyte download rather than after.
 *
 * The checks mirror what web-llm itself enforces at load time (engine.ts `reload`): the record's
 * `required_features` must be on the device, and `buffer_size_required_bytes` is the largest
 * single storage buffer the compiled library binds. We add one rule web-llm leaves to the shader
 * compiler: any f16 quantization needs `shader-f16` (see model-meta.ts).
 *
 * What WebGPU cannot tell us is free GPU memory, so `vram_required_MB` only produces warnings.
 */
import type { CatalogEntry } from './catalog';
import { formatNumber, t } from '../i18n/i18n.svelte';

/** What the page learnt from `navigator.gpu.requestAdapter()` (adapter features and limits). */
export interface GpuCapabilities {
  available: boolean;
  shaderF16: boolean;
  maxBufferSize: number;
  maxStorageBufferBindingSize: number;
}

export interface FitAssessment {
  /** False when a hard rule fails: loading would certainly throw. */
  runnable: boolean;
  /** Why it cannot run, one sentence each. Empty when runnable. */
  reasons: string[];
  /** It may run, but something deserves attention (large memory use). */
  warnings: string[];
  /** Neutral facts worth showing next to the model (memory needed, low-resource build). */
  notes: string[];
}

export interface FitOptions {
  /**
   * Other catalog entries (typically the same model's variants), so a failed shader-f16 check
   * can name the variant to pick instead.
   */
  alternatives?: readonly CatalogEntry[];
}

/**
 * The one reason that is the page's, not a model's: said once at the top, not on every card.
 * A function, not a constant: it is worded in the language of the moment (fit-verdict.ts
 * compares within the same rendering, so both sides agree).
 */
export function noWebgpuReason(): string {
  return t('catalog.noWebgpu');
}

/** Above this much GPU memory a model is likely to fail on laptops, phones and integrated GPUs. */
export const LARGE_VRAM_MB = 4096;

const MIB = 1024 * 1024;

/** Bytes as MB (MiB, as WebGPU limits are powers of two), e.g. 201326592 → "192 MB". */
export function formatMB(bytes: number): string {
  const mb = bytes / MIB;
  const digits = Number.isInteger(mb) ? 0 : 1;
  // No digit grouping: WebGPU limits read as "2048 MB" in the readiness table.
  return `${formatNumber(mb, { minimumFractionDigits: digits, maximumFractionDigits: digits, useGrouping: false })} MB`;
}

/** Megabytes as "1.1 GB" (one decimal) or "850 MB" below 1 GB. */
export function formatVram(megabytes: number): string {
  return megabytes >= 1024
    ? `${formatNumber(megabytes / 1024, { minimumFractionDigits: 1, maximumFractionDigits: 1 })} GB`
    : `${formatNumber(Math.round(megabytes), { useGrouping: false })} MB`;
}

function shaderF16Reason(entry: CatalogEntry, alternatives: readonly CatalogEntry[]): string {
  const sibling = alternatives.find(
    (other) => other.base === entry.base && other.id !== entry.id && !other.meta.needsShaderF16 && other.meta.chatCapable,
  );
  if (sibling) {
    return t('catalog.needsF16Pick', { quant: sibling.meta.quantization?.code ?? sibling.id, id: sibling.id });
  }
  if (alternatives.length > 0) return t('catalog.needsF16NoVariant');
  return t('catalog.needsF16PickQ4f32');
}

export function assessFit(entry: CatalogEntry, gpu: GpuCapabilities, options: FitOptions = {}): FitAssessment {
  const reasons: string[] = [];
  const warnings: string[] = [];
  const notes: string[] = [];
  const record = entry.record;

  if (!entry.meta.chatCapable) {
    reasons.push(t('catalog.notChat', { id: entry.id, kind: entry.meta.kind }));
  }

  if (!gpu.available) {
    // Every other check needs an adapter; one clear sentence beats a list of zeros.
    reasons.push(noWebgpuReason());
    return { runnable: false, reasons, warnings, notes };
  }

  if (entry.meta.needsShaderF16 && !gpu.shaderF16) {
    reasons.push(shaderF16Reason(entry, options.alternatives ?? []));
  }
  for (const feature of record.required_features ?? []) {
    // shader-f16 is handled above. GpuCapabilities does not list other features, so we cannot
    // decide; web-llm will refuse at load time if the feature is missing.
    if (feature !== 'shader-f16') {
      warnings.push(t('catalog.needsFeature', { feature }));
    }
  }

  const buffer = record.buffer_size_required_bytes;
  if (buffer !== undefined) {
    if (buffer > gpu.maxStorageBufferBindingSize) {
      reasons.push(t('catalog.needsBinding', { needed: formatMB(buffer), limit: formatMB(gpu.maxStorageBufferBindingSize) }));
    }
    if (buffer > gpu.maxBufferSize) {
      reasons.push(t('catalog.needsBuffer', { needed: formatMB(buffer), limit: formatMB(gpu.maxBufferSize) }));
    }
  }

  const vram = record.vram_required_MB;
  if (vram !== undefined) {
    if (vram > LARGE_VRAM_MB) {
      warnings.push(t('catalog.needsLargeVram', { size: formatVram(vram) }));
    } else {
      notes.push(t('catalog.needsVram', { size: formatVram(vram) }));
    }
  }
  if (record.low_resource_required) {
    notes.push(t('catalog.lowResource'));
  }

  return { runnable: reasons.length === 0, reasons, warnings, notes };
}
