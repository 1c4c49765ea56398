import { get, set } from 'idb-keyval';
import type { CacheBackend, GenerationSettings } from '../engine/protocol';
import { DEFAULT_SETTINGS, normaliseSettings } from '../prompt/settings';
import { modelUrlProblem } from '../security/model-url-rules';
import { defaultSourceChoice, parseSourceChoice, type SourceChoice } from '../download-source/choice';
import { i18n, t } from '../i18n/i18n.svelte';

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
  /** "Download models from": the weights and library sources (src/lib/download-source/). */
  downloadSource: SourceChoice;
}

export type AppMode = 'compare' | 'arena' | 'benchmark' | 'grading';
export const APP_MODES: readonly AppMode[] = ['compare', 'arena', 'benchmark', 'grading'];

/** A model a person added by URL; re-validated by the catalog every time it is read back. */
export interface CustomModelInput {
  id: string;
  weightsUrl: string;
  libraryUrl: string;
  contextWindowSize?: number;
}

const KEY = 'lineup:preferences';
/** More than anyone adds by hand; a damaged record cannot make start-up check millions. */
const MAX_CUSTOM_MODELS = 200;

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
  downloadSource: defaultSourceChoice(),
};

const isString = (value: unknown): value is string => typeof value === 'string';

/**
 * Accept only well-formed data: stored values may come from an older version or be damaged, and
 * a bad record must never stop the app from starting. Unknown shapes fall back to defaults.
 * Custom models that break the URL rules are left out and described in `refused`.
 */
export function parsePreferences(raw: unknown, refused: string[] = []): Preferences {
  if (!raw || typeof raw !== 'object') return structuredClone(DEFAULT_PREFERENCES);
  const value = raw as Record<string, unknown>;
  const customModels = Array.isArray(value.customModels) ? readCustomModels(value.customModels, refused) : [];
  return {
    version: 1,
    modelIds: Array.isArray(value.modelIds) ? value.modelIds.filter(isString).slice(0, 4) : [],
    systemPrompt: isString(value.systemPrompt) ? value.systemPrompt : '',
    prompt: isString(value.prompt) ? value.prompt : '',
    settings: normaliseSettings((value.settings as Record<string, unknown>) ?? {}),
    parallel: value.parallel === true,
    cacheBackend: value.cacheBackend === 'indexeddb' || value.cacheBackend === 'opfs' ? value.cacheBackend : 'cache',
    customModels,
    mode: APP_MODES.find((mode) => mode === value.mode) ?? 'compare',
    projector: value.projector === true,
    // Each half must name a source this build offers; anything else is this build's default.
    downloadSource: parseSourceChoice(value.downloadSource),
  };
}

/**
 * The same URL rules as the custom-model form (model-url-rules.ts), so nothing the form would
 * refuse (credentials, an over-long URL) is read back; the catalog checks the rest (hosts, .wasm,
 * ids) when the app adds them.
 */
function readCustomModels(items: unknown[], refused: string[]): CustomModelInput[] {
  const kept: CustomModelInput[] = [];
  for (const item of items.slice(0, MAX_CUSTOM_MODELS)) {
    if (!item || typeof item !== 'object') continue;
    const { id, weightsUrl, libraryUrl, contextWindowSize } = item as Record<string, unknown>;
    if (!isString(id)) continue;
    const problems = ([['storage.weightsUrlProblem', weightsUrl], ['storage.libraryUrlProblem', libraryUrl]] as const)
      .map(([key, url]) => [key, modelUrlProblem(url)] as const)
      .filter(([, problem]) => problem !== null)
      .map(([key, problem]) => t(key, { problem: problem! }));
    if (problems.length > 0) {
      refused.push(t('storage.customModelRefused', { id: id.slice(0, 80), problems: problems.join('; ') }));
      continue;
    }
    const model: CustomModelInput = { id, weightsUrl: weightsUrl as string, libraryUrl: libraryUrl as string };
    if (typeof contextWindowSize === 'number') model.contextWindowSize = contextWindowSize;
    kept.push(model);
  }
  return kept;
}

/** `refused` receives a sentence per stored custom model left out (see parsePreferences). */
export async function loadPreferences(refused: string[] = []): Promise<Preferences> {
  // The words for a refused custom model, read back before anything else asked for them.
  await i18n.need(['storage']).catch(() => undefined);
  try {
    return parsePreferences(await get(KEY), refused);
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
