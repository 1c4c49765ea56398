import type { GenerationSettings } from '../engine/protocol';

export const DEFAULT_SETTINGS: GenerationSettings = {
  temperature: 0.7,
  topP: 0.95,
  maxTokens: 256,
};

/** Ranges the controls allow; values outside are clamped rather than rejected. */
export const LIMITS = {
  temperature: { min: 0, max: 2, step: 0.05 },
  topP: { min: 0.05, max: 1, step: 0.05 },
  maxTokens: { min: 1, max: 4096, step: 1 },
  seed: { min: 0, max: 2 ** 31 - 1 },
} as const;

function clamp(value: unknown, min: number, max: number, fallback: number): number {
  // An emptied field (null, '') or a non-number means "not set", not zero.
  if (typeof value !== 'number' && (typeof value !== 'string' || value.trim() === '')) return fallback;
  const number = typeof value === 'number' ? value : Number(value);
  if (!Number.isFinite(number)) return fallback;
  return Math.min(max, Math.max(min, number));
}

/** Turn anything (form values, stored preferences) into valid settings. */
export function normaliseSettings(input: Partial<Record<keyof GenerationSettings, unknown>>): GenerationSettings {
  const settings: GenerationSettings = {
    temperature: clamp(input.temperature, LIMITS.temperature.min, LIMITS.temperature.max, DEFAULT_SETTINGS.temperature),
    topP: clamp(input.topP, LIMITS.topP.min, LIMITS.topP.max, DEFAULT_SETTINGS.topP),
    maxTokens: Math.round(clamp(input.maxTokens, LIMITS.maxTokens.min, LIMITS.maxTokens.max, DEFAULT_SETTINGS.maxTokens)),
  };
  if ((typeof input.seed === 'number' || typeof input.seed === 'string') && input.seed !== '') {
    const seed = Number(input.seed);
    if (Number.isInteger(seed)) settings.seed = clamp(seed, LIMITS.seed.min, LIMITS.seed.max, 0);
  }
  // Thinking is on unless switched off in so many words: anything but `false` keeps the default.
  if (input.thinking === false) settings.thinking = false;
  return settings;
}
