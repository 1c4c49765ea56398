/**
 * The model catalog: web-llm's prebuilt models (from the committed prebuilt-models.json, so the
 * page never imports web-llm itself) plus models a person adds by URL, each joined with the
 * metadata from model-meta.ts, and the helpers the picker needs: search, grouping of
 * quantization variants, the variant to prefer on a given GPU, and the curated default lineup.
 */
import type { ModelSpec } from '../engine/protocol';
import { normalizeWeightsUrl } from '../engine/weights-url';
import prebuiltJson from './prebuilt-models.json';
import { deriveMeta, parseModelId, parseQuantization, type ModelMeta } from './model-meta';
import { assessFit, type FitAssessment, type GpuCapabilities } from './fit';
import { MODEL_HOSTS, rewriteModelHosts } from './model-hosts';
import { checkModelUrl, hostProblem, modelIdProblem, pageHostPolicy, wordProblemsWith, type HostPolicy } from '../security/model-url-rules';
import { field, libraryUrlProblem, weightsUrlProblem } from '../security/model-spec-policy';
import { t } from '../i18n/i18n.svelte';

// The URL rules are shared with the engine worker (English there); on the page they speak the
// interface language. This module is the page's entry to them, so it hands over t() here.
wordProblemsWith(t);

/** web-llm's ModelRecord as stored in prebuilt-models.json (see scripts/extract-catalog.mjs). */
export interface PrebuiltModelRecord {
  /** Hugging Face repo URL of the weights (web-llm appends `resolve/main/`). */
  model: string;
  model_id: string;
  /** URL of the compiled WebGPU library (.wasm). */
  model_lib: string;
  vram_required_MB?: number;
  low_resource_required?: boolean;
  buffer_size_required_bytes?: number;
  required_features?: string[];
  /** 0 LLM, 1 embedding, 2 VLM. */
  model_type?: number;
  /** gemma-4: manifest next to the weights that web-llm reads to pick the right artifact. */
  model_manifest?: string;
  overrides?: {
    context_window_size?: number;
    sliding_window_size?: number;
    max_history_size?: number;
  };
}

export interface PrebuiltCatalogFile {
  webllmVersion: string;
  modelVersion: string;
  models: PrebuiltModelRecord[];
}

/** The committed extraction of web-llm's prebuiltAppConfig. */
export const PREBUILT: PrebuiltCatalogFile = prebuiltJson as PrebuiltCatalogFile;

export interface CatalogEntry {
  /** web-llm model_id; unique within the catalog. */
  id: string;
  source: 'prebuilt' | 'custom';
  record: PrebuiltModelRecord;
  meta: ModelMeta;
  /** Key shared by all variants of one model (quantizations, 1k-context builds). */
  base: string;
  /** What distinguishes this variant within its base, e.g. `q4f16_1` or `q4f32_1 · 1k context`. */
  variantLabel: string;
}

function variantLabelOf(meta: ModelMeta): string {
  const quant = meta.quantCode ?? 'custom';
  if (meta.suffix === null) return quant;
  // `-1k` builds are the same weights with a smaller context (and memory) budget.
  return /^\d+k$/i.test(meta.suffix) ? `${quant} · ${meta.suffix} context` : `${quant} · ${meta.suffix}`;
}

/** Builds a catalog entry from a web-llm record. */
export function entryFromRecord(record: PrebuiltModelRecord, source: CatalogEntry['source'] = 'prebuilt'): CatalogEntry {
  const meta = deriveMeta(record);
  return {
    id: record.model_id,
    source,
    record,
    meta,
    base: meta.baseName,
    variantLabel: variantLabelOf(meta),
  };
}

let everyEntry: readonly CatalogEntry[] | null = null;

/** Every prebuilt record, embedding models included, in web-llm's order. */
export function allEntries(): readonly CatalogEntry[] {
  everyEntry ??= PREBUILT.models.map((record) => entryFromRecord(record));
  return everyEntry;
}

let chatEntries: readonly CatalogEntry[] | null = null;

/** The compare catalog: prebuilt models that can chat (embedding models left out). */
export function allModels(): readonly CatalogEntry[] {
  chatEntries ??= allEntries().filter((entry) => entry.meta.chatCapable);
  return chatEntries;
}

export function findModel(id: string, entries: readonly CatalogEntry[] = allModels()): CatalogEntry | undefined {
  return entries.find((entry) => entry.id === id);
}

export { normalizeWeightsUrl };

/** What the engine worker needs to load this entry. */
export function toModelSpec(entry: CatalogEntry): ModelSpec {
  const record = entry.record;
  const requiredFeatures = [...(record.required_features ?? [])];
  // web-llm only lists shader-f16 on some f16 records; listing it on all of them makes a missing
  // feature fail fast with web-llm's clear ShaderF16SupportError instead of a WGSL compile error.
  if (entry.meta.needsShaderF16 && !requiredFeatures.includes('shader-f16')) requiredFeatures.push('shader-f16');
  const spec: ModelSpec = {
    id: entry.id,
    weightsUrl: normalizeWeightsUrl(record.model),
    libraryUrl: record.model_lib,
    requiredFeatures,
  };
  if (record.buffer_size_required_bytes !== undefined) spec.bufferSizeRequiredBytes = record.buffer_size_required_bytes;
  if (record.vram_required_MB !== undefined) spec.vramRequiredMB = record.vram_required_MB;
  if (record.overrides?.context_window_size !== undefined) spec.contextWindowSize = record.overrides.context_window_size;
  if (record.overrides) spec.overrides = { ...record.overrides };
  if (record.model_manifest !== undefined) spec.modelManifest = record.model_manifest;
  // A build for a network that blocks the model hub fetches catalog models from its mirror; a
  // custom model's URL is what the person typed, so it is kept as is.
  return entry.source === 'prebuilt' ? rewriteModelHosts(spec, MODEL_HOSTS) : spec;
}

/**
 * Case-insensitive search over id, family, series, publisher, origin, quantization, licence and
 * tags. Words are ANDed: "qwen f32" finds Qwen models with an f32 variant code. Empty query
 * returns every entry.
 */
export function searchModels(query: string, entries: readonly CatalogEntry[] = allModels()): CatalogEntry[] {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  if (words.length === 0) return [...entries];
  return entries.filter((entry) => {
    const m = entry.meta;
    const haystack = [entry.id, m.family, m.series, m.publisher, m.origin ?? '', m.quantCode ?? '', m.license, m.paramsLabel, ...m.tags]
      .join(' ')
      .toLowerCase();
    return words.every((word) => haystack.includes(word));
  });
}

export interface ModelGroup {
  base: string;
  family: string;
  /** Variants in preference order for a shader-f16 GPU (see `rankVariants`). */
  variants: CatalogEntry[];
}

/** Groups entries by base model, keeping the order in which each base first appears. */
export function groupVariants(entries: readonly CatalogEntry[] = allModels()): ModelGroup[] {
  const groups = new Map<string, ModelGroup>();
  for (const entry of entries) {
    let group = groups.get(entry.base);
    if (!group) {
      group = { base: entry.base, family: entry.meta.family, variants: [] };
      groups.set(entry.base, group);
    }
    group.variants.push(entry);
  }
  for (const group of groups.values()) group.variants = rankVariants(group.variants, true);
  return [...groups.values()];
}

/** 4-bit first (the usual choice in the browser), then 3-bit, then unquantized. */
function bitsRank(entry: CatalogEntry): number {
  const bits = entry.meta.quantization?.weightBits;
  if (bits === 4) return 0;
  if (bits === 3) return 1;
  if (bits === undefined) return 3;
  return 2;
}

/**
 * Sorts variants best first: 4-bit, then the compute dtype the GPU handles best (f16 when
 * `preferF16`, else f32), then the full context build before its `-1k` sibling, then id.
 */
export function rankVariants(variants: readonly CatalogEntry[], preferF16: boolean): CatalogEntry[] {
  const dtypeRank = (entry: CatalogEntry) =>
    (entry.meta.quantization?.computeDtype === 'f16') === preferF16 ? 0 : 1;
  return [...variants].sort(
    (a, b) =>
      bitsRank(a) - bitsRank(b) ||
      dtypeRank(a) - dtypeRank(b) ||
      (b.meta.contextWindowSize ?? 0) - (a.meta.contextWindowSize ?? 0) ||
      a.id.localeCompare(b.id),
  );
}

/**
 * The variant of a base model to load on this GPU: q4f16 where the GPU has shader-f16, q4f32
 * where it does not, skipping variants the GPU cannot run (buffer limits). Undefined when no
 * variant runs here. With `gpu` null or WebGPU unavailable there is nothing to check against,
 * so the shader-f16 ranking applies unfiltered (assessFit then tells the person why).
 */
export function preferredVariant(
  base: string | ModelGroup,
  gpu: GpuCapabilities | null,
  entries: readonly CatalogEntry[] = allModels(),
): CatalogEntry | undefined {
  const variants =
    typeof base === 'string'
      ? entries.filter((entry) => entry.base === base || entry.id === base)
      : base.variants;
  const chat = variants.filter((entry) => entry.meta.chatCapable);
  if (!gpu || !gpu.available) return rankVariants(chat, true)[0];
  const runnable = chat.filter((entry) => assessFit(entry, gpu).runnable);
  return rankVariants(runnable, gpu.shaderF16)[0];
}

/** assessFit with this entry's siblings as alternatives, so the advice can name a variant. */
export function assessEntry(entry: CatalogEntry, gpu: GpuCapabilities, entries: readonly CatalogEntry[] = allModels()): FitAssessment {
  return assessFit(entry, gpu, { alternatives: entries.filter((other) => other.base === entry.base) });
}

/**
 * The default lineup: small chat models from different publishers, in this order. Each slot
 * lists acceptable base names, most wanted first, so the list survives web-llm renaming or
 * dropping a model (e.g. 0.2.86 has Ministral-3-3B but no DeepSeek-R1-Distill-Qwen-1.5B).
 */
export const CURATED_SLOTS: ReadonlyArray<{ label: string; bases: readonly RegExp[] }> = [
  { label: 'Qwen3.5 0.8B', bases: [/^Qwen3\.5-0\.8B(?:-Instruct)?$/i] },
  { label: 'Qwen3 0.6B', bases: [/^Qwen3-0\.6B(?:-Instruct)?$/i] },
  { label: 'Qwen2.5 0.5B Instruct', bases: [/^Qwen2\.5-0\.5B-Instruct$/i] },
  { label: 'Qwen2.5 1.5B Instruct', bases: [/^Qwen2\.5-1\.5B-Instruct$/i] },
  { label: 'Llama 3.2 1B Instruct', bases: [/^Llama-3\.2-1B-Instruct$/i] },
  { label: 'Gemma 3 1B', bases: [/^gemma-?3-1b-it$/i] },
  { label: 'Gemma 4 small', bases: [/^gemma-?4-E2B-it$/i, /^gemma-?4-E4B-it$/i] },
  { label: 'Phi mini', bases: [/^Phi-4-mini-instruct$/i, /^Phi-3\.5-mini-instruct$/i] },
  { label: 'SmolLM2 360M Instruct', bases: [/^SmolLM2-360M-Instruct$/i] },
  { label: 'DeepSeek-R1-Distill-Qwen 1.5B', bases: [/^DeepSeek-R1-Distill-Qwen-1\.5B$/i] },
  { label: 'Ministral 3 3B', bases: [/^Ministral-3-3B-Instruct/i, /^Ministral-3-3B/i] },
];

/**
 * The curated lineup, resolved against the catalog: one entry per slot that exists and has a
 * variant this GPU can run (see preferredVariant), in CURATED_SLOTS order. Slots whose model is
 * missing, or cannot run here (e.g. gemma3-1b has only a q4f16 build), are left out.
 */
export function curatedDefaults(gpu: GpuCapabilities | null = null, entries: readonly CatalogEntry[] = allModels()): CatalogEntry[] {
  const groups = groupVariants(entries);
  const picked: CatalogEntry[] = [];
  for (const slot of CURATED_SLOTS) {
    for (const pattern of slot.bases) {
      const group = groups.find((g) => pattern.test(g.base));
      if (!group) continue;
      const variant = preferredVariant(group, gpu);
      if (variant) picked.push(variant);
      break;
    }
  }
  return picked;
}

/** Thrown by customModelEntry; `problems` lists every issue found, one sentence each. */
export class CustomModelError extends Error {
  override name = 'CustomModelError';
  readonly problems: string[];
  constructor(problems: string[]) {
    super(t('catalog.cannotAdd', { problems: problems.join('\n- ') }));
    this.problems = problems;
  }
}

export interface CustomModelInput {
  /** MLC weights: a Hugging Face repo URL, or a folder ending in `/resolve/<revision>/`. */
  weightsUrl: string;
  /** The compiled WebGPU library for these weights (`.wasm`). */
  libraryUrl: string;
  /** web-llm model_id; defaults to the repo or folder name. */
  id?: string;
  contextWindowSize?: number;
}

const FILE_EXTENSION = /\.(?:json|bin|wasm|safetensors|txt|model)$/i;
const MIN_CONTEXT = 64;
const MAX_CONTEXT = 1_048_576;

/** The form's first check: trimmed input, then the one URL rule set every store applies too. */
function parseHttpUrl(label: 'catalog.fieldWeightsUrl' | 'catalog.fieldLibraryUrl', raw: string, problems: string[]): URL | null {
  const text = raw.trim();
  if (text === '') {
    problems.push(field(label, t('catalog.urlRequired')));
    return null;
  }
  const check = checkModelUrl(text);
  if (!check.ok) {
    problems.push(field(label, check.problem));
    return null;
  }
  return check.url;
}

function checkWeightsUrl(url: URL, problems: string[]): string | null {
  const queryProblem = weightsUrlProblem(url);
  if (queryProblem) {
    problems.push(field('catalog.fieldWeightsUrl', queryProblem));
    return null;
  }
  const path = url.pathname;
  const hfPage = /^(\/[^/]+\/[^/]+)\/(?:tree|blob)\/([^/]+)/.exec(path);
  if (url.hostname === 'huggingface.co' && hfPage) {
    problems.push(t('catalog.weightsHfPage', { url: `${url.origin}${hfPage[1]}/resolve/${hfPage[2]}/` }));
    return null;
  }
  const lastSegment = path.split('/').filter(Boolean).pop() ?? '';
  if (FILE_EXTENSION.test(lastSegment)) {
    problems.push(t('catalog.weightsFile', { file: lastSegment }));
    return null;
  }
  if (path === '/' || path === '') {
    problems.push(t('catalog.weightsNoPath'));
    return null;
  }
  const normalized = normalizeWeightsUrl(url.href);
  // Adding `resolve/main/` can push a URL at the limit over it: what is stored must pass too.
  const stored = checkModelUrl(normalized);
  if (!stored.ok) {
    problems.push(field('catalog.fieldWeightsUrl', stored.problem));
    return null;
  }
  return normalized;
}

/** The folder name that identifies the weights: the repo in `.../<repo>/resolve/main/`. */
function defaultIdFrom(weightsUrl: string): string {
  const segments = new URL(weightsUrl).pathname.split('/').filter(Boolean);
  const resolveAt = segments.lastIndexOf('resolve');
  const name = resolveAt > 0 ? segments[resolveAt - 1] : segments[segments.length - 1];
  try {
    return decodeURIComponent(name ?? 'custom-model');
  } catch {
    return name ?? 'custom-model'; // a broken %-escape: keep it as written; the id rule reports it
  }
}

/**
 * Validates a user-supplied model and builds its catalog entry. Parameters, licence and
 * publisher are unknown for such a model; the quantization (and so the shader-f16 need) is
 * read from the id when it follows MLC naming. Every path that brings a custom model in (the form,
 * preferences, a history re-run) comes through here, so the URL rules and the host policy apply
 * to all of them.
 * @throws CustomModelError listing everything that is wrong.
 */
export function customModelEntry(input: CustomModelInput, policy: HostPolicy = pageHostPolicy()): CatalogEntry {
  const problems: string[] = [];

  const weights = parseHttpUrl('catalog.fieldWeightsUrl', String(input.weightsUrl ?? ''), problems);
  const weightsUrl = weights ? checkWeightsUrl(weights, problems) : null;

  const library = parseHttpUrl('catalog.fieldLibraryUrl', String(input.libraryUrl ?? ''), problems);
  if (library) {
    const wasmProblem = libraryUrlProblem(library);
    if (library.hostname === 'huggingface.co' && /\/blob\//.test(library.pathname)) {
      problems.push(t('catalog.libraryHfPage', { url: library.href.replace('/blob/', '/resolve/') }));
    } else if (wasmProblem) {
      problems.push(field('catalog.fieldLibraryUrl', wasmProblem));
    }
  }

  let id = input.id?.trim() || (weightsUrl ? defaultIdFrom(weightsUrl) : '');
  if (input.id !== undefined && input.id.trim() !== '') {
    const idProblem = modelIdProblem(id);
    if (idProblem) {
      problems.push(field('catalog.fieldModelId', idProblem));
    } else if (findModel(id, allEntries())) {
      problems.push(t('catalog.idPrebuilt', { id }));
    }
  } else if (id) {
    // Same repo name as a prebuilt model but possibly another library: keep the two apart.
    if (findModel(id, allEntries())) id = `${id}-custom`;
    const idProblem = modelIdProblem(id);
    if (idProblem) problems.push(t('catalog.folderNotId', { name: id.slice(0, 80), problem: idProblem }));
  }

  // The page's Content-Security-Policy would block any other host: say so now, not mid-download.
  const parsed = [weightsUrl === null ? null : new URL(weightsUrl), library].filter((url) => url !== null);
  const hosts = hostProblem(parsed, policy);
  if (hosts) problems.push(hosts);

  const context = input.contextWindowSize;
  if (context !== undefined && (!Number.isInteger(context) || context < MIN_CONTEXT || context > MAX_CONTEXT)) {
    problems.push(t('catalog.contextRange', { min: MIN_CONTEXT, max: MAX_CONTEXT }));
  }

  if (problems.length > 0 || !weightsUrl || !library) throw new CustomModelError(problems);

  const quant = parseModelId(id).quantCode;
  const record: PrebuiltModelRecord = {
    model: weightsUrl,
    model_id: id,
    model_lib: library.href,
    ...(quant && parseQuantization(quant)?.needsShaderF16 ? { required_features: ['shader-f16'] } : {}),
    ...(context !== undefined ? { overrides: { context_window_size: context } } : {}),
  };
  const derived = deriveMeta(record);
  const meta: ModelMeta = {
    ...derived,
    // Data, in English (search and tests read it); the card shows these through the catalogue.
    family: 'Custom',
    series: 'Custom',
    publisher: 'Unknown',
    origin: null,
    publisherLine: 'Unknown publisher',
    paramsB: null,
    paramsLabel: 'unknown',
    license: 'unknown — see the model card',
    licenseNote: null,
    estimatedDownloadBytes: null,
    tags: ['custom'],
  };
  return {
    id,
    source: 'custom',
    record,
    meta,
    base: id,
    variantLabel: quant ?? 'custom',
  };
}
