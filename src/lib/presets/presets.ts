import { canonicalJson, mergeById, type Identity, type ImportCounts } from '../files/merge-by-id';
import { BUILTIN_PRESET_SETS } from './builtin-presets';
import type { AnswerCheck } from '../grading/check-types';
import { validateCheck } from '../grading/check-validate';
import { formatNumber, t } from '../i18n/i18n.svelte';
import { localizeSet, type SetLanguage } from './localize';
import { BUILTIN_ZH } from './translations/zh-CN';

/**
 * Preset prompt sets: a teacher picks a set and steps through its prompts, comparing models on
 * each. Sets can be exported to a JSON file and imported elsewhere; imported files come from
 * anyone, so everything read is validated and rebuilt field by field (never spread or merged).
 */

export interface PromptPreset {
  /** Unique within its set. */
  id: string;
  title: string;
  systemPrompt?: string;
  prompt: string;
  /** What to look for in the answers (for whoever leads the session); never sent to a model. */
  note?: string;
  /** How to grade the answer (graded sets); a set without checks is for comparing by eye. */
  check?: AnswerCheck;
}

export interface PresetSet {
  /** Unique among all sets, built-in and user-defined. */
  id: string;
  title: string;
  description: string;
  prompts: PromptPreset[];
  /** Shipped with Lineup (read-only) rather than made or imported by the user. */
  builtin: boolean;
}

export const PRESET_FILE_FORMAT = 'lineup-presets';
/** Version 2 added optional `check`s to prompts; version 1 files (no checks) are still read. */
export const PRESET_FILE_VERSION = 2;
const READABLE_VERSIONS: readonly unknown[] = [1, 2];
export const MAX_PRESET_FILE_CHARS = 2_000_000;
export const MAX_PRESET_SETS = 100;
export const MAX_PROMPTS_PER_SET = 200;
/** Same bound as a shared prompt: longer ones would not fit small models' context anyway. */
export const MAX_PRESET_TEXT_CHARS = 60_000;
const MAX_TITLE_CHARS = 200;
const MAX_DESCRIPTION_CHARS = 2_000;
const ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._-]{0,79}$/;

/**
 * The built-in sets in the page's language (or the one asked for): a fresh copy each call, so a
 * caller editing its copy cannot change the shipped sets. Reads the locale, so a `$derived`
 * calling it follows a language switch.
 */
export function builtinPresetSets(language: SetLanguage = 'current'): PresetSet[] {
  return BUILTIN_PRESET_SETS.map((set) => localizeSet(set, BUILTIN_ZH, language));
}

/**
 * Content of every language's version of the built-in sets: a file exported in Chinese ("Export
 * all sets" includes them) and imported with the page in English holds nothing new, so its
 * built-in sets are skipped, not added as copies.
 */
function builtinContents(): Set<string> {
  return new Set((['en', 'zh-CN'] as const).flatMap((language) => builtinPresetSets(language).map(PRESET_IDENTITY.content)));
}

/**
 * Read a preset file: `{ format: 'lineup-presets', version: 1, sets: [...] }` or a bare array of
 * sets. Never throws: whatever is wrong becomes a problem message, and every valid set is kept.
 * `takenIds` are ids already in use (the user's sets); built-in ids are always taken. Imported
 * sets whose id collides get a fresh one, so an import never overwrites anything.
 */
export function parsePresetSets(text: string, takenIds: Iterable<string> = []): { sets: PresetSet[]; problems: string[] } {
  const file = readPresetFile(text);
  if (!file.list) return { sets: [], problems: file.problems };
  return sanitizePresetSets(file.list, takenIds);
}

/**
 * An import: the file's sets merged into `existing` (built-in and the user's). A set identical to
 * one here is skipped (importing "Export all sets" back changes nothing); a different set under an
 * id in use is added under a new id, never over the set here. `sets` is what to add.
 */
export function importPresetSets(text: string, existing: readonly PresetSet[]): { sets: PresetSet[]; problems: string[]; counts: ImportCounts } {
  const file = readPresetFile(text);
  if (!file.list) return { sets: [], problems: file.problems, counts: { added: 0, skipped: 0, copied: 0 } };
  const problems: string[] = [];
  const read = readSets(file.list, problems);
  const builtin = builtinContents();
  const fresh = read.filter((set) => !builtin.has(PRESET_IDENTITY.content(set)));
  const { added, counts } = mergeById(existing, fresh, PRESET_IDENTITY);
  return { sets: added, problems, counts: { ...counts, skipped: counts.skipped + read.length - fresh.length } };
}

/** Sets are told apart by id, then by content; whether a set is built in is not content. */
export const PRESET_IDENTITY: Identity<PresetSet> = {
  id: (set) => set.id,
  withId: (set, id) => ({ ...set, id }),
  content: (set) => canonicalJson({ ...set, builtin: false }),
  copyId: (id, hash) => `${id.slice(0, 56)}-copy-${hash}`, // at most 78 characters: a valid id
};

/** The list of raw sets in a preset file, or why there is none. */
function readPresetFile(text: string): { list: unknown[] | null; problems: string[] } {
  const none = (problem: string) => ({ list: null, problems: [problem] });
  if (typeof text !== 'string') return none(t('presets.notText'));
  if (text.length > MAX_PRESET_FILE_CHARS) return none(t('presets.tooLarge'));
  let parsed: unknown;
  try {
    parsed = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text, (key, value: unknown) => (HOSTILE_KEYS.has(key) ? undefined : value));
  } catch {
    return none(t('presets.notJson'));
  }
  let list: unknown;
  if (Array.isArray(parsed)) {
    list = parsed;
  } else if (isRecord(parsed) && parsed.format === PRESET_FILE_FORMAT) {
    if (!READABLE_VERSIONS.includes(parsed.version)) {
      return none(t('presets.wrongVersion', { version: String(parsed.version).slice(0, 40), readable: PRESET_FILE_VERSION }));
    }
    list = parsed.sets;
  } else {
    return none(t('presets.notPresetFile'));
  }
  if (!Array.isArray(list)) return none(t('presets.noSetList'));
  return { list, problems: [] };
}

/**
 * Validate raw sets (from a file or from storage) into user-defined sets with unique ids.
 * Invalid prompts are skipped; a set left with no prompts is dropped; each skip is explained.
 */
export function sanitizePresetSets(list: readonly unknown[], takenIds: Iterable<string> = []): { sets: PresetSet[]; problems: string[] } {
  const problems: string[] = [];
  const taken = new Set([...BUILTIN_PRESET_SETS.map((set) => set.id), ...takenIds]);
  const sets = readSets(list, problems);
  for (const set of sets) {
    set.id = uniqueId(set.id, taken);
    taken.add(set.id);
  }
  return { sets, problems };
}

/** The valid sets of a raw list, ids as given (not yet unique). */
function readSets(list: readonly unknown[], problems: string[]): PresetSet[] {
  if (list.length > MAX_PRESET_SETS) problems.push(t('presets.tooManySets', { max: formatNumber(MAX_PRESET_SETS), count: formatNumber(list.length) }));
  return list.slice(0, MAX_PRESET_SETS).flatMap((raw, index) => readSet(raw, t('presets.setLabel', { number: formatNumber(index + 1) }), problems) ?? []);
}

/** The preset file for `sets`: readable (indented), and without the `builtin` flag, which importing resets. */
export function exportPresetSets(sets: readonly PresetSet[]): string {
  const plain = sets.map((set) => ({
    id: set.id,
    title: set.title,
    description: set.description,
    prompts: set.prompts.map(({ id, title, systemPrompt, prompt, note, check }) => ({ id, title, systemPrompt, prompt, note, check })),
  }));
  // Sets without checks stay version 1, which older Lineups read too.
  const version = sets.some((set) => set.prompts.some((prompt) => prompt.check)) ? PRESET_FILE_VERSION : 1;
  return `${JSON.stringify({ format: PRESET_FILE_FORMAT, version, sets: plain }, null, 2)}\n`;
}

/**
 * The prompt after `currentPromptId`, wrapping around (step -1 goes back). An unknown or missing
 * current id starts at the first prompt. Throws only for a set with no prompts, which validated
 * sets never are.
 */
export function nextPrompt(set: PresetSet, currentPromptId: string | null | undefined, step: 1 | -1 = 1): PromptPreset {
  const count = set.prompts.length;
  if (count === 0) throw new RangeError(`Preset set "${set.title}" has no prompts`);
  const index = set.prompts.findIndex((prompt) => prompt.id === currentPromptId);
  const next = index < 0 ? 0 : (index + step + count) % count;
  return set.prompts[next] as PromptPreset;
}

const HOSTILE_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function readSet(raw: unknown, label: string, problems: string[]): PresetSet | null {
  if (!isRecord(raw)) {
    problems.push(t('presets.notASet', { label }));
    return null;
  }
  const title = cleanText(raw.title, MAX_TITLE_CHARS);
  if (!title) {
    problems.push(t('presets.noTitle', { label }));
    return null;
  }
  const named = t('presets.setNamed', { label, title });
  if (!Array.isArray(raw.prompts)) {
    problems.push(t('presets.noPromptList', { label: named }));
    return null;
  }
  if (raw.prompts.length > MAX_PROMPTS_PER_SET) {
    problems.push(t('presets.tooManyPrompts', { label: named, max: formatNumber(MAX_PROMPTS_PER_SET), count: formatNumber(raw.prompts.length) }));
  }
  const prompts: PromptPreset[] = [];
  const promptIds = new Set<string>();
  raw.prompts.slice(0, MAX_PROMPTS_PER_SET).forEach((item: unknown, index) => {
    const prompt = readPrompt(item, t('presets.promptLabel', { set: named, number: formatNumber(index + 1) }), problems);
    if (!prompt) return;
    prompt.id = uniqueId(prompt.id, promptIds);
    promptIds.add(prompt.id);
    prompts.push(prompt);
  });
  if (prompts.length === 0) {
    problems.push(t('presets.noUsablePrompts', { label: named }));
    return null;
  }
  const id = typeof raw.id === 'string' && ID_PATTERN.test(raw.id) ? raw.id : slug(title, 'set');
  const description = cleanText(raw.description, MAX_DESCRIPTION_CHARS) ?? '';
  return { id, title, description, prompts, builtin: false };
}

function readPrompt(raw: unknown, label: string, problems: string[]): PromptPreset | null {
  if (!isRecord(raw) || typeof raw.prompt !== 'string' || raw.prompt.trim() === '') {
    problems.push(t('presets.noPromptText', { label }));
    return null;
  }
  if (raw.prompt.length > MAX_PRESET_TEXT_CHARS || (typeof raw.systemPrompt === 'string' && raw.systemPrompt.length > MAX_PRESET_TEXT_CHARS)) {
    problems.push(t('presets.tooLong', { label, max: formatNumber(MAX_PRESET_TEXT_CHARS) }));
    return null;
  }
  // A missing title is harmless: the start of the prompt says what it is.
  const title = cleanText(raw.title, MAX_TITLE_CHARS) ?? truncateTitle(raw.prompt);
  const id = typeof raw.id === 'string' && ID_PATTERN.test(raw.id) ? raw.id : slug(title, 'prompt');
  const prompt: PromptPreset = { id, title, prompt: raw.prompt };
  if (typeof raw.systemPrompt === 'string' && raw.systemPrompt.trim() !== '') prompt.systemPrompt = raw.systemPrompt;
  const note = cleanText(raw.note, MAX_DESCRIPTION_CHARS);
  if (note) prompt.note = note;
  if (raw.check !== undefined) {
    // A bad check loses the check, never the prompt: it can still be compared by eye.
    const read = validateCheck(raw.check);
    if ('check' in read) prompt.check = read.check;
    // The check's own problem comes from the grading code (check-validate.ts), in its words.
    else problems.push(t('presets.badCheck', { label, problem: read.problem }));
  }
  return prompt;
}

/**
 * A trimmed, non-empty string, cut to `max` characters; anything else is null. Trimmed again after
 * the cut, and never cut inside a surrogate pair (half an emoji), so reading it back gives the same.
 */
function cleanText(value: unknown, max: number): string | null {
  if (typeof value !== 'string') return null;
  const text = cutWhole(value.trim(), max).trimEnd();
  return text ? text : null;
}

function truncateTitle(prompt: string): string {
  const line = prompt.trim().split('\n', 1)[0] ?? '';
  return line.length > 60 ? `${cutWhole(line, 59).trimEnd()}…` : line.trimEnd();
}

/** At most `max` UTF-16 units, without splitting a surrogate pair. */
function cutWhole(text: string, max: number): string {
  if (text.length <= max) return text;
  const last = text.charCodeAt(max - 1);
  return text.slice(0, last >= 0xd800 && last <= 0xdbff ? max - 1 : max);
}

/** An id from a title; titles in other scripts (e.g. Chinese) give no letters, hence the fallback. */
function slug(title: string, fallback: string): string {
  const base = title.toLowerCase().replace(/[^a-z0-9]+/g, '-').slice(0, 60).replace(/^-+|-+$/g, '');
  return base || fallback;
}

function uniqueId(id: string, taken: ReadonlySet<string>): string {
  if (!taken.has(id)) return id;
  for (let n = 2; ; n += 1) {
    const candidate = `${id}-${n}`;
    if (!taken.has(candidate)) return candidate;
  }
}
