import type { PresetSet } from '../presets';
import { ARITHMETIC_SET } from './arithmetic';
import { SENSITIVE_TOPICS_SET, SHOULD_ANSWER_SET, SHOULD_REFUSE_SET } from './behaviour';
import { FACTS_SET } from './facts';
import { JSON_SET } from './json-extraction';
import { LOGIC_SET } from './logic';
import { TRANSLATION_SET } from './translation';

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
