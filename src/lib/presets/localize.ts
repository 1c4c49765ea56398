import { i18n, localized } from '../i18n/i18n.svelte';
import type { AnswerCheck } from '../grading/check-types';
import type { PresetSet, PromptPreset } from './presets';

/**
 * Built-in sets in the reader's language. The English sets are the source of truth (ids, checks,
 * and the text existing result files and tests refer to); a translation table keyed by set id and
 * prompt id lays the Chinese over them. A field the table leaves out stays in English: that is how
 * an item whose point is its original text (a sentence to translate, a question asked in Chinese)
 * keeps it.
 */

export interface PromptTranslation {
  title?: string;
  systemPrompt?: string;
  prompt?: string;
  note?: string;
  /**
   * More accepted answers for an exact check, as a Chinese model writes them (堪培拉 for Canberra).
   * Added to the English ones, so an answer in either language passes.
   */
  answers?: readonly string[];
}

export interface SetTranslation {
  title: string;
  description: string;
  prompts: Readonly<Record<string, PromptTranslation>>;
}

export type TranslationTable = Readonly<Record<string, SetTranslation>>;

/**
 * 'current' follows the page (through `localized`, so the pseudo-locale marks the text and a
 * `$derived` reading the result follows a language switch); 'en' and 'zh-CN' give that version
 * whatever the page shows (an import compares a file against every version of the built-in sets).
 */
export type SetLanguage = 'current' | 'en' | 'zh-CN';

function pick(en: string, zh: string | undefined, language: SetLanguage): string {
  if (language === 'current') return localized({ en, 'zh-CN': zh });
  return language === 'zh-CN' && zh ? zh : en;
}

function isChinese(language: SetLanguage): boolean {
  return language === 'zh-CN' || (language === 'current' && i18n.locale === 'zh-CN');
}

function localizeCheck(check: AnswerCheck, extra: PromptTranslation | undefined, language: SetLanguage): AnswerCheck {
  const copy = structuredClone(check);
  if (copy.kind === 'exact' && extra?.answers && isChinese(language)) {
    copy.answers = [...copy.answers, ...extra.answers.filter((answer) => !copy.answers.includes(answer))];
  }
  return copy;
}

function localizePrompt(prompt: PromptPreset, zh: PromptTranslation | undefined, language: SetLanguage): PromptPreset {
  const out: PromptPreset = { id: prompt.id, title: pick(prompt.title, zh?.title, language), prompt: pick(prompt.prompt, zh?.prompt, language) };
  if (prompt.systemPrompt !== undefined) out.systemPrompt = pick(prompt.systemPrompt, zh?.systemPrompt, language);
  if (prompt.note !== undefined) out.note = pick(prompt.note, zh?.note, language);
  if (prompt.check !== undefined) out.check = localizeCheck(prompt.check, zh, language);
  return out;
}

/** A fresh copy of `set` in `language` (same ids, same order, same checks but for added answers). */
export function localizeSet(set: PresetSet, table: TranslationTable, language: SetLanguage = 'current'): PresetSet {
  const zh = table[set.id];
  return {
    id: set.id,
    title: pick(set.title, zh?.title, language),
    description: pick(set.description, zh?.description, language),
    prompts: set.prompts.map((prompt) => localizePrompt(prompt, zh?.prompts[prompt.id], language)),
    builtin: set.builtin,
  };
}
