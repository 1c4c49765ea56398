// @vitest-environment node
import { beforeEach, describe, expect, it, vi } from 'vitest';
import {
  MAX_PRESET_FILE_CHARS,
  builtinPresetSets,
  exportPresetSets,
  nextPrompt,
  parsePresetSets,
  type PresetSet,
} from '../../src/lib/presets/presets';

// idb-keyval needs IndexedDB, which Node lacks: an in-memory stand-in, with a switch to make it fail.
const storage = vi.hoisted(() => ({ map: new Map<string, unknown>(), broken: false }));
vi.mock('idb-keyval', () => ({
  get: async (key: string) => {
    if (storage.broken) throw new Error('IndexedDB unavailable');
    return storage.map.get(key);
  },
  set: async (key: string, value: unknown) => {
    if (storage.broken) throw new Error('QuotaExceededError');
    storage.map.set(key, structuredClone(value));
  },
}));
const { loadUserPresetSets, saveUserPresetSets } = await import('../../src/lib/presets/preset-store');

const HAN = /\p{Script=Han}/u;

function userSet(id: string, title = 'Physics'): PresetSet {
  return {
    id,
    title,
    description: 'Forces and motion',
    builtin: false,
    prompts: [
      { id: 'p1', title: 'Falling', prompt: 'Why do a feather and a hammer fall together on the Moon?' },
      { id: 'p2', title: '中文', systemPrompt: '请用中文回答。', prompt: '什么是惯性？', note: 'Inertia' },
    ],
  };
}

describe('built-in preset sets', () => {
  const sets = builtinPresetSets();

  it('has the five classroom sets, each with 3-5 good prompts and unique ids', () => {
    expect(sets.map((set) => set.id)).toEqual([
      'builtin-reasoning', 'builtin-coding', 'builtin-multilingual', 'builtin-facts', 'builtin-safety',
    ]);
    const promptIds = new Set<string>();
    for (const set of sets) {
      expect(set.builtin).toBe(true);
      expect(set.title.trim()).not.toBe('');
      expect(set.description.trim()).not.toBe('');
      expect(set.prompts.length).toBeGreaterThanOrEqual(3);
      expect(set.prompts.length).toBeLessThanOrEqual(5);
      for (const prompt of set.prompts) {
        expect(prompt.title.trim()).not.toBe('');
        expect(prompt.prompt.trim().length).toBeGreaterThan(20);
        expect(promptIds.has(prompt.id)).toBe(false);
        promptIds.add(prompt.id);
      }
    }
  });

  it('has real Chinese text, in both translation directions, in the multilingual set', () => {
    const multilingual = sets.find((set) => set.id === 'builtin-multilingual')!;
    expect(multilingual.prompts.filter((prompt) => HAN.test(prompt.prompt)).length).toBeGreaterThanOrEqual(2);
    expect(multilingual.prompts.some((prompt) => /into Simplified Chinese/.test(prompt.prompt))).toBe(true);
    expect(multilingual.prompts.some((prompt) => /into natural English/.test(prompt.prompt) && HAN.test(prompt.prompt))).toBe(true);
  });

  it('survives its own validation unchanged (apart from the builtin flag)', () => {
    const { sets: again, problems } = parsePresetSets(exportPresetSets(sets), []);
    expect(problems).toEqual([]);
    // Built-in ids are taken, so re-importing them yields copies with fresh ids.
    expect(again.map((set) => set.id)).toEqual(sets.map((set) => `${set.id}-2`));
    expect(again.map((set) => ({ ...set, id: '', builtin: true }))).toEqual(sets.map((set) => ({ ...set, id: '' })));
  });

  it('hands out copies, so callers cannot change the shipped sets', () => {
    builtinPresetSets()[0]!.prompts[0]!.prompt = 'changed';
    expect(builtinPresetSets()[0]!.prompts[0]!.prompt).not.toBe('changed');
  });
});

describe('import and export', () => {
  it('round-trips user sets through a file, as unbuilt-in sets', () => {
    const sets = [userSet('physics'), userSet('physics-2', 'More physics')];
    const text = exportPresetSets(sets);
    expect(JSON.parse(text)).toMatchObject({ format: 'lineup-presets', version: 1 });
    expect(text).not.toContain('builtin');
    expect(parsePresetSets(text)).toEqual({ sets, problems: [] });
  });

  it('reads a bare array and fills in missing ids, titles and descriptions', () => {
    const { sets, problems } = parsePresetSets(JSON.stringify([{ title: '物理 Physics!', prompts: [{ prompt: 'First line\nsecond' }, { prompt: 'Other' }] }]));
    expect(problems).toEqual([]);
    expect(sets[0]).toEqual({
      id: 'physics', title: '物理 Physics!', description: '', builtin: false,
      prompts: [{ id: 'first-line', title: 'First line', prompt: 'First line\nsecond' }, { id: 'other', title: 'Other', prompt: 'Other' }],
    });
    expect(parsePresetSets(JSON.stringify([{ title: '物理', prompts: [{ title: '惯性', prompt: 'x' }] }])).sets[0]).toMatchObject({
      id: 'set', prompts: [{ id: 'prompt' }],
    });
  });

  it('gives colliding ids fresh unique ones: against built-ins, existing sets, the file itself and within a set', () => {
    const file = exportPresetSets([
      userSet('builtin-reasoning'), userSet('mine'), userSet('mine'), userSet('mine-2'),
      { ...userSet('dup-prompts'), prompts: [{ id: 'a', title: 'A', prompt: 'one' }, { id: 'a', title: 'A', prompt: 'two' }] },
    ]);
    const { sets, problems } = parsePresetSets(file, ['mine']);
    expect(problems).toEqual([]);
    const ids = sets.map((set) => set.id);
    expect(ids).toEqual(['builtin-reasoning-2', 'mine-2', 'mine-3', 'mine-2-2', 'dup-prompts']);
    expect(new Set(ids).size).toBe(ids.length);
    expect(sets.every((set) => !set.builtin)).toBe(true);
    expect(sets[4]!.prompts.map((prompt) => prompt.id)).toEqual(['a', 'a-2']);
  });

  it.each([
    ['not JSON', '{"format": "lineup-presets", ', /not valid JSON/],
    ['another JSON file', '{"name": "package"}', /not a Lineup preset file/],
    ['a newer version', '{"format": "lineup-presets", "version": 3, "sets": []}', /version 3/],
    ['no set list', '{"format": "lineup-presets", "version": 1, "sets": {}}', /no list of sets/],
    ['a huge file', ' '.repeat(MAX_PRESET_FILE_CHARS + 1), /larger than 2 MB/],
    ['null', 'null', /not a Lineup preset file/],
  ])('gives a problem, not an exception, for %s', (_label, text, message) => {
    const result = parsePresetSets(text);
    expect(result.sets).toEqual([]);
    expect(result.problems).toHaveLength(1);
    expect(result.problems[0]).toMatch(message);
  });

  it('keeps the good sets and prompts of a partly bad file, explaining each skip', () => {
    const { sets, problems } = parsePresetSets(JSON.stringify([
      'a string',
      { prompts: [{ prompt: 'x' }] },
      { title: 'No prompts', prompts: 'none' },
      { title: 'All bad', prompts: [{ prompt: '' }, { prompt: 42 }, null] },
      { title: 'Mixed', prompts: [{ prompt: 'good' }, { prompt: 'y'.repeat(60_001) }, { prompt: 'ok', systemPrompt: 7 }] },
    ]));
    expect(sets.map((set) => [set.title, set.prompts.map((prompt) => prompt.prompt)])).toEqual([['Mixed', ['good', 'ok']]]);
    expect(sets[0]!.prompts[1]).not.toHaveProperty('systemPrompt');
    expect(problems).toEqual([
      'Set 1 is not a preset set; skipped.',
      'Set 2 has no title; skipped.',
      'Set 3 ("No prompts") has no list of prompts; skipped.',
      'Set 4 ("All bad"), prompt 1 has no prompt text; skipped.',
      'Set 4 ("All bad"), prompt 2 has no prompt text; skipped.',
      'Set 4 ("All bad"), prompt 3 has no prompt text; skipped.',
      'Set 4 ("All bad") has no usable prompts; skipped.',
      'Set 5 ("Mixed"), prompt 2 is longer than 60,000 characters; skipped.',
    ]);
  });

  it('ignores __proto__ and constructor keys without polluting prototypes', () => {
    const text = '[{"__proto__":{"polluted":1},"constructor":{"prototype":{"polluted":1}},"title":"T","builtin":true,' +
      '"prompts":[{"__proto__":{"polluted":1},"prompt":"p"}]}]';
    const { sets } = parsePresetSets(text);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(sets[0]).toEqual({ id: 't', title: 'T', description: '', builtin: false, prompts: [{ id: 'p', title: 'p', prompt: 'p' }] });
    expect(Object.getPrototypeOf(sets[0]!.prompts[0])).toBe(Object.prototype);
  });
});

describe('nextPrompt', () => {
  const set = builtinPresetSets()[0]!;
  const ids = set.prompts.map((prompt) => prompt.id);

  it('cycles forward through every prompt and wraps to the first', () => {
    let current = ids[0]!;
    const seen = [current];
    for (let i = 0; i < ids.length; i += 1) {
      current = nextPrompt(set, current).id;
      seen.push(current);
    }
    expect(seen).toEqual([...ids, ids[0]]);
  });

  it('goes back with step -1, and starts at the first prompt for an unknown or missing id', () => {
    expect(nextPrompt(set, ids[0], -1).id).toBe(ids.at(-1));
    expect(nextPrompt(set, 'nope').id).toBe(ids[0]);
    expect(nextPrompt(set, null).id).toBe(ids[0]);
    expect(nextPrompt({ ...set, prompts: [set.prompts[0]!] }, ids[0]).id).toBe(ids[0]);
  });

  it('throws only for a set with no prompts', () => {
    expect(() => nextPrompt({ ...set, prompts: [] }, null)).toThrow(RangeError);
  });
});

describe('preset store', () => {
  beforeEach(() => {
    storage.map.clear();
    storage.broken = false;
  });

  it('saves user sets only and loads them back', async () => {
    const mine = userSet('physics');
    expect(await saveUserPresetSets([...builtinPresetSets(), mine])).toBe(true);
    expect(await loadUserPresetSets()).toEqual({ sets: [mine], dropped: 0 });
  });

  it('starts empty when nothing is stored or storage is unavailable', async () => {
    expect(await loadUserPresetSets()).toEqual({ sets: [], dropped: 0 });
    storage.broken = true;
    expect(await loadUserPresetSets()).toEqual({ sets: [], dropped: 0 });
    expect(await saveUserPresetSets([userSet('physics')])).toBe(false);
  });

  it('drops damaged records, counting them, and never throws', async () => {
    storage.map.set('lineup:preset-sets', [userSet('ok'), { title: 'broken' }, 42, null]);
    expect(await loadUserPresetSets()).toEqual({ sets: [userSet('ok')], dropped: 3 });
    storage.map.set('lineup:preset-sets', 'garbage');
    expect(await loadUserPresetSets()).toEqual({ sets: [], dropped: 1 });
  });
});
