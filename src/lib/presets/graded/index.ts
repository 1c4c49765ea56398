import type { PresetSet } from '../presets';
import { localizeSet, type SetLanguage } from '../localize';
import { ARITHMETIC_SET } from './arithmetic';
import { SENSITIVE_TOPICS_SET, SHOULD_ANSWER_SET, SHOULD_REFUSE_SET } from './behaviour';
import { FACTS_SET } from './facts';
import { JSON_SET } from './json-extraction';
import { LOGIC_SET } from './logic';
import { TRANSLATION_SET } from './translation';
import { GRADED_ZH } from './zh-CN';

/**
 * The built-in graded sets: every item carries a check. Loaded with the grading view only (not
 * part of the first page load). Ids are stable: result files refer to them.
 */
export const GRADED_SETS: readonly PresetSet[] = [
  ARITHMETIC_SET,
  FACTS_SET,
  LOGIC_SET,
  TRANSLATION_SET,
  JSON_SET,
  SHOULD_REFUSE_SET,
  SHOULD_ANSWER_SET,
  SENSITIVE_TOPICS_SET,
];

/**
 * The graded sets in the page's language (or the one asked for): fresh copies, same ids and
 * checks (a Chinese version's exact checks also accept the Chinese answers). Reads the locale, so
 * a `$derived` calling it follows a language switch. GRADED_SETS stays the English source.
 */
export function gradedSets(language: SetLanguage = 'current'): PresetSet[] {
  return GRADED_SETS.map((set) => localizeSet(set, GRADED_ZH, language));
}
