import { validateCheck } from '../grading/check-validate';
import { MAX_IMPORT_BYTES } from '../files/files';
import { canonicalJson, type Identity } from '../files/merge-by-id';
import type { FinishReason } from '../engine/protocol';
import type { GradedAnswer, GradedItem, GradedModelResult, GradedRun, GradeOverride } from './graded-run';
import { formatNumber, t } from '../i18n/i18n.svelte';

/**
 * Graded runs as files: one JSON file per device, passed around a class and merged on one laptop.
 * A file was written by anyone, so every field is checked and rebuilt; an error says where.
 */
export const GRADES_FORMAT = 'lineup-grades';
const VERSION = 1;
const MAX_TEXT = 60_000;
const MAX_SHORT = 2_000;
const MAX_ITEMS = 500;
const MAX_MODELS = 20;
const HOSTILE = new Set(['__proto__', 'constructor', 'prototype']);

/**
 * Runs are told apart by id (the run id), then by content. Hand overrides are not content: the
 * same run passed back with other hand grades is the same run (its overrides are merged by the
 * state, never replacing this device's), so a pooled table never counts one run twice.
 */
export const RUN_IDENTITY: Identity<GradedRun> = {
  id: (run) => run.id,
  withId: (run, id) => ({ ...run, id }),
  content: (run) => canonicalJson({ ...run, overrides: [] }),
  copyId: (id, hash) => `${id.slice(0, 200)}~copy-${hash}`,
};

export function toResultFile(run: GradedRun): string {
  return `${JSON.stringify(run, null, 2)}\n`;
}

class FileProblem extends Error {}
const problem = (where: string, what: string): never => {
  throw new FileProblem(t('grading.fileProblem', { where, what }));
};
const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);
const own = (record: Record<string, unknown>, key: string): unknown => (Object.hasOwn(record, key) ? record[key] : undefined);

function text(record: Record<string, unknown>, key: string, where: string, max = MAX_SHORT, optional = false): string {
  const value = own(record, key);
  if (value === undefined && optional) return '';
  if (typeof value !== 'string') return problem(`${where}.${key}`, 'is not a text');
  if (value.length > max) return problem(`${where}.${key}`, `is longer than ${max} characters`);
  return value;
}

function num(record: Record<string, unknown>, key: string, where: string): number | null {
  const value = own(record, key);
  if (value === null || value === undefined) return null;
  if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) return problem(`${where}.${key}`, 'is not a number ≥ 0');
  return value;
}

function list(value: unknown, where: string, max: number): unknown[] {
  if (!Array.isArray(value)) return problem(where, 'is not a list');
  if (value.length > max) return problem(where, `has more than ${max} entries`);
  return value;
}

const FINISH: readonly FinishReason[] = ['stop', 'length', 'abort', 'error', null];

/** Read an imported (or stored) result file. Throws an Error whose message says what is wrong. */
export function parseResultFile(source: string): GradedRun {
  if (source.length > MAX_IMPORT_BYTES) throw new Error(t('grading.fileTooBig', { limit: formatNumber(MAX_IMPORT_BYTES / 1024 / 1024) }));
  let data: unknown;
  try {
    data = JSON.parse(source.charCodeAt(0) === 0xfeff ? source.slice(1) : source, (key, value: unknown) => (HOSTILE.has(key) ? undefined : value));
  } catch {
    throw new Error(t('grading.fileNotJson'));
  }
  if (!isRecord(data) || own(data, 'format') !== GRADES_FORMAT) throw new Error(t('grading.fileWrongFormat', { format: GRADES_FORMAT }));
  const version = own(data, 'version');
  if (typeof version === 'number' && version > VERSION) throw new Error(t('grading.fileNewer', { version }));
  if (version !== VERSION) throw new Error(t('grading.fileNoVersion'));
  const createdAt = text(data, 'createdAt', 'the file');
  if (Number.isNaN(Date.parse(createdAt))) problem('createdAt', 'is not a date');
  const device = own(data, 'device');
  if (!isRecord(device)) return problem('device', 'is missing');
  const set = own(data, 'set');
  if (!isRecord(set)) return problem('set', 'is missing');
  const items = list(own(set, 'items'), 'set.items', MAX_ITEMS).map((raw, index) => readItem(raw, `set.items[${index}]`));
  const itemIds = new Set(items.map((item) => item.id));
  if (itemIds.size !== items.length) problem('set.items', 'has two items with one id');
  const settings = own(data, 'settings');
  if (!isRecord(settings)) return problem('settings', 'is missing');
  const models = list(own(data, 'models'), 'models', MAX_MODELS).map((raw, index) => readModel(raw, `models[${index}]`, itemIds));
  const id = text(data, 'id', 'the file', 200);
  if (!id) problem('id', 'is empty');
  return {
    format: GRADES_FORMAT,
    version: VERSION,
    id,
    createdAt,
    device: { label: text(device, 'label', 'device', 200, true), gpu: text(device, 'gpu', 'device', 500, true), browser: text(device, 'browser', 'device', 200, true) },
    appVersion: text(data, 'appVersion', 'the file', 100, true),
    engineVersion: text(data, 'engineVersion', 'the file', 100, true),
    set: { id: text(set, 'id', 'set', 200), title: text(set, 'title', 'set', 200), items },
    settings: {
      temperature: num(settings, 'temperature', 'settings') ?? 0,
      topP: num(settings, 'topP', 'settings') ?? 1,
      maxTokens: num(settings, 'maxTokens', 'settings') ?? 0,
      seed: num(settings, 'seed', 'settings') ?? 0,
    },
    models,
    overrides: readOverrides(own(data, 'overrides') ?? [], models, itemIds),
  };
}

function readItem(raw: unknown, where: string): GradedItem {
  if (!isRecord(raw)) return problem(where, 'is not an item');
  const check = validateCheck(own(raw, 'check'));
  if ('problem' in check) return problem(`${where}.check`, `is not usable (${check.problem})`);
  const systemPrompt = text(raw, 'systemPrompt', where, MAX_TEXT, true);
  return { id: text(raw, 'id', where, 200), title: text(raw, 'title', where, 200), prompt: text(raw, 'prompt', where, MAX_TEXT), ...(systemPrompt ? { systemPrompt } : {}), check: check.check };
}

function readModel(raw: unknown, where: string, itemIds: ReadonlySet<string>): GradedModelResult {
  if (!isRecord(raw)) return problem(where, 'is not a model result');
  const seen = new Set<string>();
  const answers = list(own(raw, 'answers'), `${where}.answers`, MAX_ITEMS).map((entry, index) => {
    const answer = readAnswer(entry, `${where}.answers[${index}]`);
    if (!itemIds.has(answer.itemId)) problem(`${where}.answers[${index}]`, `answers an item the set does not have (${answer.itemId.slice(0, 40)})`);
    if (seen.has(answer.itemId)) problem(`${where}.answers[${index}]`, 'answers the same item twice');
    seen.add(answer.itemId);
    return answer;
  });
  const error = text(raw, 'error', where, MAX_SHORT, true);
  return { modelId: text(raw, 'modelId', where, 200), label: text(raw, 'label', where, 200), loadMs: num(raw, 'loadMs', where), ...(error ? { error } : {}), answers };
}

function readAnswer(raw: unknown, where: string): GradedAnswer {
  if (!isRecord(raw)) return problem(where, 'is not an answer');
  const finishReason = own(raw, 'finishReason') ?? null;
  if (!FINISH.includes(finishReason as FinishReason)) problem(`${where}.finishReason`, 'is not a known finish reason');
  const thinking = text(raw, 'thinking', where, MAX_TEXT, true);
  const jsonMode = own(raw, 'jsonMode');
  if (jsonMode !== undefined && typeof jsonMode !== 'boolean') problem(`${where}.jsonMode`, 'is not true or false');
  return {
    itemId: text(raw, 'itemId', where, 200),
    answer: text(raw, 'answer', where, MAX_TEXT, true),
    ...(thinking ? { thinking } : {}),
    finishReason: finishReason as FinishReason,
    promptTokens: num(raw, 'promptTokens', where),
    completionTokens: num(raw, 'completionTokens', where),
    decodeTokensPerSecond: num(raw, 'decodeTokensPerSecond', where),
    prefillTokensPerSecond: num(raw, 'prefillTokensPerSecond', where),
    ttftMs: num(raw, 'ttftMs', where),
    totalMs: num(raw, 'totalMs', where) ?? 0,
    ...(typeof jsonMode === 'boolean' ? { jsonMode } : {}),
  };
}

function readOverrides(raw: unknown, models: readonly GradedModelResult[], itemIds: ReadonlySet<string>): GradeOverride[] {
  const modelIds = new Set(models.map((model) => model.modelId));
  const kept = new Map<string, GradeOverride>();
  list(raw, 'overrides', MAX_ITEMS * MAX_MODELS).forEach((entry, index) => {
    const where = `overrides[${index}]`;
    if (!isRecord(entry) || typeof own(entry, 'pass') !== 'boolean') return problem(where, 'is not a hand grade');
    const modelId = text(entry, 'modelId', where, 200);
    const itemId = text(entry, 'itemId', where, 200);
    if (!modelIds.has(modelId) || !itemIds.has(itemId)) problem(where, 'names a model or item the file does not have');
    kept.set(`${modelId}\u0000${itemId}`, { modelId, itemId, pass: own(entry, 'pass') as boolean });
  });
  return [...kept.values()];
}
