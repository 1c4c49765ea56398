import type { AnswerCheck } from './check-types';
import type { JsonSchema, JsonType } from './json-schema';
import { t } from '../i18n/i18n.svelte';

/**
 * Rebuild a check from untrusted JSON (an imported set file, IndexedDB), field by field. Returns
 * the check or a sentence saying what is wrong; never throws. Limits keep a hostile file from
 * making grading slow (a long regular expression, thousands of aliases, a deep schema).
 */
export const MAX_CHECK_STRINGS = 50;
export const MAX_CHECK_TEXT = 2_000;
export const MAX_PATTERN_CHARS = 200;
const MAX_SCHEMA_DEPTH = 6;
const JSON_TYPES: readonly JsonType[] = ['object', 'array', 'string', 'number', 'integer', 'boolean', 'null'];

/** The form fields a problem can be pinned on (the set editor shows it under that field). */
export type CheckField = 'kind' | 'answers' | 'pattern' | 'value' | 'tolerance' | 'position' | 'answer' | 'phrases' | 'schema' | 'references' | 'threshold' | 'expect';

/** A problem names the check (`problem`, for a file's error list) and, where it can, the field and what is wrong with it alone. */
export type CheckProblem = { problem: string; field?: CheckField; detail?: string };
export type CheckResult = { check: AnswerCheck } | CheckProblem;
type Result = CheckResult;

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

function strings(value: unknown, what: string, required: boolean): string[] | string {
  if (value === undefined && !required) return [];
  if (!Array.isArray(value) || !value.every((item) => typeof item === 'string')) return t('grading.vListOfTexts', { what });
  const kept = value.map((item: string) => item.trim().slice(0, MAX_CHECK_TEXT)).filter(Boolean).slice(0, MAX_CHECK_STRINGS);
  if (required && kept.length === 0) return t('grading.vNotEmpty', { what });
  return kept;
}

export function validateCheck(raw: unknown): Result {
  if (!isRecord(raw)) return { problem: t('grading.vNotObject') };
  const fail = (field: CheckField, detail: string): Result => ({ problem: t('grading.vCheckProblem', { kind: String(raw.kind).slice(0, 20), detail }), field, detail });
  switch (raw.kind) {
    case 'exact': {
      const answers = strings(raw.answers, 'answers', true);
      return typeof answers === 'string' ? fail('answers', answers) : { check: { kind: 'exact', answers } };
    }
    case 'regex': {
      if (typeof raw.pattern !== 'string' || !raw.pattern || raw.pattern.length > MAX_PATTERN_CHARS) return fail('pattern', t('grading.vPatternLength', { max: MAX_PATTERN_CHARS }));
      // Known flags only, each once, in one order: the same check always reads back the same.
      const given = typeof raw.flags === 'string' ? raw.flags : '';
      const flags = [...'imsu'].filter((flag) => given.includes(flag)).join('');
      try {
        new RegExp(raw.pattern, flags);
      } catch {
        return fail('pattern', t('grading.vPatternInvalid'));
      }
      return { check: { kind: 'regex', pattern: raw.pattern, ...(flags ? { flags } : {}) } };
    }
    case 'number': {
      if (typeof raw.value !== 'number' || !Number.isFinite(raw.value)) return fail('value', t('grading.vValueNumber'));
      if (raw.tolerance !== undefined && (typeof raw.tolerance !== 'number' || !(raw.tolerance >= 0) || !Number.isFinite(raw.tolerance))) return fail('tolerance', t('grading.vTolerance'));
      if (raw.position !== undefined && raw.position !== 'first' && raw.position !== 'last') return fail('position', t('grading.vPosition'));
      const check: AnswerCheck = { kind: 'number', value: raw.value + 0 }; // + 0: −0 reads as 0
      if (typeof raw.tolerance === 'number' && raw.tolerance > 0) check.tolerance = raw.tolerance;
      if (raw.position === 'last') check.position = 'last';
      if (raw.chineseNumerals === true) check.chineseNumerals = true;
      return { check };
    }
    case 'choice': {
      if (typeof raw.answer !== 'string' || !/^[A-Ha-h]$/.test(raw.answer)) return fail('answer', t('grading.vLetter'));
      return { check: { kind: 'choice', answer: raw.answer.toUpperCase() } };
    }
    case 'contains': {
      const all = strings(raw.all, 'all', false);
      const none = strings(raw.none, 'none', false);
      if (typeof all === 'string') return fail('phrases', all);
      if (typeof none === 'string') return fail('phrases', none);
      if (all.length + none.length === 0) return fail('phrases', t('grading.vPhrases'));
      return { check: { kind: 'contains', ...(all.length ? { all } : {}), ...(none.length ? { none } : {}) } };
    }
    case 'json': {
      if (raw.schema === undefined) return { check: { kind: 'json' } };
      const schema = readSchema(raw.schema, 0);
      return typeof schema === 'string' ? fail('schema', schema) : { check: { kind: 'json', schema } };
    }
    case 'chrf': {
      const references = strings(raw.references, 'references', true);
      if (typeof references === 'string') return fail('references', references);
      const threshold = raw.threshold ?? 0.5;
      if (typeof threshold !== 'number' || !(threshold >= 0 && threshold <= 1)) return fail('threshold', t('grading.vThreshold'));
      return { check: { kind: 'chrf', references, threshold: threshold + 0 } };
    }
    case 'behaviour': {
      if (raw.expect !== 'refuse' && raw.expect !== 'answer') return fail('expect', t('grading.vExpect'));
      return { check: { kind: 'behaviour', expect: raw.expect } };
    }
    default:
      return { problem: t('grading.vUnknownKind', { kind: JSON.stringify(String(raw.kind).slice(0, 20)) }), field: 'kind', detail: t('grading.vUnknownKindDetail') };
  }
}

function readSchema(raw: unknown, depth: number): JsonSchema | string {
  if (depth > MAX_SCHEMA_DEPTH) return t('grading.vSchemaDepth', { max: MAX_SCHEMA_DEPTH });
  if (!isRecord(raw)) return t('grading.vSchemaObject');
  const known = new Set(['type', 'properties', 'required', 'items', 'enum']);
  const unknown = Object.keys(raw).find((key) => !known.has(key));
  if (unknown) return t('grading.vSchemaKeyword', { keyword: unknown.slice(0, 30) });
  const schema: JsonSchema = {};
  if (raw.type !== undefined) {
    if (!JSON_TYPES.includes(raw.type as JsonType)) return t('grading.vSchemaType', { types: JSON_TYPES.join(', ') });
    schema.type = raw.type as JsonType;
  }
  if (raw.properties !== undefined) {
    if (!isRecord(raw.properties)) return t('grading.vSchemaProperties');
    const properties: Record<string, JsonSchema> = {};
    for (const [key, sub] of Object.entries(raw.properties).slice(0, MAX_CHECK_STRINGS)) {
      if (key === '__proto__') continue;
      const read = readSchema(sub, depth + 1);
      if (typeof read === 'string') return read;
      properties[key] = read;
    }
    schema.properties = properties;
  }
  if (raw.required !== undefined) {
    const required = strings(raw.required, 'required', false);
    if (typeof required === 'string') return t('grading.vSchemaPrefix', { problem: required });
    schema.required = required;
  }
  if (raw.items !== undefined) {
    const items = readSchema(raw.items, depth + 1);
    if (typeof items === 'string') return items;
    schema.items = items;
  }
  if (raw.enum !== undefined) {
    const plain = (item: unknown) => item === null || typeof item === 'string' || typeof item === 'boolean' || (typeof item === 'number' && Number.isFinite(item));
    if (!Array.isArray(raw.enum) || !raw.enum.every(plain)) return t('grading.vSchemaEnum');
    schema.enum = (raw.enum as Array<string | number | boolean | null>).slice(0, MAX_CHECK_STRINGS).map((item) => (typeof item === 'number' ? item + 0 : item));
  }
  return schema;
}
