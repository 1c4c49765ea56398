import type { CheckKind } from '../grading/check-types';
import type { CheckField } from '../grading/check-validate';
import { MAX_PRESET_TEXT_CHARS, MAX_PROMPTS_PER_SET, sanitizePresetSets, type PresetSet, type PromptPreset } from '../presets/presets';
import { blankCheckForm, checkToForm, formToCheck, type CheckForm } from './check-form';
import { formatNumber, t } from '../i18n/i18n.svelte';

/**
 * A prompt set while it is being edited: plain data the form binds to. It becomes a set again
 * only through `sanitizePresetSets`, the validator that reads imported files and IndexedDB, so
 * what is saved is exactly what reloading (or exporting and importing) gives back.
 */
export interface ItemDraft {
  /** Unique within the draft by construction (a counter); the {#each} key. */
  key: number;
  /** The prompt id, kept across edits: result files refer to it. */
  id: string;
  title: string;
  systemPrompt: string;
  prompt: string;
  note: string;
  /** The check being edited; `checked` says whether the item has one (the form is kept when unticked). */
  checked: boolean;
  check: CheckForm;
}

export interface SetDraft {
  /** The set id: kept when editing, fresh for a new set or a copy. */
  id: string;
  title: string;
  description: string;
  items: ItemDraft[];
  nextKey: number;
}

export type ItemProblems = Partial<Record<'prompt' | CheckField, string>>;

export interface DraftProblems {
  title?: string;
  items: ItemProblems[];
  /** Problems not tied to one field (from the set validator). */
  general: string[];
  count: number;
}

const MAX_TITLE_CHARS = 200;

function newItemDraft(key: number, id: string): ItemDraft {
  return { key, id, title: '', systemPrompt: '', prompt: '', note: '', checked: false, check: blankCheckForm('exact') };
}

/** A new id that is not in `taken`: a readable stem and a random tail (sets made on two laptops never clash). */
export function freshSetId(title: string, taken: ReadonlySet<string>, random: () => string = () => crypto.randomUUID().slice(0, 8)): string {
  const stem = title.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 40) || 'my-set';
  for (;;) {
    const id = `${stem}-${random()}`.replace(/[^A-Za-z0-9._-]/g, '');
    if (!taken.has(id)) return id;
  }
}

export function blankDraft(id: string): SetDraft {
  return { id, title: '', description: '', items: [newItemDraft(1, 'item-1')], nextKey: 2 };
}

/** A draft of `set`; a copy gets `id` (fresh) and a title saying it is a copy. */
export function draftFromSet(set: PresetSet, copy: { id: string } | null = null): SetDraft {
  const items = set.prompts.map((prompt, index): ItemDraft => ({
    key: index + 1,
    id: prompt.id,
    title: prompt.title,
    systemPrompt: prompt.systemPrompt ?? '',
    prompt: prompt.prompt,
    note: prompt.note ?? '',
    checked: prompt.check !== undefined,
    check: prompt.check ? checkToForm(prompt.check) : blankCheckForm('exact'),
  }));
  return {
    id: copy ? copy.id : set.id,
    // The copy's title is the person's data from now on: worded once, in the language of the day.
    title: copy ? t('setEditor.copyTitle', { title: set.title }).slice(0, MAX_TITLE_CHARS) : set.title,
    description: set.description,
    items,
    nextKey: items.length + 1,
  };
}

/** Add an empty item after the last one; its id is unused in the draft. */
export function addItem(draft: SetDraft): ItemDraft {
  const ids = new Set(draft.items.map((item) => item.id));
  let n = draft.items.length + 1;
  while (ids.has(`item-${n}`)) n += 1;
  const item = newItemDraft(draft.nextKey, `item-${n}`);
  draft.nextKey += 1;
  draft.items.push(item);
  return item;
}

export function removeItem(draft: SetDraft, key: number): void {
  draft.items = draft.items.filter((item) => item.key !== key);
}

/** Move an item up (-1) or down (+1); at either end it stays. */
export function moveItem(draft: SetDraft, key: number, step: -1 | 1): void {
  const from = draft.items.findIndex((item) => item.key === key);
  const to = from + step;
  if (from < 0 || to < 0 || to >= draft.items.length) return;
  const items = [...draft.items];
  [items[from], items[to]] = [items[to]!, items[from]!];
  draft.items = items;
}

export function setCheckKind(item: ItemDraft, kind: CheckKind | null): void {
  item.checked = kind !== null;
  if (kind) item.check = { ...item.check, kind };
}

/**
 * Every problem of the draft, per field. An item whose check is unticked has no check problems.
 * Worded in the current language (the editor reads this in a $derived, so a switch rewords it).
 */
export function draftProblems(draft: SetDraft): DraftProblems {
  const title = draft.title.trim() ? undefined : t('setEditor.needTitle');
  const items = draft.items.map((item): ItemProblems => {
    const problems: ItemProblems = {};
    if (!item.prompt.trim()) problems.prompt = t('setEditor.needPrompt');
    else if (item.prompt.length > MAX_PRESET_TEXT_CHARS) problems.prompt = t('setEditor.promptTooLong', { max: formatNumber(MAX_PRESET_TEXT_CHARS) });
    if (item.checked) {
      const read = formToCheck(item.check);
      if ('field' in read) problems[read.field] = read.message;
    }
    return problems;
  });
  const general = draft.items.length === 0 ? [t('setEditor.needItem')] : draft.items.length > MAX_PROMPTS_PER_SET ? [t('setEditor.tooManyItems', { max: formatNumber(MAX_PROMPTS_PER_SET) })] : [];
  const count = (title ? 1 : 0) + items.reduce((sum, item) => sum + Object.keys(item).length, 0) + general.length;
  return { ...(title ? { title } : {}), items, general, count };
}

/** The draft as it would be stored or exported: plain, with the checks the form describes. */
function rawSet(draft: SetDraft): Record<string, unknown> {
  return {
    id: draft.id,
    title: draft.title,
    description: draft.description,
    prompts: draft.items.map((item) => {
      const prompt: Record<string, unknown> = { id: item.id, title: item.title, prompt: item.prompt };
      if (item.systemPrompt.trim()) prompt.systemPrompt = item.systemPrompt;
      if (item.note.trim()) prompt.note = item.note;
      if (item.checked) {
        const read = formToCheck(item.check);
        if ('check' in read) prompt.check = read.check;
      }
      return prompt;
    }),
  };
}

/**
 * The set to save, read through the import validator; `takenIds` are the other sets' ids. Refuses
 * (with the problems) when the draft has any problem or the validator would change what the form
 * shows (a dropped item or check), so saving never silently loses anything.
 */
export function draftToSet(draft: SetDraft, takenIds: Iterable<string>): { set: PresetSet } | { problems: DraftProblems } {
  const problems = draftProblems(draft);
  if (problems.count > 0) return { problems };
  const read = sanitizePresetSets([rawSet(draft)], takenIds);
  const set = read.sets[0];
  const lost = !set || set.prompts.length !== draft.items.length || set.prompts.some((prompt: PromptPreset, index) => (prompt.check !== undefined) !== draft.items[index]!.checked);
  if (lost || read.problems.length > 0) return { problems: { ...problems, general: read.problems.length ? read.problems : [t('setEditor.notReadBack')], count: Math.max(1, read.problems.length) } };
  return { set };
}
