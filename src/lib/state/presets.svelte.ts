import type { PresetSet, PromptPreset } from '../presets/presets';
import { formatNumber, t, type MessageKey, type MessageParams } from '../i18n/i18n.svelte';

/**
 * The built-in sets, the file format and its validation (the grading checks' too) and the store:
 * not part of the first page load. `load()` fetches them while the app starts (next to the GPU
 * check); the prompt chips show once the app has started, so nothing appears late.
 */
const presetModules = () =>
  Promise.all([import('../presets/presets'), import('../presets/preset-store'), import('../files/merge-by-id')]).then(
    ([presets, store, merge]) => ({ ...presets, ...store, describeCounts: merge.describeCounts }),
  );
type PresetModules = Awaited<ReturnType<typeof presetModules>>;

/** A message worded when it is read: shown in a template, it follows a language switch. */
function said(kind: 'info' | 'error', key: MessageKey, params?: MessageParams): { kind: 'info' | 'error'; text: string } {
  return {
    kind,
    get text() {
      return t(key, params);
    },
  };
}

/** The first built-in set (builtin-presets.ts), selected until the person picks another. */
const FIRST_BUILTIN_SET_ID = 'builtin-reasoning';

/** Prompt sets for a lesson: the built-in ones plus sets the person made or imported. */
export class PresetState {
  userSets = $state<PresetSet[]>([]);
  selectedSetId = $state(FIRST_BUILTIN_SET_ID);
  currentPromptId = $state<string | null>(null);
  /** Raw state (always replaced whole): a message may word itself on reading (see `said`), so it follows a language switch. */
  message = $state.raw<{ kind: 'info' | 'error'; text: string } | null>(null);
  #lib = $state.raw<PresetModules | null>(null);

  sets = $derived<PresetSet[]>([...(this.#lib?.builtinPresetSets() ?? []), ...this.userSets]);
  selectedSet = $derived(this.sets.find((set) => set.id === this.selectedSetId) ?? this.sets[0]);
  currentPrompt = $derived(this.selectedSet?.prompts.find((prompt) => prompt.id === this.currentPromptId) ?? null);
  /**
   * Per set id: the teacher opened "Show answer" there. Remembered while the tab is open, so
   * stepping through a set keeps the choice; projector view ignores it (always collapsed).
   */
  answersShown = $state<Record<string, boolean>>({});

  /**
   * The picked prompt, as long as the prompt box still holds its text. Once the text is edited
   * it is somebody's own prompt: the chip is no longer highlighted and its note no longer applies.
   */
  pickedFor(promptText: string): PromptPreset | null {
    const prompt = this.currentPrompt;
    return prompt !== null && prompt.prompt === promptText ? prompt : null;
  }

  async #modules(): Promise<PresetModules> {
    this.#lib ??= await presetModules();
    return this.#lib;
  }

  async load(): Promise<void> {
    let lib: PresetModules;
    try {
      lib = await this.#modules();
    } catch (error) {
      this.message = said('error', 'prompt.setsLoadFailed', { reason: (error as Error).message });
      return;
    }
    const { sets, dropped } = await lib.loadUserPresetSets();
    this.userSets = sets;
    if (dropped > 0) this.message = said('error', 'prompt.setsDamaged', { count: formatNumber(dropped) });
  }

  /** The prompt after the current one in the selected set (for the "next" button and shortcut). */
  next(step: 1 | -1 = 1): PromptPreset | null {
    if (!this.selectedSet || !this.#lib) return null;
    const prompt = this.#lib.nextPrompt(this.selectedSet, this.currentPromptId, step);
    this.currentPromptId = prompt.id;
    return prompt;
  }

  choose(prompt: PromptPreset): void {
    this.currentPromptId = prompt.id;
  }

  /** Add the sets of a file: identical ones are skipped, a different set under a taken id is added as a copy. */
  async importText(text: string): Promise<void> {
    const { importPresetSets, saveUserPresetSets, describeCounts } = await this.#modules();
    const { sets, problems, counts } = importPresetSets(text, $state.snapshot(this.sets) as PresetSet[]);
    if (sets.length > 0) {
      this.userSets = [...this.userSets, ...sets];
      const saved = await saveUserPresetSets($state.snapshot(this.userSets) as PresetSet[]);
      if (!saved) problems.push(t('prompt.importNotStored'));
      this.selectedSetId = sets[0]!.id;
      this.currentPromptId = null;
    }
    const read = counts.added + counts.skipped + counts.copied > 0;
    const summary = sets.length ? t('prompt.imported', { count: formatNumber(sets.length), counts: describeCounts(counts) }) : read ? t('prompt.nothingImportedCounts', { counts: describeCounts(counts) }) : t('prompt.nothingImported');
    this.message = { kind: sets.length || (read && !problems.length) ? 'info' : 'error', text: [summary, ...problems].join(' ') };
  }

  /** Add or replace one of the person's sets (the set editor's Save) and select it; false when the browser would not store it. */
  async saveUserSet(set: PresetSet): Promise<boolean> {
    const index = this.userSets.findIndex((entry) => entry.id === set.id);
    this.userSets = index < 0 ? [...this.userSets, set] : this.userSets.map((entry, position) => (position === index ? set : entry));
    if (this.selectedSetId !== set.id || !set.prompts.some((prompt) => prompt.id === this.currentPromptId)) this.currentPromptId = null;
    this.selectedSetId = set.id;
    return (await this.#modules()).saveUserPresetSets($state.snapshot(this.userSets) as PresetSet[]);
  }

  async removeUserSet(id: string): Promise<void> {
    this.userSets = this.userSets.filter((set) => set.id !== id);
    await (await this.#modules()).saveUserPresetSets($state.snapshot(this.userSets) as PresetSet[]);
  }

  exportText(which: 'mine' | 'all'): string {
    // The buttons show after load(): the file code is here by then.
    if (!this.#lib) throw new Error(t('prompt.setsNotLoaded'));
    return this.#lib.exportPresetSets(which === 'mine' ? this.userSets : this.sets);
  }
}
