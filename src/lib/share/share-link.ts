import type { GenerationSettings } from '../engine/protocol';
import { normaliseSettings } from '../prompt/settings';
import { modelIdProblem } from '../security/model-url-rules';
import { SHARE_PREFIX } from './share-fragment';
import { SHARED_METRIC_KEYS, type SharedMetrics } from './share-values';
import { formatNumber, t } from '../i18n/i18n.svelte';

export { isShareFragment, shareUrl } from './share-fragment';
export type { SharedMetrics } from './share-values';

/**
 * Share a comparison inside the URL *fragment* (`#share=v1.<data>`). Browsers never send the
 * fragment to a server, so a shared prompt stays between the people who pass the link around,
 * which matters for a static site with no backend. The data is deflate-raw compressed JSON in
 * base64url, using the platform's CompressionStream so no compression library ships.
 *
 * Everything decoded is treated as hostile: it came from a link someone else made.
 */

export interface SharedOutput {
  modelId: string;
  /** The answer (a reasoning model's thinking is apart, in `thinking`). */
  text: string;
  /** A reasoning model's thinking, when it had any. */
  thinking?: string;
  /** True when the text was cut short to keep the link under MAX_FRAGMENT_CHARS. */
  truncated?: boolean;
  /** The sender's figures for this output, measured on the sender's device (added in 2026; older links have none). */
  metrics?: SharedMetrics;
}

/**
 * A custom model (added by URL) that travels in the link, so the recipient's line-up can hold it
 * too. Only its shape is checked here; the recipient's app adds it through customModelEntry, the
 * same URL rules and host policy as the custom-model form (a refused one is left out, said so).
 */
export interface SharedCustomModel {
  id: string;
  weightsUrl: string;
  libraryUrl: string;
  contextWindowSize?: number;
}

export interface SharedComparison {
  /** 1 to MAX_SHARED_MODELS model ids, in pane order. */
  modelIds: string[];
  systemPrompt: string;
  prompt: string;
  settings: GenerationSettings;
  outputs?: SharedOutput[];
  /** The line-up's custom models (a subset of modelIds). Optional: links made before it open as before. */
  customModels?: SharedCustomModel[];
}

/** What encodeShare made, and what it had to give up to keep the link short. */
export interface EncodedShare {
  /** `#share=v1.…`, at most MAX_FRAGMENT_CHARS characters. */
  fragment: string;
  /** Outputs were asked for but none fit, so the link carries the prompt only. */
  outputsDropped: boolean;
  /** At least one output was shortened (and marked `truncated`) to fit. */
  truncated: boolean;
}

export type ShareLinkProblem =
  | 'not-share' | 'version' | 'base64' | 'decompress' | 'too-large' | 'json' | 'shape' | 'too-long';

export class ShareLinkError extends Error {
  override name = 'ShareLinkError';
  constructor(readonly problem: ShareLinkProblem, message: string) {
    super(message);
  }
}

/** Long URLs get cut by chat apps, mail clients and some browsers; 32k stays safe in practice. */
export const MAX_FRAGMENT_CHARS = 32_000;
/** A decompressed payload larger than this is refused (a tiny link can inflate to gigabytes). */
export const MAX_DECOMPRESSED_BYTES = 1_000_000;
export const MAX_SHARED_MODELS = 4;
export const MAX_SHARED_PROMPT_CHARS = 60_000;
/** Links we make are at most MAX_FRAGMENT_CHARS; a little slack, but no reading megabytes of junk. */
const MAX_INPUT_CHARS = MAX_FRAGMENT_CHARS * 4;

const PREFIX = SHARE_PREFIX;
/**
 * The schema version. Fields added since (outputs' `metrics`, `customModels`) are optional: a
 * link made before them opens unchanged, and an older Lineup reading a newer link ignores them
 * (it picks known fields only). Bump it only for a change an older reader would misread.
 */
const VERSION = 'v1';

export async function encodeShare(value: SharedComparison, options: { includeOutputs: boolean }): Promise<EncodedShare> {
  // Validate what we send exactly as the receiver will, so we never make a link that fails to open.
  const base = validate({ ...value, outputs: undefined });
  const outputs = options.includeOutputs ? validate(value).outputs ?? [] : [];

  const withoutOutputs = await pack(base);
  if (withoutOutputs.length > MAX_FRAGMENT_CHARS) {
    throw new ShareLinkError('too-long', t('shareLink.tooLong'));
  }
  if (outputs.length === 0) return { fragment: withoutOutputs, outputsDropped: false, truncated: false };

  const full = await pack({ ...base, outputs });
  if (full.length <= MAX_FRAGMENT_CHARS) return { fragment: full, outputsDropped: false, truncated: false };

  // Cap every output at the same length, so short answers stay whole and long ones share the room.
  // Compressed size is not predictable from text length, so binary-search the largest cap that fits.
  let low = 1;
  let high = Math.max(...outputs.map((output) => Math.max(output.text.length, output.thinking?.length ?? 0)));
  let best: string | null = null;
  while (low <= high) {
    const cap = Math.floor((low + high) / 2);
    const fragment = await pack({ ...base, outputs: outputs.map((output) => capOutput(output, cap)) });
    if (fragment.length <= MAX_FRAGMENT_CHARS) {
      best = fragment;
      low = cap + 1;
    } else {
      high = cap - 1;
    }
  }
  if (best === null) return { fragment: withoutOutputs, outputsDropped: true, truncated: false };
  return { fragment: best, outputsDropped: false, truncated: true };
}

export async function decodeShare(hash: string): Promise<SharedComparison> {
  const body = hash.replace(/^#/, '');
  if (!body.startsWith(PREFIX)) throw new ShareLinkError('not-share', t('shareLink.notShare'));
  if (body.length > MAX_INPUT_CHARS) {
    throw new ShareLinkError('too-large', t('shareLink.tooLarge'));
  }
  const data = body.slice(PREFIX.length);
  const dot = data.indexOf('.');
  const version = dot < 0 ? data : data.slice(0, dot);
  if (dot < 0 || version !== VERSION) {
    throw new ShareLinkError('version', t('shareLink.otherVersion'));
  }
  const bytes = fromBase64Url(data.slice(dot + 1));
  const text = await inflate(bytes);
  let parsed: unknown;
  try {
    // Drop keys that could reach a prototype if anything downstream copied objects naively.
    parsed = JSON.parse(text, (key, item: unknown) => (HOSTILE_KEYS.has(key) ? undefined : item));
  } catch {
    throw new ShareLinkError('json', t('shareLink.unreadable'));
  }
  return validate(parsed);
}

/** The full link to copy: this page's address (no query, no old fragment) plus the share fragment. */
const HOSTILE_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

function shapeError(detail: string): ShareLinkError {
  return new ShareLinkError('shape', t('shareLink.damaged', { detail }));
}

/** Rebuild a SharedComparison from scratch, picking only known fields (never spreading input). */
function validate(raw: unknown): SharedComparison {
  if (!isRecord(raw)) throw shapeError(t('shareLink.shapeNotComparison'));
  const { modelIds, systemPrompt = '', prompt, settings, outputs } = raw;
  if (!Array.isArray(modelIds) || modelIds.length === 0) throw shapeError(t('shareLink.shapeNoModels'));
  if (modelIds.length > MAX_SHARED_MODELS) throw shapeError(t('shareLink.shapeTooManyModels', { max: MAX_SHARED_MODELS }));
  // The one rule for model ids (model-url-rules.ts), as for the custom-model form and storage.
  if (!modelIds.every((id) => modelIdProblem(id) === null)) {
    throw shapeError(t('shareLink.shapeBadModelId'));
  }
  const fields = [
    { text: prompt, missing: 'shareLink.shapePromptMissing', long: 'shareLink.shapePromptLong' },
    { text: systemPrompt, missing: 'shareLink.shapeSystemMissing', long: 'shareLink.shapeSystemLong' },
  ] as const;
  for (const field of fields) {
    if (typeof field.text !== 'string') throw shapeError(t(field.missing));
    if (field.text.length > MAX_SHARED_PROMPT_CHARS) throw shapeError(t(field.long, { max: formatNumber(MAX_SHARED_PROMPT_CHARS) }));
  }
  const result: SharedComparison = {
    modelIds: [...modelIds] as string[],
    systemPrompt: systemPrompt as string,
    prompt: prompt as string,
    // Out-of-range or missing settings are clamped to defaults, as for stored preferences.
    settings: normaliseSettings(isRecord(settings) ? settings : {}),
  };
  if (outputs !== undefined) result.outputs = validateOutputs(outputs, result.modelIds);
  if (raw.customModels !== undefined) {
    const customModels = validateCustomModels(raw.customModels, result.modelIds);
    if (customModels.length > 0) result.customModels = customModels;
  }
  return result;
}

/** Longer than any real model URL; a link is not the place for megabytes in one field. */
const MAX_SHARED_URL_CHARS = 2048;

function validateCustomModels(raw: unknown, modelIds: string[]): SharedCustomModel[] {
  if (!Array.isArray(raw) || raw.length > MAX_SHARED_MODELS) throw shapeError(t('shareLink.shapeCustomModels'));
  const seen = new Set<string>();
  return raw.map((item: unknown) => {
    if (!isRecord(item)) throw shapeError(t('shareLink.shapeCustomModel'));
    const { id, weightsUrl, libraryUrl, contextWindowSize } = item;
    if (typeof id !== 'string' || !modelIds.includes(id) || seen.has(id)) throw shapeError(t('shareLink.shapeCustomNotInComparison'));
    for (const url of [weightsUrl, libraryUrl]) {
      if (typeof url !== 'string' || url.length === 0 || url.length > MAX_SHARED_URL_CHARS) throw shapeError(t('shareLink.shapeCustomNoUrl', { id }));
    }
    seen.add(id);
    const model: SharedCustomModel = { id, weightsUrl: weightsUrl as string, libraryUrl: libraryUrl as string };
    if (typeof contextWindowSize === 'number' && Number.isInteger(contextWindowSize) && contextWindowSize > 0) model.contextWindowSize = contextWindowSize;
    return model;
  });
}

/** Each figure a finite, non-negative number below a sanity bound; anything else is dropped, not trusted. */
function validateMetrics(raw: unknown): SharedMetrics | undefined {
  if (!isRecord(raw)) return undefined;
  const metrics: SharedMetrics = {};
  for (const key of SHARED_METRIC_KEYS) {
    const value = raw[key];
    if (typeof value === 'number' && Number.isFinite(value) && value >= 0 && value < 1e9) metrics[key] = value;
  }
  return Object.keys(metrics).length > 0 ? metrics : undefined;
}

function validateOutputs(raw: unknown, modelIds: string[]): SharedOutput[] {
  if (!Array.isArray(raw) || raw.length > MAX_SHARED_MODELS) throw shapeError(t('shareLink.shapeOutputs'));
  return raw.map((item: unknown) => {
    if (!isRecord(item) || typeof item.modelId !== 'string' || typeof item.text !== 'string') {
      throw shapeError(t('shareLink.shapeOutput'));
    }
    if (!modelIds.includes(item.modelId)) throw shapeError(t('shareLink.shapeOutputModel'));
    if (item.thinking !== undefined && typeof item.thinking !== 'string') throw shapeError(t('shareLink.shapeOutput'));
    const output: SharedOutput = { modelId: item.modelId, text: item.text };
    if (item.thinking) output.thinking = item.thinking;
    if (item.truncated === true) output.truncated = true;
    const metrics = validateMetrics(item.metrics);
    if (metrics) output.metrics = metrics;
    return output;
  });
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function capOutput(output: SharedOutput, cap: number): SharedOutput {
  const thinking = output.thinking ?? '';
  if (output.text.length <= cap && thinking.length <= cap) return output;
  const capped: SharedOutput = { modelId: output.modelId, text: capText(output.text, cap), truncated: true };
  if (output.metrics) capped.metrics = output.metrics;
  if (thinking) capped.thinking = capText(thinking, cap);
  return capped;
}

function capText(full: string, cap: number): string {
  if (full.length <= cap) return full;
  const text = full.slice(0, cap);
  // Never leave half of a surrogate pair (emoji, rare CJK) at the cut.
  const last = text.charCodeAt(text.length - 1);
  return last >= 0xd800 && last <= 0xdbff ? text.slice(0, -1) : text;
}

async function pack(value: SharedComparison): Promise<string> {
  const json = new TextEncoder().encode(JSON.stringify(value));
  const compressed = await new Response(
    new Blob([json]).stream().pipeThrough(new CompressionStream('deflate-raw')),
  ).arrayBuffer();
  return `#${PREFIX}${VERSION}.${toBase64Url(new Uint8Array(compressed))}`;
}

/** Inflate, reading chunk by chunk so a zip bomb is stopped at the limit, not after filling memory. */
async function inflate(bytes: Uint8Array<ArrayBuffer>): Promise<string> {
  const reader = new Blob([bytes]).stream().pipeThrough(new DecompressionStream('deflate-raw')).getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      total += value.byteLength;
      if (total > MAX_DECOMPRESSED_BYTES) {
        void reader.cancel().catch(() => undefined);
        throw new ShareLinkError('too-large', t('shareLink.overLimit'));
      }
      chunks.push(value);
    }
  } catch (error) {
    if (error instanceof ShareLinkError) throw error;
    throw new ShareLinkError('decompress', t('shareLink.cannotUnpack'));
  }
  const joined = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    joined.set(chunk, offset);
    offset += chunk.byteLength;
  }
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(joined);
  } catch {
    throw new ShareLinkError('json', t('shareLink.unreadable'));
  }
}

function toBase64Url(bytes: Uint8Array): string {
  let binary = '';
  // Chunked: String.fromCharCode(...hugeArray) overflows the call stack.
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function fromBase64Url(text: string): Uint8Array<ArrayBuffer> {
  // Chat apps sometimes append punctuation or split links; a strict check gives a clear error.
  if (text.length === 0 || text.length % 4 === 1 || !/^[A-Za-z0-9_-]+$/.test(text)) {
    throw new ShareLinkError('base64', t('shareLink.cutOff'));
  }
  const binary = atob(text.replace(/-/g, '+').replace(/_/g, '/') + '='.repeat((4 - (text.length % 4)) % 4));
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i += 1) bytes[i] = binary.charCodeAt(i);
  return bytes;
}
