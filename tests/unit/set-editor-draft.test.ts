import { describe, expect, it } from 'vitest';
import { GRADED_SETS } from '../../src/lib/presets/graded';
import { builtinPresetSets, exportPresetSets, importPresetSets, type PresetSet } from '../../src/lib/presets/presets';
import { addItem, blankDraft, draftFromSet, draftProblems, draftToSet, freshSetId, moveItem, removeItem, setCheckKind } from '../../src/lib/set-editor/set-draft';

function quizDraft() {
  const draft = blankDraft('my-quiz-1');
  draft.title = 'My quiz';
  const first = draft.items[0]!;
  first.title = 'Apples';
  first.prompt = 'Q1: 7 crates of 24 apples, 59 sold. How many are left?';
  first.note = '7 × 24 = 168, minus 59.';
  setCheckKind(first, 'number');
  first.check.value = '109';
  const second = addItem(draft);
  second.prompt = 'Q2: What is the capital of Australia?';
  setCheckKind(second, 'exact');
  second.check.answers = ['Canberra', 'Canberra, Australia'];
  return draft;
}

describe('the set draft: what Save stores', () => {
  it('saves a new set with its checks, and an export and import elsewhere gives it back unchanged', () => {
    const result = draftToSet(quizDraft(), []);
    if (!('set' in result)) throw new Error(JSON.stringify(result.problems));
    expect(result.set).toEqual({
      id: 'my-quiz-1',
      title: 'My quiz',
      description: '',
      builtin: false,
      prompts: [
        { id: 'item-1', title: 'Apples', prompt: 'Q1: 7 crates of 24 apples, 59 sold. How many are left?', note: '7 × 24 = 168, minus 59.', check: { kind: 'number', value: 109, position: 'last' } },
        { id: 'item-2', title: 'Q2: What is the capital of Australia?', prompt: 'Q2: What is the capital of Australia?', check: { kind: 'exact', answers: ['Canberra', 'Canberra, Australia'] } },
      ],
    });
    const file = exportPresetSets([result.set]);
    expect(JSON.parse(file)).toMatchObject({ format: 'lineup-presets', version: 2 });
    const fresh = importPresetSets(file, builtinPresetSets());
    expect(fresh.problems).toEqual([]);
    expect(fresh.sets).toEqual([result.set]);
  });

  it('refuses to save an invalid check and says which field of which item is wrong', () => {
    const draft = quizDraft();
    setCheckKind(draft.items[1]!, 'regex');
    draft.items[1]!.check.pattern = '(Canberra';
    const result = draftToSet(draft, []);
    expect('problems' in result && result.problems.items).toEqual([{}, { pattern: 'pattern is not a valid regular expression' }]);
  });

  it('asks for a title and for every prompt, and for at least one item', () => {
    const draft = blankDraft('x-1');
    expect(draftProblems(draft)).toEqual({ title: 'Give the set a title.', items: [{ prompt: 'Write the prompt the models will get.' }], general: [], count: 2 });
    removeItem(draft, draft.items[0]!.key);
    expect(draftProblems(draft).general).toEqual(['Add at least one item.']);
  });

  it('an unticked check is not saved, but what was typed stays in the form', () => {
    const draft = quizDraft();
    setCheckKind(draft.items[0]!, null);
    const result = draftToSet(draft, []);
    expect('set' in result && result.set.prompts[0]!.check).toBeUndefined();
    expect(draft.items[0]!.check.value).toBe('109');
  });

  it('reorders items, keeping their ids (result files refer to them)', () => {
    const draft = quizDraft();
    const third = addItem(draft);
    third.prompt = 'Q3';
    moveItem(draft, third.key, -1);
    moveItem(draft, draft.items[0]!.key, -1); // already first: stays
    expect(draft.items.map((item) => item.id)).toEqual(['item-1', 'item-3', 'item-2']);
    removeItem(draft, draft.items[1]!.key);
    expect(addItem(draft).id).toBe('item-3');
    expect(new Set(draft.items.map((item) => item.key)).size).toBe(draft.items.length);
  });

  it('opens every built-in set and saves it back identical (the form loses nothing)', () => {
    for (const set of [...GRADED_SETS, ...builtinPresetSets()]) {
      const result = draftToSet(draftFromSet(set), []);
      if (!('set' in result)) throw new Error(`${set.id}: ${JSON.stringify(result.problems)}`);
      // Only the id may differ: a classroom set's id stays reserved for the built-in one.
      expect({ ...result.set, id: set.id }, set.id).toEqual({ ...set, builtin: false } satisfies PresetSet);
    }
  });

  it('a copy of a built-in set is the person’s own: new id, title saying so, every check kept', () => {
    const original = GRADED_SETS[0]!;
    const taken = new Set([original.id]);
    const copy = draftToSet(draftFromSet(original, { id: freshSetId(original.title, taken) }), taken);
    if (!('set' in copy)) throw new Error('not saved');
    expect(copy.set.id).not.toBe(original.id);
    expect(copy.set.id).toMatch(/^graded-arithmetic-word-problems-[0-9a-f]{8}$/);
    expect(copy.set.title).toBe(`${original.title} (my copy)`);
    expect(copy.set.builtin).toBe(false);
    expect(copy.set.prompts.map((prompt) => prompt.check)).toEqual(original.prompts.map((prompt) => prompt.check));
  });

  it('new ids never reuse a taken one', () => {
    const tails = ['aaaa', 'aaaa', 'bbbb'];
    expect(freshSetId('Quiz', new Set(['quiz-aaaa']), () => tails.shift()!)).toBe('quiz-bbbb');
    expect(freshSetId('中文测验', new Set(), () => '1234')).toBe('my-set-1234');
  });
});
