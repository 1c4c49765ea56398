import type { Grade } from '../grading/check-types';
import { t, tn } from '../i18n/i18n.svelte';
import { gradeAnswer } from '../grading/grade';
import type { RefusalRules } from '../grading/refusal-rules';
import type { PresetSet } from '../presets/presets';
import { formToCheck } from '../set-editor/check-form';
import { addItem, blankDraft, draftFromSet, draftProblems, draftToSet, freshSetId, moveItem, removeItem, type DraftProblems, type SetDraft } from '../set-editor/set-draft';

/** Where the editor's sets live: the person's own sets (PresetState). */
export interface SetStore {
  /** Every set, built-in and the person's: their ids are taken. */
  readonly sets: readonly PresetSet[];
  /** Add or replace one of the person's sets; false when the browser would not store it. */
  saveUserSet(set: PresetSet): Promise<boolean>;
}

export type TryResult = { grade: Grade } | { problem: string } | null;

/**
 * The prompt-set editor: one draft at a time (new, a copy, or one of the person's sets), its
 * problems per field, and "Try it" answers graded by the real grading function. Kept out of
 * PresetState, which only stores sets: the editor is loaded on first use.
 */
export class SetEditorState {
  draft = $state<SetDraft | null>(null);
  mode = $state<'new' | 'edit' | 'copy'>('new');
  /** Save was pressed: every problem is shown, also in fields not touched yet. */
  attempted = $state(false);
  /** Items whose check was typed in (their problems show before Save). */
  touched = $state<Record<number, true>>({});
  /** Sample answers for "Try it", per item key; never saved. */
  samples = $state<Record<number, string>>({});
  /** Raw state (always replaced whole): its text may be a getter, worded on reading, so it follows a language switch. */
  message = $state.raw<{ kind: 'info' | 'error'; text: string } | null>(null);
  saving = $state(false);
  /** The draft as opened, to tell whether closing would lose edits. */
  #opened = $state('');

  problems = $derived<DraftProblems | null>(this.draft ? draftProblems(this.draft) : null);
  dirty = $derived(this.draft !== null && JSON.stringify(this.draft) !== this.#opened);

  readonly #store: SetStore;
  readonly #rules: () => RefusalRules;

  constructor(store: SetStore, rules: () => RefusalRules) {
    this.#store = store;
    this.#rules = rules;
  }

  /** A new, empty set. */
  create(): void {
    this.#open(blankDraft(freshSetId('my-set', this.#takenIds(null))), 'new');
  }

  /** One of the person's sets to edit; a built-in one (read-only) is copied into theirs first. */
  edit(set: PresetSet): void {
    if (set.builtin) this.copy(set);
    else this.#open(draftFromSet($state.snapshot(set) as PresetSet), 'edit');
  }

  copy(set: PresetSet): void {
    this.#open(draftFromSet($state.snapshot(set) as PresetSet, { id: freshSetId(set.title, this.#takenIds(null)) }), 'copy');
  }

  addItem(): void {
    if (this.draft) addItem(this.draft);
  }

  removeItem(key: number): void {
    if (this.draft) removeItem(this.draft, key);
  }

  moveItem(key: number, step: -1 | 1): void {
    if (this.draft) moveItem(this.draft, key, step);
  }

  touch(key: number): void {
    if (!this.touched[key]) this.touched[key] = true;
  }

  /** The sample answer of item `key` graded by its check, as a graded run would grade it. */
  tryIt(key: number): TryResult {
    const item = this.draft?.items.find((entry) => entry.key === key);
    const sample = this.samples[key] ?? '';
    if (!item?.checked || !sample.trim()) return null;
    const read = formToCheck(item.check);
    if ('field' in read) return { problem: t('setEditor.fixCheckFirst') };
    return { grade: gradeAnswer(sample, read.check, this.#rules()) };
  }

  /** Validate and store the draft; the saved set, or null (problems shown) when it is not valid. */
  async save(): Promise<PresetSet | null> {
    const draft = this.draft;
    if (!draft || this.saving) return null;
    this.attempted = true;
    const result = draftToSet($state.snapshot(draft) as SetDraft, this.#takenIds(this.mode === 'edit' ? draft.id : null));
    if ('problems' in result) {
      const { count, general } = result.problems;
      this.message = { kind: 'error', text: [tn('setEditor.notSaved', count), ...general].join(' ') };
      return null;
    }
    this.saving = true;
    try {
      const stored = await this.#store.saveUserSet(result.set);
      this.message = stored
        ? null
        : {
            kind: 'error',
            get text() {
              return t('setEditor.savedForTab');
            },
          };
      this.draft = null;
      return result.set;
    } finally {
      this.saving = false;
    }
  }

  close(): void {
    this.draft = null;
    this.message = null;
  }

  #open(draft: SetDraft, mode: 'new' | 'edit' | 'copy'): void {
    this.#opened = JSON.stringify(draft);
    this.draft = draft;
    this.mode = mode;
    this.attempted = false;
    this.touched = {};
    this.samples = {};
    this.message = null;
  }

  /** Ids of every other set: a saved set never takes one. */
  #takenIds(own: string | null): Set<string> {
    return new Set(this.#store.sets.map((set) => set.id).filter((id) => id !== own));
  }
}
