/**
 * The interface language, and `t()`: every string a person reads comes through here.
 * English is bundled (the fallback, and most visitors' language); Chinese loads as its own chunk
 * before the page first draws (main.ts awaits `startLocale`), so nothing flashes in English.
 * `t()` reads the rune state, so text rendered with it follows a switch without a reload.
 */

import type { MessageKey } from './messages/en';
import { enCore } from './messages/en/core';
import { LAZY_NAMESPACES } from './messages/lazy-namespaces';
import { interpolate, type MessageParams } from './interpolate';
import { localeFromLanguages, parseLocale, type Locale } from './locales';
import { pseudoOf, PSEUDO_CLOSE, PSEUDO_OPEN } from './pseudo';

export type { MessageKey } from './messages/en';
export type { MessageParams } from './interpolate';

/** Keys that come as a family `x.one` / `x.other` (Intl.PluralRules picks one). */
export type PluralKey = MessageKey extends infer K ? (K extends `${infer Base}.other` ? Base : never) : never;

/** Where the choice is remembered: read synchronously before the first draw. */
export const LOCALE_STORAGE_KEY = 'lineup.locale';

type Strings = Readonly<Record<string, string>>;

async function loadCore(locale: Locale): Promise<Strings> {
  if (locale === 'zh-CN') return (await import('./messages/zh-CN/core')).zhCore;
  return locale === 'pseudo' ? pseudoOf(enCore) : enCore;
}

async function loadNamespace(locale: Locale, namespace: string): Promise<Strings> {
  const loaders = LAZY_NAMESPACES[namespace];
  if (!loaders) return {};
  const strings = (await (locale === 'zh-CN' ? loaders['zh-CN'] : loaders.en)()).default;
  return locale === 'pseudo' ? pseudoOf(strings) : strings;
}

class I18nState {
  locale = $state<Locale>('en');
  #catalogue = $state.raw<Strings>(enCore);
  /** Lazy namespaces asked for so far (a language switch loads them again, in the new language). */
  #wanted = new Set<string>();
  #loading = new Map<string, Promise<void>>();

  /** The language for Intl formatting (the pseudo-locale formats as English). */
  get intlLocale(): string {
    return this.locale === 'pseudo' ? 'en' : this.locale;
  }

  /**
   * The text for a key. A key of a lazy namespace not loaded yet starts its loading and reads as
   * empty until it arrives (the catalogue is rune state, so the text then appears by itself);
   * views that load lazily ask for their namespaces with the code (`need`), so this is rare.
   */
  message(key: MessageKey): string {
    const text = this.#catalogue[key];
    if (text !== undefined) return text;
    const namespace = key.slice(0, key.indexOf('.'));
    if (namespace in LAZY_NAMESPACES) void this.need([namespace]).catch(() => {});
    return '';
  }

  /** Load lazy namespaces in the current language (with a view's code: see lazy-component). */
  need(namespaces: readonly string[]): Promise<void> {
    const locale = this.locale;
    return Promise.all(
      namespaces
        .filter((namespace) => namespace in LAZY_NAMESPACES)
        .map((namespace) => {
          this.#wanted.add(namespace);
          const id = `${locale}:${namespace}`;
          let loading = this.#loading.get(id);
          if (!loading) {
            loading = loadNamespace(locale, namespace).then((strings) => {
              // A switch while this was loading: the switch loads the namespace itself.
              if (this.locale === locale) this.#catalogue = { ...this.#catalogue, ...strings };
            });
            // A failed chunk (offline) may be asked for again.
            loading.catch(() => this.#loading.delete(id));
            this.#loading.set(id, loading);
          }
          return loading;
        }),
    ).then(() => undefined);
  }

  /** Switch language: the strings first (so nothing shows half-translated), then the page. */
  async use(locale: Locale, remember = true): Promise<void> {
    const parts = await Promise.all([loadCore(locale), ...[...this.#wanted].map((namespace) => loadNamespace(locale, namespace))]);
    this.#catalogue = Object.assign({}, ...parts) as Strings;
    this.#loading.clear();
    for (const namespace of this.#wanted) this.#loading.set(`${locale}:${namespace}`, Promise.resolve());
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
  const category = formatter(Intl.PluralRules, {}).select(count);
  const chosen = (category === 'one' ? `${key}.one` : `${key}.other`) as MessageKey;
  const withCount = { count: formatNumber(count), ...params };
  return interpolate(i18n.message(chosen) || i18n.message(`${key}.other` as MessageKey), withCount);
}

/**
 * One Intl object per language and options, kept: building one costs far more than using it,
 * and counts, figures and dates are formatted on every streamed update and every history row.
 */
const formatters = new Map<string, unknown>();
function formatter<T, O>(Kind: new (locale: string, options: O) => T, options: O): T {
  const id = `${Kind.name}|${i18n.intlLocale}|${JSON.stringify(options)}`;
  let made = formatters.get(id) as T | undefined;
  if (!made) {
    made = new Kind(i18n.intlLocale, options);
    formatters.set(id, made);
  }
  return made;
}

/** A number in the current language's style (digits grouping, decimal sign). */
export function formatNumber(value: number, options: Intl.NumberFormatOptions = {}): string {
  return formatter(Intl.NumberFormat, options).format(value);
}

/** A date and time, in the current language's style. */
export function formatDateTime(value: number | Date, options: Intl.DateTimeFormatOptions = { dateStyle: 'medium', timeStyle: 'short' }): string {
  return formatter(Intl.DateTimeFormat, options).format(value);
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
