// @vitest-environment node
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { builtinPresetSets, exportPresetSets, importPresetSets, parsePresetSets, type PresetSet, type PromptPreset } from '../../src/lib/presets/presets';
import { applyMutation, expectNoPollution, mutation, nonBlankText, plainRecord, trimmedText } from './support/hostile';

/** Prompt-set files: export → import is exact; importing twice adds nothing; broken files give problems, never a throw. */

const presetId = fc.stringMatching(/^[A-Za-z0-9][A-Za-z0-9._-]{0,79}$/);
const BUILTIN_IDS = new Set(builtinPresetSets().map((set) => set.id));

const prompt: fc.Arbitrary<PromptPreset> = plainRecord(
  { id: presetId, title: trimmedText(60), prompt: nonBlankText(300), systemPrompt: nonBlankText(100), note: trimmedText(100) },
  { requiredKeys: ['id', 'title', 'prompt'] },
);

export const presetSet: fc.Arbitrary<PresetSet> = plainRecord({
  id: presetId.filter((id) => !BUILTIN_IDS.has(id)),
  title: trimmedText(60),
  description: fc.oneof(fc.constant(''), trimmedText(200)),
  prompts: fc.uniqueArray(prompt, { minLength: 1, maxLength: 4, selector: (item) => item.id }),
  builtin: fc.constant(false),
});

const presetSets = fc.uniqueArray(presetSet, { maxLength: 4, selector: (set) => set.id });

describe('prompt-set files, property-based', () => {
  it('export → import gives back exactly the sets exported', () => {
    fc.assert(
      fc.property(presetSets, (sets) => {
        expect(parsePresetSets(exportPresetSets(sets))).toStrictEqual({ sets, problems: [] });
      }),
    );
  });

  it('importing into a device adds every set once; the same file again adds nothing and replaces nothing', () => {
    fc.assert(
      fc.property(presetSets, presetSets, (mine, file) => {
        const here = [...builtinPresetSets(), ...mine];
        const once = importPresetSets(exportPresetSets(file), here);
        expect(once.counts.added + once.counts.skipped + once.counts.copied).toBe(file.length);
        const after = [...here, ...once.sets];
        expect(new Set(after.map((set) => set.id)).size).toBe(after.length);
        const twice = importPresetSets(exportPresetSets(file), after);
        expect(twice.sets).toEqual([]);
        expect(twice.counts.skipped).toBe(file.length);
      }),
    );
  });

  it('a damaged file never throws: problems in words, and whatever it keeps is valid', () => {
    fc.assert(
      fc.property(fc.uniqueArray(presetSet, { minLength: 1, maxLength: 3, selector: (set) => set.id }), mutation, (sets, change) => {
        const text = applyMutation(exportPresetSets(sets), change);
        const result = parsePresetSets(text);
        for (const problem of result.problems) expect(problem).toMatch(/\S/);
        expect(parsePresetSets(exportPresetSets(result.sets))).toStrictEqual({ sets: result.sets, problems: [] });
        expectNoPollution();
      }),
      { numRuns: Number(process.env.FC_RUNS ?? 300) },
    );
  });

  it('a long title is cut to 200 characters without splitting an emoji in half', () => {
    const wellFormed = fc.string({ unit: 'grapheme', minLength: 150, maxLength: 400 }).filter((text) => text.trim() !== '');
    fc.assert(
      fc.property(wellFormed, (title) => {
        const { sets } = parsePresetSets(JSON.stringify([{ title, description: title.repeat(10), prompts: [{ prompt: 'p', title, note: title.repeat(10) }] }]));
        expect(sets).toHaveLength(1);
        const [set] = sets as [PresetSet];
        for (const text of [set.title, set.description, set.prompts[0]!.title, set.prompts[0]!.note!]) {
          expect(text.isWellFormed()).toBe(true);
          expect(title.repeat(10).trim().startsWith(text)).toBe(true);
        }
        expect(set.title.length).toBeLessThanOrEqual(200);
      }),
    );
  });
});
