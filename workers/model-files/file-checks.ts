/**
 * What a model file must look like before the engine may use it or keep it cached. Everything
 * here is untrusted: a captive portal answers 200 with a sign-in page, a filter with a block page,
 * a broken mirror with nonsense. Each check returns a problem (or null), never throws.
 */

export type ProblemKind = 'html-page' | 'not-json' | 'bad-field' | 'wrong-size' | 'wrong-hash';

export interface FileProblem {
  kind: ProblemKind;
  /** What exactly is wrong, in words (a field and its value, byte counts). */
  detail: string;
}

/** The small files web-llm reads, by what they must contain. */
export type FileRole = 'config' | 'manifest' | 'tokenizer-json' | 'tokenizer-binary';

const HTML_START = /^\s*<(?:!doctype\s+html|html|head|body|title|meta|script|!--|\?xml|div|p|h1)\b/i;

/** A web page where data was expected: by its Content-Type or by its first bytes. */
export function looksLikeHtml(firstBytes: Uint8Array, contentType: string | null = null): boolean {
  if (contentType && /^\s*(text\/html|application\/xhtml)/i.test(contentType)) return true;
  const head = new TextDecoder().decode(firstBytes.subarray(0, 256)).replace(/^\uFEFF/, '');
  return HTML_START.test(head);
}

export function checkFile(role: FileRole, bytes: Uint8Array, contentType: string | null = null): FileProblem | null {
  if (looksLikeHtml(bytes, contentType)) return { kind: 'html-page', detail: 'a web page (HTML) came instead of the file' };
  if (role === 'tokenizer-binary') return bytes.length > 0 ? null : { kind: 'wrong-size', detail: 'the file is empty' };
  let json: unknown;
  try {
    json = JSON.parse(new TextDecoder().decode(bytes));
  } catch (error) {
    return { kind: 'not-json', detail: `it is not valid JSON (${(error as Error).message})` };
  }
  if (!isObject(json)) return { kind: 'not-json', detail: 'it is JSON, but not an object' };
  if (role === 'config') return checkChatConfig(json);
  if (role === 'manifest') return checkManifest(json);
  return null;
}

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
const isInt = (value: unknown): value is number => Number.isSafeInteger(value);
const bad = (detail: string): FileProblem => ({ kind: 'bad-field', detail });
const show = (value: unknown) => (value === undefined ? 'missing' : JSON.stringify(value));

/** Tokenizers web-llm can build: it needs one of these in `tokenizer_files`. */
const TOKENIZERS = ['tokenizer.json', 'tokenizer.model'];

/** The fields of mlc-chat-config.json that web-llm (0.2.79 and 0.2.86) reads, with their ranges. */
export function checkChatConfig(config: Record<string, unknown>): FileProblem | null {
  const files = config.tokenizer_files;
  if (!Array.isArray(files) || !files.every((file) => typeof file === 'string' && isSafeRelativePath(file))) {
    return bad(`tokenizer_files must be a list of file names, not ${show(files)}`);
  }
  if (!files.some((file) => TOKENIZERS.includes(file))) return bad(`tokenizer_files must name tokenizer.json or tokenizer.model, not ${show(files)}`);
  const sliding = config.sliding_window_size ?? -1;
  if (!isInt(sliding) || (sliding < 1 && sliding !== -1)) return bad(`sliding_window_size must be a whole number ≥ 1 (or -1 for none), not ${show(sliding)}`);
  const context = config.context_window_size;
  // -1 means "no fixed window", which only works with a sliding window (Mistral's configs do this).
  if (!isInt(context) || (context < 1 && !(context === -1 && sliding > 0))) {
    return bad(`context_window_size must be a whole number ≥ 1, not ${show(context)}`);
  }
  for (const field of ['prefill_chunk_size', 'vocab_size']) {
    const value = config[field];
    if (!isInt(value) || value < 1) return bad(`${field} must be a whole number ≥ 1, not ${show(value)}`);
  }
  const sink = config.attention_sink_size ?? -1;
  if (!isInt(sink) || sink < -1) return bad(`attention_sink_size must be a whole number ≥ -1, not ${show(sink)}`);
  if (!isObject(config.conv_template)) return bad(`conv_template must be an object, not ${show(config.conv_template)}`);
  const ranges: Array<[string, number, number]> = [['temperature', 0, 100], ['top_p', 0, 1], ['repetition_penalty', 0, 100], ['presence_penalty', -2, 2], ['frequency_penalty', -2, 2]];
  for (const [field, min, max] of ranges) {
    const value = config[field];
    if (value === undefined) continue;
    if (typeof value !== 'number' || !Number.isFinite(value) || value < min || value > max) {
      return bad(`${field} must be a number from ${min} to ${max}, not ${show(value)}`);
    }
  }
  return null;
}

/** One weight shard as tensor-cache.json lists it. */
export interface ShardRecord {
  dataPath: string;
  nbytes: number;
  /** Written by MLC's converter (tvm/contrib/tvmjs.py); absent in hand-made manifests. */
  md5sum?: string;
}

export function checkManifest(manifest: Record<string, unknown>): FileProblem | null {
  const records = manifest.records;
  if (!Array.isArray(records) || records.length === 0) return bad(`records must be a non-empty list of shards, not ${show(records)}`);
  for (const [index, shard] of records.entries()) {
    if (!isObject(shard)) return bad(`records[${index}] must be an object`);
    if (typeof shard.dataPath !== 'string' || !isSafeRelativePath(shard.dataPath)) return bad(`records[${index}].dataPath must be a file name in the model folder, not ${show(shard.dataPath)}`);
    if (!isInt(shard.nbytes) || shard.nbytes < 1) return bad(`records[${index}].nbytes must be a whole number ≥ 1, not ${show(shard.nbytes)}`);
    if (!Array.isArray(shard.records)) return bad(`records[${index}].records must be a list of tensors`);
    if (shard.md5sum !== undefined && !(typeof shard.md5sum === 'string' && /^[0-9a-f]{32}$/i.test(shard.md5sum))) {
      return bad(`records[${index}].md5sum must be 32 hex digits, not ${show(shard.md5sum)}`);
    }
  }
  return null;
}

/** The shards of a manifest that passed `checkManifest`. */
export function shardsOf(manifest: unknown): ShardRecord[] {
  const records = (manifest as { records: Array<Record<string, unknown>> }).records;
  return records.map((shard) => ({
    dataPath: shard.dataPath as string,
    nbytes: shard.nbytes as number,
    ...(typeof shard.md5sum === 'string' ? { md5sum: shard.md5sum.toLowerCase() } : {}),
  }));
}

/** A plain file name or sub-path: no scheme, no host, no way out of the model folder. */
function isSafeRelativePath(name: string): boolean {
  return name.length > 0 && !/^[a-z][a-z0-9+.-]*:|^\/|\\/i.test(name) && !name.split('/').includes('..');
}
