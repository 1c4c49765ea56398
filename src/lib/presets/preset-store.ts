import { get, set } from 'idb-keyval';
import { sanitizePresetSets, type PresetSet } from './presets';

/**
 * The user's own preset sets, kept in IndexedDB on this device. Built-in sets are never stored:
 * they ship with the app, so an update can improve them.
 */

const KEY = 'lineup:preset-sets';

export interface LoadedPresetSets {
  sets: PresetSet[];
  /** Stored sets that could not be read back (damaged, or from an incompatible version). */
  dropped: number;
}

/** Never throws: unreadable storage or bad data gives the sets that are still valid (maybe none). */
export async function loadUserPresetSets(): Promise<LoadedPresetSets> {
  let raw: unknown;
  try {
    raw = await get(KEY);
  } catch {
    return { sets: [], dropped: 0 }; // IndexedDB blocked (private mode): nothing was ever saved
  }
  if (raw === undefined) return { sets: [], dropped: 0 };
  if (!Array.isArray(raw)) return { sets: [], dropped: 1 }; // not a list at all: count it as one lost record
  const { sets } = sanitizePresetSets(raw);
  return { sets, dropped: raw.length - sets.length };
}

/**
 * Store the user's sets (built-in ones are skipped). Resolves false when storage is unavailable
 * or full, so the UI can say the sets will not survive a reload: unlike preferences, these are
 * the user's own work.
 */
export async function saveUserPresetSets(sets: readonly PresetSet[]): Promise<boolean> {
  // Plain copies: Svelte $state proxies cannot be structured-cloned into IndexedDB.
  const plain = sets
    .filter((item) => !item.builtin)
    .map((item) => ({
      id: item.id,
      title: item.title,
      description: item.description,
      builtin: false,
      prompts: item.prompts.map(({ id, title, systemPrompt, prompt, note, check }) => ({
        id,
        title,
        prompt,
        ...(systemPrompt !== undefined ? { systemPrompt } : {}),
        ...(note !== undefined ? { note } : {}),
        ...(check !== undefined ? { check: structuredClone(check) } : {}),
      })),
    }));
  try {
    await set(KEY, plain);
    return true;
  } catch {
    return false;
  }
}
