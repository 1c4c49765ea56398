/**
 * The interface language, and `t()`: every string a person reads comes through here.
 * English is bundled (the fallback, and most visitors' language); Chinese loads as its own chunk
 * before the page first draws (main.ts awaits `startLocale`), so nothing flashes in English.
 * `t()` reads the rune state, so text rendered with it follows a switch without a reload.
 */

import { en, type Catalogue, type MessageKey } from './messages/en';
import { interpolate, type MessageParams } from './interpolate';
import { localeFromLanguages, parseLocale, type Locale } from './locales';
import { pseudoOf, PSEUDO_CLOSE, PSEUDO_OPEN } from './pseudo';

export type { MessageKey } from './messages/en';
export type { MessageParams } from './interpolate';

/** Keys that come as a family `x.one` / `x.other` (Intl.PluralRules picks one). */
export type PluralKey = MessageKey extends infer K ? (K extends `${infer Base}.other` ? Base : never) : never;

/** Where the choice is remembered: read synchronously before the first draw. */
export const LOCALE_STORAGE_KEY = 'lineup.locale';

async function loadCatalogue(locale: Locale): Promise<Catalogue> {
  if (locale === 'zh-CN') return (await import('./messages/zh-CN')).zhCN;
  if (locale === 'pseudo') return pseudoOf(en);
  return en;
}

class I18nState {
  locale = $state<Locale>('en');
  #catalogue = $state.raw<Catalogue>(en);

  /** The language for Intl formatting (the pseudo-locale formats as English). */
  get intlLocale(): string {
    return this.locale === 'pseudo' ? 'en' : this.locale;
  }

  message(key: MessageKey): string {
    return this.#catalogue[key] ?? en[key] ?? key;
  }

  /** Switch language: the catalogue first (so no key shows untranslated), then the page. */
  async use(locale: Locale, remember = true): Promise<void> {
    const catalogue = await loadCatalogue(locale);
    this.#catalogue = catalogue;
    this.locale = locale;
    if (typeof document !== 'undefined') document.documentElement.lang = this.intlLocale;
    if (remember) {
      try {
        localStorage.setItem(LOCALE_STORAGE_KEY, locale);
      } catch {
        // Storage blocked (private mode, policy): the choice lasts for this visit.
      }
    }
  }
}

export const i18n = new I18nState();

/** The message for `key` in the current language, with `{name}` placeholders filled in. */
export function t(key: MessageKey, params?: MessageParams): string {
  return interpolate(i18n.message(key), params);
}

/** A counted message: `key.one` or `key.other` by the language's plural rules; `{count}` is filled in. */
export function tn(key: PluralKey, count: number, params?: MessageParams): string {
  const category = new Intl.PluralRules(i18n.intlLocale).select(count);
  const chosen = (category === 'one' ? `${key}.one` : `${key}.other`) as MessageKey;
  const withCount = { count: formatNumber(count), ...params };
  return interpolate(i18n.message(chosen) ?? i18n.message(`${key}.other` as MessageKey), withCount);
}

const numberFormats = new Map<string, Intl.NumberFormat>();

/** A number in the current language's style (digits grouping, decimal sign). */
export function formatNumber(value: number, options: Intl.NumberFormatOptions = {}): string {
  const id = `${i18n.intlLocale}|${JSON.stringify(options)}`;
  let format = numberFormats.get(id);
  if (!format) {
    format = new Intl.NumberFormat(i18n.intlLocale, options);
    numberFormats.set(id, format);
  }
  return format.format(value);
}

/** A date and time, in the current language's style. */
export function formatDateTime(value: number | Date, options: Intl.DateTimeFormatOptions = { dateStyle: 'medium', timeStyle: 'short' }): string {
  return new Intl.DateTimeFormat(i18n.intlLocale, options).format(value);
}

/** The language for this visit: ?lang= in the URL, else the remembered choice, else the browser's. */
export function initialLocale(search: string, languages: readonly string[], stored: string | null): Locale {
  const fromUrl = parseLocale(new URLSearchParams(search).get('lang'), __PSEUDO_LOCALE__);
  return fromUrl ?? parseLocale(stored, __PSEUDO_LOCALE__) ?? localeFromLanguages(languages);
}

/** Before the first draw (main.ts): pick the language and load its catalogue. */
export async function startLocale(): Promise<void> {
  let stored: string | null = null;
  try {
    stored = localStorage.getItem(LOCALE_STORAGE_KEY);
  } catch {
    // Storage blocked: fall back to the browser's language.
  }
  const locale = initialLocale(location.search, navigator.languages ?? [navigator.language], stored);
  // A URL's ?lang= is for this visit; only a choice made in the header is remembered.
  await i18n.use(locale, false).catch(() => i18n.use('en', false));
}

/**
 * Text from a data table (built-in prompt sets) that carries its own translation: the Chinese
 * when the page is in Chinese and the table has it, else the English (marked in the pseudo-locale
 * like catalogue text, so the pseudo check sees it as translated).
 */
export function localized(text: { readonly en: string; readonly 'zh-CN'?: string }): string {
  if (i18n.locale === 'zh-CN' && text['zh-CN']) return text['zh-CN'];
  if (i18n.locale === 'pseudo') return `${PSEUDO_OPEN}${text.en}${PSEUDO_CLOSE}`;
  return text.en;
}
