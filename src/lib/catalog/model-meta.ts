/**
 * What a person wants to know about a model before downloading it (who made it, how big it is,
 * under which licence, what GPU feature it needs), derived from web-llm's model_id and record.
 *
 * web-llm's records only carry URLs and memory figures, so everything here comes from the id
 * (MLC ids follow `<base>-<quant>-MLC[-<suffix>]`, e.g. `Qwen2.5-1.5B-Instruct-q4f16_1-MLC` or
 * `Phi-3.5-mini-instruct-q4f32_1-MLC-1k`) plus small tables for what the id does not say.
 * Pure functions, no DOM: shared by the page and the unit tests.
 */
import { reasoningKindOf, type ReasoningKind } from './reasoning-meta';

/** web-llm's ModelType enum (config.ts): 0 = LLM (also when absent), 1 = embedding, 2 = VLM. */
export type ModelKind = 'LLM' | 'embedding' | 'VLM';

export interface Quantization {
  /** MLC's code, e.g. `q4f16_1`, `q4f32_1`, `q0f16`, `q3f16_1`. */
  code: string;
  /** Bits of a stored weight: 3 or 4 for group-quantized, 16/32 for unquantized (`q0`). */
  weightBits: number;
  /** Float type of activations and of the group scales. */
  computeDtype: 'f16' | 'f32';
  /**
   * Bits per weight on disk, counting the per-group scale (MLC groups 32 weights per scale,
   * 40 for q3): q4f16_1 ≈ 4.5, q4f32_1 ≈ 5, q3f16_1 ≈ 3.4, q0f16 = 16.
   */
  bitsPerWeight: number;
  /**
   * f16 compute means the compiled WGSL uses `enable f16;`, which only compiles where the
   * device has the `shader-f16` feature. web-llm's records list it for only some q4f16 models,
   * so we infer it from the code.
   */
  needsShaderF16: boolean;
}

export interface ParsedModelId {
  /** The id without quantization and suffixes, e.g. `Llama-3.2-1B-Instruct`. */
  baseName: string;
  /** Quantization code found in the id, or null (custom ids may lack one). */
  quantCode: string | null;
  /** What follows `-MLC`, e.g. `1k` (smaller context build) or `b32` (embedding batch size). */
  suffix: string | null;
}

export interface ModelMeta extends ParsedModelId {
  /** Broad family for grouping and filters: Qwen, Llama, Gemma, Phi, Mistral, SmolLM, ... */
  family: string;
  /** Generation within the family, e.g. `Qwen2.5-Coder`, `Llama 3.2`, `Gemma 3`. */
  series: string;
  publisher: string;
  /** Country of the publisher, when known. */
  origin: string | null;
  /** `"Alibaba Cloud · China"`, or just the publisher when the origin is unknown. */
  publisherLine: string;
  /** Total parameters in billions (embeddings included), or null when unknown. */
  paramsB: number | null;
  /** Human label, e.g. `1.5B`, `360M`, `2.3B effective (5.1B total)`, `unknown`. */
  paramsLabel: string;
  quantization: Quantization | null;
  /** True when the quantization computes in f16 or the record lists `shader-f16`. */
  needsShaderF16: boolean;
  /** Context window in tokens this build is configured for, or null when unknown. */
  contextWindowSize: number | null;
  /** SPDX id or licence name; `see model card` when we do not know it for sure. */
  license: string;
  licenseNote: string | null;
  /**
   * Rough download size: params × bitsPerWeight / 8 × 1.05 (tokenizer, config, shard padding).
   * MLC quantizes the embedding table like every other weight and the parameter counts already
   * include it, so no separate embedding term is added. The true size is only known from the
   * weights' tensor-cache.json, which needs a network request; hence `downloadSizeIsEstimate`.
   */
  estimatedDownloadBytes: number | null;
  downloadSizeIsEstimate: true;
  kind: ModelKind;
  /** Can take part in a chat comparison (LLMs and VLMs with text prompts; not embedding models). */
  chatCapable: boolean;
  /** Free-form labels for search and badges: instruct, base, reasoning, coder, math, vision, ... */
  tags: string[];
  /** Thinks before answering: always, switchable (Qwen3's enable_thinking), or none (reasoning-meta.ts). */
  reasoning: ReasoningKind;
}

/** The subset of web-llm's ModelRecord this module reads. */
export interface MetaSource {
  model_id: string;
  model_type?: number;
  required_features?: string[];
  overrides?: { context_window_size?: number };
}

const QUANT_IN_ID = /-(q\d+f(?:16|32)(?:_\d+)?)(?:-MLC(?:-(.+))?)?$/i;
const QUANT_CODE = /^q(\d+)f(16|32)(?:_(\d+))?$/i;

/** Splits an MLC model id into base name, quantization and suffix. */
export function parseModelId(id: string): ParsedModelId {
  const match = QUANT_IN_ID.exec(id);
  if (match?.[1]) {
    return {
      baseName: id.slice(0, match.index),
      quantCode: match[1].toLowerCase(),
      suffix: match[2] ?? null,
    };
  }
  // No quantization code: still strip a trailing `-MLC[-suffix]` so custom ids group sensibly.
  const mlc = /-MLC(?:-(.+))?$/.exec(id);
  if (mlc) return { baseName: id.slice(0, mlc.index), quantCode: null, suffix: mlc[1] ?? null };
  return { baseName: id, quantCode: null, suffix: null };
}

/** Decodes an MLC quantization code (`q4f16_1`); null for anything else. */
export function parseQuantization(code: string): Quantization | null {
  const match = QUANT_CODE.exec(code);
  if (!match?.[1] || !match[2]) return null;
  const quantBits = Number(match[1]);
  const dtypeBits = Number(match[2]);
  const computeDtype = dtypeBits === 16 ? 'f16' : 'f32';
  // q0 = unquantized: each weight is stored in the compute dtype.
  const weightBits = quantBits === 0 ? dtypeBits : quantBits;
  const groupSize = quantBits === 3 ? 40 : 32;
  const bitsPerWeight = quantBits === 0 ? dtypeBits : quantBits + dtypeBits / groupSize;
  return {
    code: code.toLowerCase(),
    weightBits,
    computeDtype,
    bitsPerWeight,
    needsShaderF16: computeDtype === 'f16',
  };
}

interface FamilyInfo {
  family: string;
  series: string;
  publisher: string;
  origin: string | null;
  license: string;
  licenseNote?: string;
}

const SEE_MODEL_CARD = 'see model card';

const LLAMA_LICENSES: Record<string, string> = {
  '2': 'Llama 2 Community License',
  '3': 'Meta Llama 3 Community License',
  '3.1': 'Llama 3.1 Community License',
  '3.2': 'Llama 3.2 Community License',
};

function llamaLicenseIn(name: string): string | null {
  const version = /Llama-(\d(?:\.\d)?)/i.exec(name)?.[1];
  return version ? (LLAMA_LICENSES[version] ?? null) : null;
}

/**
 * Ordered rules: first match wins. Fine-tunes (Hermes, DeepSeek distills) come before the base
 * families whose names they contain (`Hermes-2-Pro-Llama-3-8B` is not a Meta release).
 */
const FAMILY_RULES: ReadonlyArray<{ test: RegExp; info: (base: string) => FamilyInfo }> = [
  {
    test: /^DeepSeek-R1-Distill-/i,
    info: (base) => ({
      family: 'DeepSeek-R1-Distill',
      series: /Llama/i.test(base) ? 'DeepSeek-R1-Distill-Llama' : 'DeepSeek-R1-Distill-Qwen',
      publisher: 'DeepSeek',
      origin: 'China',
      license: 'MIT',
      licenseNote: /Llama/i.test(base)
        ? 'Distilled onto Llama 3.1 weights, which stay under the Llama 3.1 Community License'
        : 'Distilled onto Qwen2.5 weights (Apache-2.0)',
    }),
  },
  {
    test: /Hermes/i,
    info: (base) => ({
      family: 'Hermes',
      series: /^NeuralHermes/i.test(base)
        ? 'NeuralHermes'
        : /^OpenHermes/i.test(base)
          ? 'OpenHermes'
          : (/^(Hermes-\d)/i.exec(base)?.[1] ?? 'Hermes'),
      publisher: /^NeuralHermes/i.test(base) ? 'Maxime Labonne' : 'Nous Research',
      origin: /^NeuralHermes/i.test(base) ? null : 'USA',
      // A fine-tune inherits its base model's licence.
      license: llamaLicenseIn(base) ?? (/Mistral/i.test(base) ? 'Apache-2.0' : SEE_MODEL_CARD),
      licenseNote: 'Fine-tune; terms follow the base model',
    }),
  },
  {
    test: /^WizardMath/i,
    info: () => ({
      family: 'WizardMath',
      series: 'WizardMath',
      publisher: 'WizardLM team',
      origin: null,
      license: SEE_MODEL_CARD,
    }),
  },
  {
    test: /^Qwen\d/i,
    info: (base) => {
      const series = /^(Qwen\d+(?:\.\d+)?(?:-(?:Coder|Math))?)/i.exec(base)?.[1] ?? 'Qwen';
      // Qwen2.5's 3B checkpoints (chat and coder) are under the Qwen Research License, not Apache.
      const research = /^Qwen2\.5-(?:Coder-)?3B/i.test(base);
      return {
        family: 'Qwen',
        series,
        publisher: 'Alibaba Cloud',
        origin: 'China',
        license: research ? 'Qwen Research License' : 'Apache-2.0',
        ...(research ? { licenseNote: 'Non-commercial research use' } : {}),
      };
    },
  },
  {
    test: /^TinyLlama/i,
    info: () => ({
      family: 'TinyLlama',
      series: 'TinyLlama',
      publisher: 'TinyLlama project (SUTD StatNLP)',
      origin: 'Singapore',
      license: 'Apache-2.0',
    }),
  },
  {
    test: /^Llama-\d/i,
    info: (base) => {
      const version = /^Llama-(\d(?:\.\d)?)/i.exec(base)?.[1] ?? '';
      return {
        family: 'Llama',
        series: `Llama ${version}`.trim(),
        publisher: 'Meta',
        origin: 'USA',
        license: LLAMA_LICENSES[version] ?? SEE_MODEL_CARD,
      };
    },
  },
  {
    test: /^gemma/i,
    info: (base) => {
      // gemma-2b-it is Gemma 1; gemma-2-2b-it is Gemma 2; gemma3-1b-it and gemma-4-E2B-it name theirs.
      const version = /^gemma-?(\d+)(?=-)/i.exec(base)?.[1] ?? '1';
      return {
        family: 'Gemma',
        series: `Gemma ${version}`,
        publisher: 'Google',
        origin: 'USA',
        // Gemma 4 moved to Apache-2.0; earlier generations use Google's own terms.
        license: version === '4' ? 'Apache-2.0' : 'Gemma Terms of Use',
      };
    },
  },
  {
    test: /^phi-/i,
    info: (base) => ({
      family: 'Phi',
      series: `Phi-${(/^phi-(\d(?:[._]\d)?)/i.exec(base)?.[1] ?? '').replace('_', '.')}`,
      publisher: 'Microsoft',
      origin: 'USA',
      license: 'MIT',
    }),
  },
  {
    test: /^(?:Mistral|Ministral)-/i,
    info: (base) => ({
      family: 'Mistral',
      series: /^Ministral-3/i.test(base) ? 'Ministral 3' : /^Ministral/i.test(base) ? 'Ministral' : 'Mistral 7B',
      publisher: 'Mistral AI',
      origin: 'France',
      license: 'Apache-2.0',
    }),
  },
  {
    test: /^SmolLM/i,
    info: (base) => ({
      family: 'SmolLM',
      series: /^(SmolLM\d*)/i.exec(base)?.[1] ?? 'SmolLM',
      publisher: 'Hugging Face',
      origin: 'USA',
      license: 'Apache-2.0',
    }),
  },
  {
    test: /^OLMo/i,
    info: (base) => ({
      family: 'OLMo',
      series: /^OLMo-2/i.test(base) ? 'OLMo 2' : 'OLMo',
      publisher: 'Ai2',
      origin: 'USA',
      license: 'Apache-2.0',
    }),
  },
  {
    test: /^stablelm/i,
    info: () => ({
      family: 'StableLM',
      series: 'StableLM 2',
      publisher: 'Stability AI',
      origin: 'UK',
      license: SEE_MODEL_CARD,
    }),
  },
  {
    test: /^RedPajama/i,
    info: () => ({
      family: 'RedPajama',
      series: 'RedPajama-INCITE',
      publisher: 'Together AI',
      origin: 'USA',
      license: 'Apache-2.0',
    }),
  },
  {
    test: /^snowflake-arctic-embed/i,
    info: () => ({
      family: 'Arctic Embed',
      series: 'Arctic Embed',
      publisher: 'Snowflake',
      origin: 'USA',
      license: 'Apache-2.0',
    }),
  },
];

function familyInfo(baseName: string): FamilyInfo {
  const rule = FAMILY_RULES.find((r) => r.test.test(baseName));
  if (rule) return rule.info(baseName);
  return {
    family: baseName.split('-')[0] || baseName,
    series: baseName.split('-')[0] || baseName,
    publisher: 'Unknown',
    origin: null,
    license: SEE_MODEL_CARD,
  };
}

/**
 * Parameter counts the id does not spell out (or spells misleadingly), in billions.
 * Gemma 4 "E2B" = 2.3B effective, 5.1B stored with its per-layer embeddings; downloads follow
 * the stored count.
 */
const PARAMS_TABLE: ReadonlyArray<{ test: RegExp; paramsB: number; label?: string }> = [
  { test: /^Phi-3(?:\.5)?-mini/i, paramsB: 3.8 },
  { test: /^Phi-4-mini/i, paramsB: 3.8 },
  { test: /^Phi-3\.5-vision/i, paramsB: 4.2 },
  { test: /^phi-2$/i, paramsB: 2.7 },
  { test: /^phi-1_5$/i, paramsB: 1.3 },
  { test: /^gemma-?4-E2B/i, paramsB: 5.1, label: '2.3B effective (5.1B total)' },
  { test: /^Llama-3\.2-1B/i, paramsB: 1.24 },
  { test: /^Llama-3\.2-3B/i, paramsB: 3.21 },
  { test: /^RedPajama-INCITE-Chat-3B/i, paramsB: 2.8 },
  { test: /^snowflake-arctic-embed-m/i, paramsB: 0.109 },
  { test: /^snowflake-arctic-embed-s/i, paramsB: 0.033 },
];

/** `0.5B`, `360M`, `1_6b` (stablelm) as a dash-separated segment of the name. */
const PARAMS_SEGMENT = /^(\d+(?:[._]\d+)?)([bm])$/i;

/** Parameter count in billions from a base name, or null when neither table nor name says. */
export function parseParamsB(baseName: string): number | null {
  const known = PARAMS_TABLE.find((p) => p.test.test(baseName));
  if (known) return known.paramsB;
  for (const segment of baseName.split('-')) {
    const match = PARAMS_SEGMENT.exec(segment);
    if (match?.[1] && match[2]) {
      const value = Number(match[1].replace('_', '.'));
      return match[2].toLowerCase() === 'm' ? value / 1000 : value;
    }
  }
  return null;
}

/** `0.36` → `360M`, `1.5` → `1.5B`, `1.24` → `1.24B`. */
export function formatParams(paramsB: number | null): string {
  if (paramsB === null) return 'unknown';
  if (paramsB < 1) return `${Math.round(paramsB * 1000)}M`;
  return `${Number(paramsB.toPrecision(3))}B`;
}

/** Overhead on top of the raw weight bytes: tokenizer, configs, shard alignment. */
const DOWNLOAD_OVERHEAD = 1.05;

/** See `ModelMeta.estimatedDownloadBytes`. */
export function estimateDownloadBytes(paramsB: number | null, quant: Quantization | null): number | null {
  if (paramsB === null || quant === null) return null;
  return Math.round(paramsB * 1e9 * (quant.bitsPerWeight / 8) * DOWNLOAD_OVERHEAD);
}

function modelKind(modelType: number | undefined): ModelKind {
  if (modelType === 1) return 'embedding';
  if (modelType === 2) return 'VLM';
  return 'LLM';
}

/** Embedding builds use a 512-token window when their record has no override. */
const EMBEDDING_DEFAULT_CONTEXT = 512;

function tagsFor(id: string, baseName: string, kind: ModelKind, suffix: string | null): string[] {
  const tags: string[] = [];
  if (/-Base-|-Base$/i.test(baseName)) tags.push('base');
  else if (/instruct|-it\b|-it-|chat|zephyr|Hermes|WizardMath/i.test(baseName) || /^(Qwen3|SmolLM)/i.test(baseName))
    tags.push('instruct');
  if (/Reasoning|R1-Distill|^Qwen3-/i.test(baseName)) tags.push('reasoning');
  if (/Coder/i.test(baseName)) tags.push('coder');
  if (/Math/i.test(baseName)) tags.push('math');
  if (kind === 'VLM') tags.push('vision');
  if (kind === 'embedding') tags.push('embedding');
  if (suffix && /^\d+k$/i.test(suffix)) tags.push(`${suffix.toLowerCase()} context`);
  if (/^(Hermes-2-Pro|Hermes-3-Llama-3\.1)/i.test(id)) tags.push('function calling');
  return tags;
}

/** Everything we can say about a model from its web-llm record. */
export function deriveMeta(record: MetaSource): ModelMeta {
  const parsed = parseModelId(record.model_id);
  const info = familyInfo(parsed.baseName);
  const quantization = parsed.quantCode ? parseQuantization(parsed.quantCode) : null;
  const kind = modelKind(record.model_type);
  const paramsB = parseParamsB(parsed.baseName);
  const tableLabel = PARAMS_TABLE.find((p) => p.test.test(parsed.baseName))?.label;
  const needsShaderF16 =
    (quantization?.needsShaderF16 ?? false) || (record.required_features ?? []).includes('shader-f16');
  return {
    ...parsed,
    family: info.family,
    series: info.series,
    publisher: info.publisher,
    origin: info.origin,
    publisherLine: info.origin ? `${info.publisher} · ${info.origin}` : info.publisher,
    paramsB,
    paramsLabel: tableLabel ?? formatParams(paramsB),
    quantization,
    needsShaderF16,
    contextWindowSize:
      record.overrides?.context_window_size ?? (kind === 'embedding' ? EMBEDDING_DEFAULT_CONTEXT : null),
    license: info.license,
    licenseNote: info.licenseNote ?? null,
    estimatedDownloadBytes: estimateDownloadBytes(paramsB, quantization),
    downloadSizeIsEstimate: true,
    kind,
    chatCapable: kind !== 'embedding',
    tags: tagsFor(record.model_id, parsed.baseName, kind, parsed.suffix),
    reasoning: reasoningKindOf(parsed.baseName),
  };
}
