import { describeCounts } from '../files/merge-by-id';
import { builtinPresetSets, exportPresetSets, importPresetSets, nextPrompt, type PresetSet, type PromptPreset } from '../presets/presets';
import { loadUserPresetSets, saveUserPresetSets } from '../presets/preset-store';

/** Prompt sets for a lesson: the built-in ones plus sets the person made or imported. */
export class PresetState {
  userSets = $state<PresetSet[]>([]);
  selectedSetId = $state(builtinPresetSets()[0]?.id ?? '');
  currentPromptId = $state<string | null>(null);
  message = $state<{ kind: 'info' | 'error'; text: string } | null>(null);

  sets = $derived<PresetSet[]>([...builtinPresetSets(), ...this.userSets]);
  selectedSet = $derived(this.sets.find((set) => set.id === this.selectedSetId) ?? this.sets[0]);
  currentPrompt = $derived(this.selectedSet?.prompts.find((prompt) => prompt.id === this.currentPromptId) ?? null);

  async load(): Promise<void> {
    const { sets, dropped } = await loadUserPresetSets();
    this.userSets = sets;
    if (dropped > 0) this.message = { kind: 'error', text: `${dropped} saved prompt set(s) were damaged and have been skipped.` };
  }

  /** The prompt after the current one in the selected set (for the "next" button and shortcut). */
  next(step: 1 | -1 = 1): PromptPreset | null {
    if (!this.selectedSet) return null;
    const prompt = nextPrompt(this.selectedSet, this.currentPromptId, step);
    this.currentPromptId = prompt.id;
    return prompt;
  }

  choose(prompt: PromptPreset): void {
    this.currentPromptId = prompt.id;
  }

  /** Add the sets of a file: identical ones are skipped, a different set under a taken id is added as a copy. */
  async importText(text: string): Promise<void> {
    const { sets, problems, counts } = importPresetSets(text, $state.snapshot(this.sets) as PresetSet[]);
    if (sets.length > 0) {
      this.userSets = [...this.userSets, ...sets];
      const saved = await saveUserPresetSets($state.snapshot(this.userSets) as PresetSet[]);
      if (!saved) problems.push('The browser refused to store them: they last until you close this tab.');
      this.selectedSetId = sets[0]!.id;
      this.currentPromptId = null;
    }
    const read = counts.added + counts.skipped + counts.copied > 0;
    const summary = sets.length ? `Imported ${sets.length} prompt set(s): ${describeCounts(counts)}` : read ? `Nothing imported: ${describeCounts(counts)}` : 'Nothing imported.';
    this.message = { kind: sets.length || (read && !problems.length) ? 'info' : 'error', text: [summary, ...problems].join(' ') };
  }

  async removeUserSet(id: string): Promise<void> {
    this.userSets = this.userSets.filter((set) => set.id !== id);
    await saveUserPresetSets($state.snapshot(this.userSets) as PresetSet[]);
  }

  exportText(which: 'mine' | 'all'): string {
    return exportPresetSets(which === 'mine' ? this.userSets : this.sets);
  }
}
