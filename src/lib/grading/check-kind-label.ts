import { t, type MessageKey } from '../i18n/i18n.svelte';
import type { CheckKind } from './check-types';

/** A check kind's name on screen, in the page's language (CHECK_LABELS keeps the English). */
const KEYS: Record<CheckKind, MessageKey> = {
  exact: 'grading.kindExact',
  regex: 'grading.kindRegex',
  number: 'grading.kindNumber',
  choice: 'grading.kindChoice',
  contains: 'grading.kindContains',
  json: 'grading.kindJson',
  chrf: 'grading.kindChrf',
  behaviour: 'grading.kindBehaviour',
};

export function checkKindLabel(kind: CheckKind): string {
  return t(KEYS[kind]);
}
