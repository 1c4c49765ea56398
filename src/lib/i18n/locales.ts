/**
 * The languages the interface speaks, and how the first visit picks one.
 * "pseudo" exists only in the scripted-engine test build (__PSEUDO_LOCALE__): it wraps every
 * catalogue string in ⟦ ⟧ so a test can find text on screen that bypassed the catalogue.
 */

export const LOCALES = ['en', 'zh-CN'] as const;
export type Locale = (typeof LOCALES)[number] | 'pseudo';

/** Each language's name in its own language: what the header's switch lists. */
export const LOCALE_NAMES: Readonly<Record<(typeof LOCALES)[number], string>> = {
  en: 'English',
  'zh-CN': '简体中文',
};

/** One validator for a locale from anywhere untrusted (localStorage, the URL). */
export function parseLocale(value: unknown, pseudoAllowed = false): Locale | null {
  if (typeof value !== 'string') return null;
  if ((LOCALES as readonly string[]).includes(value)) return value as Locale;
  if (value === 'pseudo' && pseudoAllowed) return 'pseudo';
  return null;
}

/**
 * The browser's preferred languages, in order, decide: the first that is English or any Chinese
 * wins (a Traditional Chinese reader is better served by Simplified than by English); otherwise
 * English.
 */
export function localeFromLanguages(languages: readonly string[]): Locale {
  for (const language of languages) {
    const primary = language.toLowerCase().split('-')[0];
    if (primary === 'zh') return 'zh-CN';
    if (primary === 'en') return 'en';
  }
  return 'en';
}
