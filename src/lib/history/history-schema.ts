import type { FinishReason, GenerationSettings } from '../engine/protocol';
import { emptyMetrics, type RunMetrics } from '../metrics/run-metrics';
import { normaliseSettings } from '../prompt/settings';
import { splitThinking } from '../reasoning/think-splitter';
import { MAX_MODEL_URL_CHARS, modelUrlProblem } from '../security/model-url-rules';
import { t } from '../i18n/i18n.svelte';
import { RUN_RECORD_VERSION, type DeviceRecord, type PaneOutcome, type PaneRecord, type RunRecord } from './run-record';

/**
 * Reading run records that come from outside this build's own memory: IndexedDB (written by an
 * older Lineup, or damaged) and imported files (written by anyone). Every field is checked;
 * anything we can safely default (a missing system prompt, a missing device) is defaulted, and
 * anything that would be a guess (a prompt that is a number) is reported. The result is always a
 * freshly built object holding only known fields, so nothing foreign rides along into the app.
 */

/** A comparison shows at most four panes. */
export const MAX_PANES = 4;
/** Per long text (output, prompt, error detail), in UTF-16 code units: ~2 MB, far above any real answer. */
export const MAX_TEXT_CHARS = 2 * 1024 * 1024;
/** Ids, labels, URLs, versions, device strings. */
const MAX_SHORT_CHARS = 4096;
/** Keys that could reach Object.prototype if some later code copied them naively. */
const FORBIDDEN_KEYS = ['__proto__', 'constructor', 'prototype'];
const OUTCOMES: readonly PaneOutcome[] = ['finished', 'stopped', 'failed', 'skipped', 'running', 'interrupted'];
const FINISH_REASONS: readonly FinishReason[] = ['stop', 'length', 'abort', 'error', null];

/**
 * Version 0: the pre-release shape. Same as version 1 except that settings lived at the top
 * level, panes named their model `model` (not `modelId`), and there was no `updatedAt`.
 * Kept only so that history written by pre-release builds still opens.
 */
export type PaneRecordV0 = Omit<PaneRecord, 'modelId'> & { model: string };
export type RunRecordV0 = Omit<RunRecord, 'version' | 'updatedAt' | 'settings' | 'panes'> & {
  version: 0;
  temperature: number;
  topP: number;
  maxTokens: number;
  seed?: number;
  panes: PaneRecordV0[];
};

export class InvalidRecordError extends Error {
  override name = 'InvalidRecordError';
  /** Every problem found, each naming the field (e.g. "panes[1].output is …"); the message shows the first few. */
  constructor(readonly problems: string[]) {
    // The field-by-field problems stay technical English (they name fields of the file).
    super(t('history.recordUnreadable', { problems: summarise(problems) }));
  }
}

type Obj = Record<string, unknown>;
export type RecordCheck = { ok: true; record: RunRecord } | { ok: false; problems: string[] };

/** Validate (after migrating) anything that claims to be a run record. Throws InvalidRecordError. */
export function parseRunRecord(raw: unknown): RunRecord {
  const result = checkRunRecord(raw);
  if (!result.ok) throw new InvalidRecordError(result.problems);
  return result.record;
}

/**
 * Same as parseRunRecord, but reports instead of throwing: imports check thousands of items and
 * creating an Error (with its stack) per junk item would make a hostile file slow to reject.
 */
export function checkRunRecord(raw: unknown): RecordCheck {
  const problems: string[] = [];
  const current = migrate(raw, problems);
  const record = current ? readRecord(current, problems) : null;
  return record && problems.length === 0 ? { ok: true, record } : { ok: false, problems };
}

/** Upgrade a record of any known version to the current shape (not yet validated field by field). */
export function migrateRunRecord(raw: unknown): Record<string, unknown> {
  const problems: string[] = [];
  const current = migrate(raw, problems);
  if (!current) throw new InvalidRecordError(problems);
  return current;
}

/** One step per old version; step N turns version N into version N + 1. */
const MIGRATIONS: Record<number, (record: Obj) => Obj> = { 0: v0ToV1, 1: v1ToV2 };

function migrate(raw: unknown, problems: string[]): Obj | null {
  let record = plainObject(raw, 'record', problems);
  if (!record) return null;
  const version = own(record, 'version');
  if (version === undefined) return fail(problems, 'version is missing, so this is not a Lineup run record');
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 0) {
    return fail(problems, `version should be a whole number, not ${describe(version)}`);
  }
  if (version > RUN_RECORD_VERSION) {
    return fail(problems, `it was saved by a newer version of Lineup (record version ${version}; this Lineup reads up to ${RUN_RECORD_VERSION}). Update Lineup to open it`);
  }
  for (let step = version; step < RUN_RECORD_VERSION; step++) {
    const upgrade = MIGRATIONS[step];
    if (!upgrade) return fail(problems, `record version ${step} cannot be upgraded`);
    record = upgrade(record);
  }
  return record;
}

function v0ToV1(old: Obj): Obj {
  // Object rest/spread copy own keys as data properties: a "__proto__" key stays an inert own key
  // here and is rejected by validation afterwards.
  const { temperature, topP, maxTokens, seed, ...rest } = old;
  const panes = own(old, 'panes');
  return {
    ...rest,
    version: 1,
    updatedAt: own(old, 'createdAt'),
    settings: seed === undefined ? { temperature, topP, maxTokens } : { temperature, topP, maxTokens, seed },
    // Only rename within plausible pane lists; anything else is left for validation to report.
    panes: Array.isArray(panes) && panes.length <= MAX_PANES ? panes.map(paneV0ToV1) : panes,
  };
}

function paneV0ToV1(pane: unknown): unknown {
  if (!isPlainObject(pane) || !Object.hasOwn(pane, 'model') || Object.hasOwn(pane, 'modelId')) return pane;
  const { model, ...rest } = pane;
  return { ...rest, modelId: model };
}

/**
 * Version 2 keeps a reasoning model's thinking apart from its answer. A version 1 pane held both
 * in `output` (tags included), so it is split the way the pane splits a finished output.
 */
function v1ToV2(old: Obj): Obj {
  const panes = own(old, 'panes');
  return { ...old, version: 2, panes: Array.isArray(panes) && panes.length <= MAX_PANES ? panes.map(paneV1ToV2) : panes };
}

function paneV1ToV2(pane: unknown): unknown {
  if (!isPlainObject(pane) || Object.hasOwn(pane, 'thinking')) return pane;
  const output = own(pane, 'output');
  if (typeof output !== 'string' || output.length > MAX_TEXT_CHARS) return pane; // validation reports it
  const split = splitThinking(output, { done: true });
  if (split.thinking === '' && !split.thinkingOpen) return { ...pane, thinking: '' };
  return { ...pane, output: split.answer, thinking: split.thinking };
}

function readRecord(obj: Obj, problems: string[]): RunRecord | null {
  const f = new Fields(obj, '', problems);
  // Read in field order, so problems are listed in the order a person reads the record.
  const id = f.text('id', { max: MAX_SHORT_CHARS, nonEmpty: true });
  const createdAt = f.date('createdAt');
  const record: RunRecord = {
    version: RUN_RECORD_VERSION,
    id,
    createdAt,
    updatedAt: f.date('updatedAt', createdAt),
    systemPrompt: f.text('systemPrompt', { max: MAX_TEXT_CHARS, fallback: '' }),
    prompt: f.text('prompt', { max: MAX_TEXT_CHARS }),
    settings: readSettings(f.value('settings'), problems),
    parallel: f.bool('parallel', false),
    panes: readPanes(f.value('panes'), problems),
    device: readDevice(f.value('device'), problems),
    appVersion: f.text('appVersion', { max: MAX_SHORT_CHARS, fallback: 'unknown' }),
    engineVersion: f.text('engineVersion', { max: MAX_SHORT_CHARS, fallback: 'unknown' }),
  };
  return problems.length ? null : record;
}

function readPanes(value: unknown, problems: string[]): PaneRecord[] {
  if (!Array.isArray(value)) return fail(problems, `panes should be a list, not ${describe(value)}`) ?? [];
  // Checked before reading any pane: a hostile list of a million entries is rejected at once.
  if (value.length > MAX_PANES) return fail(problems, `panes has ${value.length} entries; a run compares at most ${MAX_PANES} models`) ?? [];
  return value.map((pane, index) => readPane(pane, `panes[${index}]`, problems)).filter((pane) => pane !== null);
}

function readSettings(value: unknown, problems: string[]): GenerationSettings {
  const obj = plainObject(value, 'settings', problems);
  if (!obj) return normaliseSettings({});
  const f = new Fields(obj, 'settings', problems);
  // Types are checked strictly; ranges are clamped, exactly as the settings form would.
  const seed = f.optionalNumber('seed');
  if (seed !== undefined && !Number.isInteger(seed)) problems.push(`settings.seed should be a whole number, not ${seed}`);
  return normaliseSettings({ temperature: f.optionalNumber('temperature'), topP: f.optionalNumber('topP'), maxTokens: f.optionalNumber('maxTokens'), seed });
}

function readPane(value: unknown, path: string, problems: string[]): PaneRecord | null {
  const obj = plainObject(value, path, problems);
  if (!obj) return null;
  const f = new Fields(obj, path, problems);
  const modelId = f.text('modelId', { max: MAX_SHORT_CHARS, nonEmpty: true });
  return {
    modelId,
    label: f.text('label', { max: MAX_SHORT_CHARS, fallback: modelId }),
    weightsUrl: readModelUrl(f, 'weightsUrl', `${path}.weightsUrl`, problems),
    libraryUrl: readModelUrl(f, 'libraryUrl', `${path}.libraryUrl`, problems),
    output: f.text('output', { max: MAX_TEXT_CHARS, fallback: '' }),
    thinking: f.text('thinking', { max: MAX_TEXT_CHARS, fallback: '' }),
    outcome: f.oneOf('outcome', OUTCOMES),
    finishReason: f.oneOf('finishReason', FINISH_REASONS, null),
    error: readError(f.value('error'), `${path}.error`, problems),
    metrics: readMetrics(f.value('metrics'), `${path}.metrics`, problems),
  };
}

/**
 * The URL rules of the custom-model form (model-url-rules.ts), so a record never carries a URL
 * the form would refuse (credentials, over-long). Empty: a record from before URLs were kept.
 * Hosts are not checked here: a run from another site still shows; re-running it checks them.
 */
function readModelUrl(f: Fields, key: string, path: string, problems: string[]): string {
  const url = f.text(key, { max: MAX_MODEL_URL_CHARS, fallback: '' });
  const problem = url === '' ? null : modelUrlProblem(url);
  if (problem === null) return url;
  problems.push(`${path} ${problem}`);
  return '';
}

function readError(value: unknown, path: string, problems: string[]): PaneRecord['error'] {
  if (value === undefined || value === null) return null;
  const obj = plainObject(value, path, problems);
  if (!obj) return null;
  const f = new Fields(obj, path, problems);
  return {
    name: f.text('name', { max: MAX_SHORT_CHARS, fallback: 'Error' }),
    title: f.text('title', { max: MAX_SHORT_CHARS, fallback: '' }),
    technical: f.text('technical', { max: MAX_TEXT_CHARS, fallback: '' }),
  };
}

function readMetrics(value: unknown, path: string, problems: string[]): RunMetrics {
  if (value === undefined) return emptyMetrics(); // forgiving: figures are optional, the text is not
  const obj = plainObject(value, path, problems);
  if (!obj) return emptyMetrics();
  const f = new Fields(obj, path, problems);
  return {
    loadMs: f.nullableNumber('loadMs'),
    fromCache: f.value('fromCache') === null ? null : f.bool('fromCache', null),
    downloadedBytes: f.nullableNumber('downloadedBytes') ?? 0,
    firstTokenOnScreenMs: f.nullableNumber('firstTokenOnScreenMs'),
    generationMs: f.nullableNumber('generationMs'),
    engineTtftMs: f.nullableNumber('engineTtftMs'),
    prefillTokensPerSecond: f.nullableNumber('prefillTokensPerSecond'),
    decodeTokensPerSecond: f.nullableNumber('decodeTokensPerSecond'),
    promptTokens: f.nullableNumber('promptTokens'),
    completionTokens: f.nullableNumber('completionTokens'),
    thinkingTokens: f.nullableNumber('thinkingTokens'),
    answerTokens: f.nullableNumber('answerTokens'),
    thinkingMs: f.nullableNumber('thinkingMs'),
    answerOnScreenMs: f.nullableNumber('answerOnScreenMs'),
  };
}

function readDevice(value: unknown, problems: string[]): DeviceRecord | null {
  if (value === undefined || value === null) return null; // no WebGPU details were available
  const obj = plainObject(value, 'device', problems);
  if (!obj) return null;
  const f = new Fields(obj, 'device', problems);
  const short = { max: MAX_SHORT_CHARS, fallback: '' };
  return {
    vendor: f.text('vendor', short),
    architecture: f.text('architecture', short),
    description: f.text('description', short),
    shaderF16: f.bool('shaderF16', false),
    maxBufferSize: f.nullableNumber('maxBufferSize') ?? 0,
    maxStorageBufferBindingSize: f.nullableNumber('maxStorageBufferBindingSize') ?? 0,
    userAgent: f.text('userAgent', short),
  };
}

/** Typed reads of one object's own fields; each wrong field adds a problem and yields a placeholder. */
class Fields {
  constructor(private readonly obj: Obj, private readonly path: string, private readonly problems: string[]) {}

  value(key: string): unknown {
    return own(this.obj, key);
  }

  /** Record a problem with this field; returns the placeholder the caller hands back instead. */
  private report<T>(key: string, text: string, placeholder: T): T {
    this.problems.push(`${this.path ? `${this.path}.` : ''}${key} ${text}`);
    return placeholder;
  }

  text(key: string, options: { max: number; fallback?: string; nonEmpty?: boolean }): string {
    const value = this.value(key);
    if (value === undefined && options.fallback !== undefined) return options.fallback;
    if (typeof value !== 'string') return this.report(key, value === undefined ? 'is missing' : `should be text, not ${describe(value)}`, '');
    if (value.length > options.max) return this.report(key, `is too long (${size(value.length)}; the limit is ${size(options.max)})`, '');
    if (options.nonEmpty && value.trim() === '') return this.report(key, 'is empty', '');
    return value;
  }

  date(key: string, fallback?: string): string {
    const text = this.text(key, fallback === undefined ? { max: 64 } : { max: 64, fallback });
    const time = Date.parse(text);
    if (Number.isNaN(time)) return text === '' ? '' : this.report(key, `is not a date ("${text.slice(0, 40)}")`, ''); // '' was reported already
    return new Date(time).toISOString(); // canonical, so string order is time order
  }

  bool<T extends boolean | null>(key: string, fallback: T): boolean | T {
    const value = this.value(key);
    if (value === undefined) return fallback;
    if (typeof value !== 'boolean') return this.report(key, `should be true/false, not ${describe(value)}`, fallback);
    return value;
  }

  optionalNumber(key: string): number | undefined {
    const value = this.value(key);
    if (value === undefined || value === null) return undefined;
    if (typeof value !== 'number') return this.report(key, `should be a number, not ${describe(value)}`, undefined);
    return value;
  }

  /** Infinity/NaN (possible in IndexedDB, not in JSON) mean "not measured". */
  nullableNumber(key: string): number | null {
    const value = this.optionalNumber(key);
    return value !== undefined && Number.isFinite(value) ? value : null;
  }

  oneOf<T extends string | null>(key: string, allowed: readonly T[], fallback?: T): T {
    const value = this.value(key);
    if (value === undefined && fallback !== undefined) return fallback;
    if (allowed.includes(value as T)) return value as T;
    const shown = typeof value === 'string' ? `"${value.slice(0, 40)}"` : describe(value);
    return this.report(key, value === undefined ? 'is missing' : `should be one of ${allowed.map(String).join(', ')}, not ${shown}`, allowed[0] as T);
  }
}

function isPlainObject(value: unknown): value is Obj {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const proto: unknown = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

/** A plain object without dangerous keys, or null with the problem reported. */
function plainObject(value: unknown, path: string, problems: string[]): Obj | null {
  if (!isPlainObject(value)) return fail(problems, `${path} should be an object, not ${describe(value)}`);
  const bad = FORBIDDEN_KEYS.filter((key) => Object.hasOwn(value, key));
  return bad.length ? fail(problems, `${path} contains the forbidden key ${bad.join(', ')}`) : value;
}

/** Own properties only: an inherited (or polluted) property never counts as data. */
function own(obj: Obj, key: string): unknown {
  return Object.hasOwn(obj, key) ? obj[key] : undefined;
}

function fail(problems: string[], problem: string): null {
  problems.push(problem);
  return null;
}

/** What a value is, without ever printing it (it may be huge or hostile). */
function describe(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'string') return 'text';
  if (typeof value === 'boolean') return 'true/false';
  if (typeof value === 'number') return `the number ${value}`;
  return typeof value === 'object' ? 'an object' : `a ${typeof value}`;
}

function size(chars: number): string {
  return chars >= 1024 * 1024 ? `${(chars / 1024 / 1024).toFixed(1)} MB` : `${chars} characters`;
}

function summarise(problems: string[]): string {
  const shown = problems.slice(0, 5).join('; ');
  return problems.length > 5 ? `${shown}; and ${problems.length - 5} more problem(s).` : `${shown}.`;
}
