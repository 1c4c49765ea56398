import { get, set } from 'idb-keyval';
import type { CacheBackend, GenerationSettings } from '../engine/protocol';
import { DEFAULT_SETTINGS, normaliseSettings } from '../prompt/settings';

/** What Lineup remembers between visits (in IndexedDB, on this device only). */
export interface Preferences {
  version: 1;
  modelIds: string[];
  systemPrompt: string;
  prompt: string;
  settings: GenerationSettings;
  parallel: boolean;
  cacheBackend: CacheBackend;
  customModels: CustomModelInput[];
  /** Which view was open: side-by-side comparison, blind arena or benchmark. */
  mode: AppMode;
  /** Large type and high contrast, for a classroom projector. */
  projector: boolean;
}

export type AppMode = 'compare' | 'arena' | 'benchmark';
export const APP_MODES: readonly AppMode[] = ['compare', 'arena', 'benchmark'];

/** A model a person added by URL; re-validated by the catalog every time it is read back. */
export interface CustomModelInput {
  id: string;
  weightsUrl: string;
  libraryUrl: string;
  contextWindowSize?: number;
}

const KEY = 'lineup:preferences';

export const DEFAULT_PREFERENCES: Preferences = {
  version: 1,
  modelIds: [],
  systemPrompt: '',
  prompt: '',
  settings: DEFAULT_SETTINGS,
  parallel: false,
  cacheBackend: 'cache',
  customModels: [],
  mode: 'compare',
  projector: false,
};

const isString = (value: unknown): value is string => typeof value === 'string';

/**
 * Accept only well-formed data: stored values may come from an older version or be damaged, and
 * a bad record must never stop the app from starting. Unknown shapes fall back to defaults.
 */
export function parsePreferences(raw: unknown): Preferences {
  if (!raw || typeof raw !== 'object') return structuredClone(DEFAULT_PREFERENCES);
  const value = raw as Record<string, unknown>;
  const customModels = Array.isArray(value.customModels)
    ? value.customModels.filter(
        (item): item is CustomModelInput =>
          !!item && typeof item === 'object' && isString(item.id) && isString(item.weightsUrl) && isString(item.libraryUrl),
      )
    : [];
  return {
    version: 1,
    modelIds: Array.isArray(value.modelIds) ? value.modelIds.filter(isString).slice(0, 4) : [],
    systemPrompt: isString(value.systemPrompt) ? value.systemPrompt : '',
    prompt: isString(value.prompt) ? value.prompt : '',
    settings: normaliseSettings((value.settings as Record<string, unknown>) ?? {}),
    parallel: value.parallel === true,
    cacheBackend: value.cacheBackend === 'indexeddb' ? 'indexeddb' : 'cache',
    customModels,
    mode: APP_MODES.find((mode) => mode === value.mode) ?? 'compare',
    projector: value.projector === true,
  };
}

export async function loadPreferences(): Promise<Preferences> {
  try {
    return parsePreferences(await get(KEY));
  } catch {
    return structuredClone(DEFAULT_PREFERENCES); // IndexedDB blocked (private mode): start fresh
  }
}

export async function savePreferences(preferences: Preferences): Promise<void> {
  try {
    await set(KEY, preferences);
  } catch {
    // Storage unavailable or full: preferences are a convenience, never worth an error dialog.
  }
}
