// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../../src/lib/prompt/settings';
import {
  DEFAULT_PREFERENCES,
  loadPreferences,
  parsePreferences,
  savePreferences,
  type Preferences,
} from '../../src/lib/storage/preferences';

const VALID: Preferences = {
  version: 1,
  modelIds: ['Llama-3.2-1B-Instruct-q4f16_1-MLC', 'Qwen2.5-0.5B-Instruct-q4f16_1-MLC'],
  systemPrompt: 'Be brief.',
  prompt: 'Why is the sky blue?',
  settings: { temperature: 0.2, topP: 0.9, maxTokens: 512, seed: 7 },
  parallel: true,
  cacheBackend: 'indexeddb',
  customModels: [
    { id: 'my-model', weightsUrl: 'https://example.org/m/resolve/main/', libraryUrl: 'https://example.org/m.wasm', contextWindowSize: 2048 },
  ],
  mode: 'arena',
  projector: true,
  downloadSource: { weights: 'hf-mirror', library: 'jsdelivr' },
};

describe('parsePreferences', () => {
  it('reads a well-formed record back unchanged', () => {
    expect(parsePreferences(structuredClone(VALID))).toEqual(VALID);
  });

  it.each([undefined, null, 0, 42, '', 'garbage', true, Symbol('x')])('falls back to the defaults for %s', (raw) => {
    expect(parsePreferences(raw)).toEqual(DEFAULT_PREFERENCES);
  });

  it('falls back to the compare view, without projector mode, for an unknown or missing view', () => {
    const parsed = parsePreferences({ ...VALID, mode: 'slideshow', projector: 'yes' });
    expect(parsed.mode).toBe('compare');
    expect(parsed.projector).toBe(false);
    expect(parsePreferences({ ...VALID, mode: 'benchmark' }).mode).toBe('benchmark');
  });

  it('returns a copy of the defaults, so editing it cannot change them', () => {
    const preferences = parsePreferences(undefined);
    preferences.modelIds.push('x');
    preferences.settings.maxTokens = 1;
    expect(DEFAULT_PREFERENCES.modelIds).toEqual([]);
    expect(DEFAULT_PREFERENCES.settings.maxTokens).toBe(DEFAULT_SETTINGS.maxTokens);
  });

  it('fills in the missing fields of a partial (older) record', () => {
    const preferences = parsePreferences({ prompt: 'hi' });
    expect(preferences).toEqual({ ...DEFAULT_PREFERENCES, prompt: 'hi' });
  });

  it('keeps at most four model ids, and only strings', () => {
    const preferences = parsePreferences({ modelIds: [1, 'a', null, 'b', { id: 'x' }, 'c', 'd', 'e', 'f'] });
    expect(preferences.modelIds).toEqual(['a', 'b', 'c', 'd']);
  });

  it('drops custom models that lack a string id, weights URL or library URL', () => {
    const good = { id: 'ok', weightsUrl: 'https://w/', libraryUrl: 'https://l.wasm' };
    const preferences = parsePreferences({
      customModels: [
        null,
        5,
        'ok',
        [],
        { id: 'no-urls' },
        { id: 'bad-lib', weightsUrl: 'https://w/', libraryUrl: 42 },
        { id: 3, weightsUrl: 'https://w/', libraryUrl: 'https://l.wasm' },
        good,
      ],
    });
    expect(preferences.customModels).toEqual([good]);
  });

  it('normalises the settings it finds', () => {
    const preferences = parsePreferences({ settings: { temperature: 9, topP: 'x', maxTokens: 1e9, seed: '12' } });
    expect(preferences.settings).toEqual({ temperature: 2, topP: DEFAULT_SETTINGS.topP, maxTokens: 4096, seed: 12 });
  });

  it('survives hostile shapes without throwing', () => {
    const hostile: unknown[] = [
      [],
      [1, 2, 3],
      Object.create(null),
      { modelIds: 'not-an-array', customModels: { 0: 'x', length: 1 }, settings: 'fast', parallel: 'yes' },
      { modelIds: null, customModels: null, settings: null, systemPrompt: 5, prompt: ['a'] },
      { settings: [1, 2, 3] },
      { settings: 17, parallel: 1 },
      { version: 99, modelIds: new Array(10_000).fill('m') },
    ];
    for (const raw of hostile) {
      let parsed: Preferences | undefined;
      expect(() => {
        parsed = parsePreferences(raw);
      }).not.toThrow();
      expect(parsed!.version).toBe(1);
      expect(parsed!.modelIds.length).toBeLessThanOrEqual(4);
      expect(typeof parsed!.prompt).toBe('string');
      expect(typeof parsed!.systemPrompt).toBe('string');
      expect(typeof parsed!.parallel).toBe('boolean');
      expect(Array.isArray(parsed!.customModels)).toBe(true);
      expect(parsed!.settings).toEqual(DEFAULT_SETTINGS);
    }
  });

  it('turns on parallel only for a real true', () => {
    expect(parsePreferences({ parallel: true }).parallel).toBe(true);
    expect(parsePreferences({ parallel: 'true' }).parallel).toBe(false);
    expect(parsePreferences({ parallel: 1 }).parallel).toBe(false);
  });
});

describe('loadPreferences / savePreferences without IndexedDB', () => {
  it('starts fresh when storage is unavailable, and saving does not throw', async () => {
    expect(typeof (globalThis as { indexedDB?: unknown }).indexedDB).toBe('undefined');
    await expect(loadPreferences()).resolves.toEqual(DEFAULT_PREFERENCES);
    await expect(savePreferences(VALID)).resolves.toBeUndefined();
  });
});

describe('cache backend preference', () => {
  it('keeps IndexedDB or OPFS when chosen and falls back to the Cache API for anything else', () => {
    expect(parsePreferences({ cacheBackend: 'indexeddb' }).cacheBackend).toBe('indexeddb');
    expect(parsePreferences({ cacheBackend: 'opfs' }).cacheBackend).toBe('opfs');
    expect(parsePreferences({ cacheBackend: 'cross-origin' }).cacheBackend).toBe('cache');
    expect(parsePreferences({}).cacheBackend).toBe('cache');
  });
});

describe('download source preference', () => {
  it('keeps a source this build offers, and falls back per half to Hugging Face and GitHub otherwise', () => {
    expect(parsePreferences({ downloadSource: { weights: 'hf-mirror', library: 'github' } }).downloadSource).toEqual({ weights: 'hf-mirror', library: 'github' });
    // This build has no mirror (no VITE_MODEL_BASE_URL): a record from a build with one falls back.
    expect(parsePreferences({ downloadSource: { weights: 'mirror', library: 'jsdelivr' } }).downloadSource).toEqual({ weights: 'huggingface', library: 'jsdelivr' });
    for (const hostile of [null, 'hf-mirror', 7, [], { weights: '__proto__', library: { id: 'github' } }, { weights: 'https://evil.example/', library: 'toString' }]) {
      expect(parsePreferences({ downloadSource: hostile }).downloadSource).toEqual({ weights: 'huggingface', library: 'github' });
    }
    expect(parsePreferences({}).downloadSource).toEqual({ weights: 'huggingface', library: 'github' });
  });
});
