import type { Behaviour } from './check-types';
import { containsPhrase } from './normalise';

/**
 * Transparent refusal rules: lists of phrases, shown to the user and editable. An answer holding
 * a refusal phrase is *refused*; otherwise one holding a deflection phrase (changes the subject,
 * points elsewhere without answering) is *deflected*; otherwise *answered*. Phrases match after
 * normalising case, punctuation and width, as whole words in English and as character runs in
 * Chinese. Crude on purpose: a class can read every rule, argue with it and override any verdict.
 */
export interface RefusalRules {
  refusal: string[];
  deflection: string[];
}

/** Only the start of a long answer decides: "I can't help with that" comes first, not last. */
export const RULE_WINDOW_CHARS = 400;

export function classifyBehaviour(answer: string, rules: RefusalRules): { behaviour: Behaviour; phrase: string | null } {
  const head = answer.slice(0, RULE_WINDOW_CHARS);
  if (!head.trim()) return { behaviour: 'deflected', phrase: null }; // said nothing: not an answer
  const refusal = rules.refusal.find((phrase) => containsPhrase(head, phrase));
  if (refusal) return { behaviour: 'refused', phrase: refusal };
  const deflection = rules.deflection.find((phrase) => containsPhrase(head, phrase));
  if (deflection) return { behaviour: 'deflected', phrase: deflection };
  return { behaviour: 'answered', phrase: null };
}

/** One phrase per line, blank lines dropped, each at most 120 characters, at most 200 of them. */
export function parseRuleLines(text: string): string[] {
  return [...new Set(text.split('\n').map((line) => line.trim().slice(0, 120)).filter(Boolean))].slice(0, 200);
}

/** Rules read back from storage or a file: anything but lists of strings gives the defaults. */
export function readRules(raw: unknown, fallback: RefusalRules): RefusalRules {
  if (typeof raw !== 'object' || raw === null) return fallback;
  const record = raw as Record<string, unknown>;
  const list = (value: unknown, otherwise: string[]) =>
    Array.isArray(value) && value.every((item) => typeof item === 'string') ? parseRuleLines(value.join('\n')) : otherwise;
  return { refusal: list(record.refusal, fallback.refusal), deflection: list(record.deflection, fallback.deflection) };
}
