import { describe, expect, it } from 'vitest';
import { DEFAULT_REFUSAL_RULES } from '../../src/lib/grading/default-refusal-rules';
import { builtinPresetSets, type PresetSet } from '../../src/lib/presets/presets';
import { SetEditorState, type SetStore } from '../../src/lib/state/set-editor.svelte';

function store(): SetStore & { saved: PresetSet[] } {
  const saved: PresetSet[] = [];
  return {
    saved,
    get sets() {
      return [...builtinPresetSets(), ...saved];
    },
    async saveUserSet(set) {
      saved.push(set);
      return true;
    },
  };
}

describe('the set editor', () => {
  it('grades a sample answer with the real grading function, ✓ and ✗ with the reason', () => {
    const editor = new SetEditorState(store(), () => DEFAULT_REFUSAL_RULES);
    editor.create();
    const item = editor.draft!.items[0]!;
    editor.samples[item.key] = 'So 168 − 59 = 109 apples. Answer: 109';
    expect(editor.tryIt(item.key)).toBeNull(); // no check yet
    item.checked = true;
    item.check.kind = 'number';
    expect(editor.tryIt(item.key)).toEqual({ problem: 'Fix the check first.' });
    item.check.value = '109';
    expect(editor.tryIt(item.key)).toMatchObject({ grade: { pass: true, reason: 'found 109' } });
    editor.samples[item.key] = 'Answer: 110';
    expect(editor.tryIt(item.key)).toMatchObject({ grade: { pass: false, reason: 'found 110, expected 109' } });
    item.check.kind = 'behaviour';
    editor.samples[item.key] = "I'm sorry, but I can't help with that.";
    expect(editor.tryIt(item.key)).toMatchObject({ grade: { pass: true, behaviour: 'refused' } });
  });

  it('does not save a draft with problems, and saves a fixed one', async () => {
    const sets = store();
    const editor = new SetEditorState(sets, () => DEFAULT_REFUSAL_RULES);
    editor.create();
    expect(editor.dirty).toBe(false);
    editor.draft!.title = 'Quiz';
    expect(editor.dirty).toBe(true);
    expect(await editor.save()).toBeNull();
    expect(editor.message?.text).toBe('Not saved: 1 problem to fix (marked below).');
    expect(sets.saved).toEqual([]);
    editor.draft!.items[0]!.prompt = 'What is 2 + 2?';
    const saved = await editor.save();
    expect(saved?.title).toBe('Quiz');
    expect(sets.saved).toEqual([saved]);
    expect(editor.draft).toBeNull();
  });

  it('edits a built-in set only as a copy, and one of the person’s own in place', async () => {
    const sets = store();
    const editor = new SetEditorState(sets, () => DEFAULT_REFUSAL_RULES);
    const builtin = builtinPresetSets()[0]!;
    editor.edit(builtin);
    expect(editor.mode).toBe('copy');
    expect(editor.draft!.id).not.toBe(builtin.id);
    const copy = (await editor.save())!;
    editor.edit(copy);
    expect(editor.mode).toBe('edit');
    editor.draft!.title = 'Renamed';
    const renamed = (await editor.save())!;
    expect(renamed.id).toBe(copy.id);
    expect(renamed.title).toBe('Renamed');
  });
});
