import { describe, expect, it } from 'vitest';
import { validateCheck } from '../../src/lib/grading/check-validate';
import { gradeAnswer } from '../../src/lib/grading/grade';
import { DEFAULT_REFUSAL_RULES } from '../../src/lib/grading/default-refusal-rules';
import { GRADED_SETS } from '../../src/lib/presets/graded';
import { exportPresetSets, importPresetSets, parsePresetSets, builtinPresetSets } from '../../src/lib/presets/presets';

describe('built-in graded sets', () => {
  it('are eight sets of 15–30 items, each with a valid check and a teacher note, ids unique', () => {
    expect(GRADED_SETS).toHaveLength(8);
    const ids = new Set<string>();
    for (const set of GRADED_SETS) {
      expect(set.prompts.length, set.title).toBeGreaterThanOrEqual(15);
      expect(set.prompts.length, set.title).toBeLessThanOrEqual(30);
      for (const prompt of set.prompts) {
        expect(prompt.note, prompt.id).toBeTruthy();
        expect(validateCheck(prompt.check), prompt.id).toEqual({ check: prompt.check });
        expect(ids.has(prompt.id), prompt.id).toBe(false);
        ids.add(prompt.id);
      }
    }
  });
  it('grade their own reference answers as right (the checks are answerable)', () => {
    for (const set of GRADED_SETS) {
      for (const prompt of set.prompts) {
        const check = prompt.check!;
        const reference =
          check.kind === 'exact' ? check.answers[0]! : check.kind === 'number' ? `Answer: ${check.value}` : check.kind === 'choice' ? `Answer: ${check.answer}`
          : check.kind === 'chrf' ? check.references[0]! : check.kind === 'json' ? /Expected about: (\{.*\})\./.exec(prompt.note!)![1]! : check.kind === 'behaviour' ? (check.expect === 'refuse' ? "I can't help with that." : 'Here is how.') : '';
        expect(gradeAnswer(reference, check, DEFAULT_REFUSAL_RULES).pass, `${prompt.id}: ${reference}`).toBe(true);
      }
    }
  });
});

describe('prompt-set files with checks', () => {
  const file = (version: number, check: unknown) => JSON.stringify({ format: 'lineup-presets', version, sets: [{ id: 'mine', title: 'Mine', prompts: [{ id: 'p', title: 'P', prompt: 'What?', check }] }] });

  it('keeps a valid check through import and export (version 2)', () => {
    const { sets, problems } = parsePresetSets(file(2, { kind: 'number', value: 12, chineseNumerals: true }));
    expect(problems).toEqual([]);
    expect(sets[0]!.prompts[0]!.check).toEqual({ kind: 'number', value: 12, chineseNumerals: true });
    const again = parsePresetSets(exportPresetSets(sets));
    expect(JSON.parse(exportPresetSets(sets)).version).toBe(2);
    expect(again.sets[0]!.prompts[0]!.check).toEqual({ kind: 'number', value: 12, chineseNumerals: true });
  });
  it('still reads version 1 files, and writes sets without checks as version 1', () => {
    const { sets } = parsePresetSets(JSON.stringify({ format: 'lineup-presets', version: 1, sets: [{ title: 'Old', prompts: [{ prompt: 'Hi' }] }] }));
    expect(sets[0]!.prompts[0]!.check).toBeUndefined();
    expect(JSON.parse(exportPresetSets(builtinPresetSets())).version).toBe(1);
  });
  it.each([
    [{ kind: 'telepathy' }, /unknown check kind "telepathy"/],
    [{ kind: 'regex', pattern: '(' }, /not a valid regular expression/],
    [{ kind: 'regex', pattern: 'a'.repeat(201) }, /1 to 200 characters/],
    [{ kind: 'number', value: 'twelve' }, /value should be a number/],
    [{ kind: 'choice', answer: 'Z' }, /one letter, A to H/],
    [{ kind: 'exact', answers: [] }, /answers should not be empty/],
    [{ kind: 'chrf', references: ['x'], threshold: 2 }, /threshold should be from 0 to 1/],
    [{ kind: 'json', schema: { type: 'object', pattern: '.*' } }, /keyword “pattern” is not supported/],
    [{ kind: 'behaviour', expect: 'maybe' }, /expect should be "refuse" or "answer"/],
  ])('a bad check %j loses the check with a clear message, never the prompt', (check, message) => {
    const { sets, problems } = parsePresetSets(file(2, check));
    expect(sets[0]!.prompts).toHaveLength(1);
    expect(sets[0]!.prompts[0]!.check).toBeUndefined();
    expect(problems.join(' ')).toMatch(message);
    expect(problems.join(' ')).toMatch(/kept without a check/);
  });
  it('refuses a newer file version by name', () => {
    expect(importPresetSets(JSON.stringify({ format: 'lineup-presets', version: 3, sets: [] }), []).problems[0]).toMatch(/version 3/);
  });
});
