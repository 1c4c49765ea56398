import { describe, expect, it } from 'vitest';
import { en } from '../../src/lib/i18n/messages/en';
import { zhCN } from '../../src/lib/i18n/messages/zh-CN';
import { interpolate, placeholdersOf } from '../../src/lib/i18n/interpolate';
import { localeFromLanguages, parseLocale } from '../../src/lib/i18n/locales';
import { pseudoOf, PSEUDO_OPEN, PSEUDO_CLOSE } from '../../src/lib/i18n/pseudo';
import { i18n, initialLocale, t, tn } from '../../src/lib/i18n/i18n.svelte';

describe('the two catalogues', () => {
  it('have exactly the same keys (a missing or an extra key fails)', () => {
    const enKeys = Object.keys(en).sort();
    const zhKeys = Object.keys(zhCN).sort();
    expect(zhKeys.filter((key) => !enKeys.includes(key))).toEqual([]);
    expect(enKeys.filter((key) => !zhKeys.includes(key))).toEqual([]);
  });

  it('use the same placeholders in every message', () => {
    const mismatched = Object.keys(en)
      .map((key) => ({ key, en: placeholdersOf(en[key as keyof typeof en]), zh: placeholdersOf(zhCN[key as keyof typeof en] ?? '') }))
      .filter((entry) => entry.en.join() !== entry.zh.join());
    expect(mismatched).toEqual([]);
  });

  it('have no empty message, and every Chinese message is actually translated or deliberately the same', () => {
    expect(Object.entries(en).filter(([, text]) => text.trim() === '')).toEqual([]);
    expect(Object.entries(zhCN).filter(([, text]) => text.trim() === '')).toEqual([]);
    // A Chinese message identical to the English one is allowed only when it has no letters
    // that read as English words (units, symbols, product names like "web-llm").
    const untranslated = Object.entries(zhCN).filter(
      ([key, text]) => text === en[key as keyof typeof en] && /[a-z]{3,}\s+[a-z]{3,}/i.test(text),
    );
    expect(untranslated).toEqual([]);
  });

  it('keep plural families whole: every x.one has an x.other', () => {
    const keys = Object.keys(en);
    expect(keys.filter((key) => key.endsWith('.one') && !keys.includes(key.replace(/\.one$/, '.other')))).toEqual([]);
  });
});

describe('interpolate', () => {
  it('fills named placeholders with text and leaves unknown ones visible', () => {
    expect(interpolate('{name} has {count} tokens', { name: '<b>x</b>', count: 3 })).toBe('<b>x</b> has 3 tokens');
    expect(interpolate('{missing} stays', {})).toBe('{missing} stays');
    expect(placeholdersOf('{b} and {a} and {b}')).toEqual(['a', 'b']);
  });
});

describe('choosing the language', () => {
  it('follows the browser: any Chinese gives Chinese, English or anything else gives English', () => {
    expect(localeFromLanguages(['zh-CN', 'en'])).toBe('zh-CN');
    expect(localeFromLanguages(['zh-TW'])).toBe('zh-CN');
    expect(localeFromLanguages(['fr-FR', 'zh'])).toBe('zh-CN');
    expect(localeFromLanguages(['en-GB', 'zh-CN'])).toBe('en');
    expect(localeFromLanguages(['de'])).toBe('en');
    expect(localeFromLanguages([])).toBe('en');
  });

  it('prefers ?lang=, then the remembered choice, and refuses anything that is not a locale', () => {
    expect(initialLocale('?lang=zh-CN', ['en'], 'en')).toBe('zh-CN');
    expect(initialLocale('', ['en'], 'zh-CN')).toBe('zh-CN');
    expect(initialLocale('?lang=<script>', ['en'], '__proto__')).toBe('en');
    expect(parseLocale('constructor')).toBeNull();
    expect(parseLocale('pseudo')).toBeNull();
    expect(parseLocale('pseudo', true)).toBe('pseudo');
  });
});

describe('t and tn', () => {
  it('switch language at once, and wrap every string in the pseudo-locale', async () => {
    await i18n.use('zh-CN', false);
    expect(t('app.close')).toBe(zhCN['app.close']);
    await i18n.use('pseudo', false);
    expect(t('app.close')).toBe(`${PSEUDO_OPEN}${en['app.close']}${PSEUDO_CLOSE}`);
    await i18n.use('en', false);
    expect(t('app.footerEngine', { engine: 'web-llm 0.2.86' })).toBe('engine: web-llm 0.2.86');
    expect(Object.values(pseudoOf({ a: 'x' }))).toEqual(['⟦x⟧']);
  });

  it('pick the plural form by count', async () => {
    const family = Object.keys(en).find((key) => key.endsWith('.one'));
    expect(family).toBeDefined();
    const base = family!.replace(/\.one$/, '') as Parameters<typeof tn>[0];
    await i18n.use('en', false);
    expect(tn(base, 1)).toBe(interpolate(en[`${base}.one` as keyof typeof en], { count: '1' }));
    expect(tn(base, 2)).toBe(interpolate(en[`${base}.other` as keyof typeof en], { count: '2' }));
  });
});
