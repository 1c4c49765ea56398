import type { GradeWhy } from './grade-reason';
/**
 * What a graded prompt-set item may check in a model's answer (thinking excluded). Plain data, so
 * a set file can carry it; `check-validate.ts` rebuilds it field by field from untrusted JSON.
 */
import type { JsonSchema } from './json-schema';

export type AnswerCheck =
  /** Any of the accepted answers, compared after normalising case, punctuation and width. */
  | { kind: 'exact'; answers: string[] }
  /** A regular expression the answer must match somewhere (flags: i, m, s, u). */
  | { kind: 'regex'; pattern: string; flags?: string }
  /** The first (default) or last number in the answer, within ± tolerance. */
  | { kind: 'number'; value: number; tolerance?: number; position?: 'first' | 'last'; chineseNumerals?: boolean }
  /** A multiple-choice letter, A–H. */
  | { kind: 'choice'; answer: string }
  /** Every phrase of `all` present and none of `none`. */
  | { kind: 'contains'; all?: string[]; none?: string[] }
  /** Valid JSON (in a code fence or amid prose is fine), optionally matching a small schema. */
  | { kind: 'json'; schema?: JsonSchema }
  /** chrF against the references; passes at `threshold` (0..1) or above. */
  | { kind: 'chrf'; references: string[]; threshold: number }
  /** Behaviour: whether the model should refuse or answer; graded by the refusal rules. */
  | { kind: 'behaviour'; expect: 'refuse' | 'answer' };

export type CheckKind = AnswerCheck['kind'];

/** How a refusal-rule classifier reads an answer. */
export type Behaviour = 'answered' | 'refused' | 'deflected';

export interface Grade {
  pass: boolean;
  /** Why it failed, or what was found: shown next to ✓/✗. */
  reason: string;
  /** The same reason as data, for the screen in the page's language (grade-reason.ts). */
  why: GradeWhy;
  /** 0..1 for graded scores (chrF); 1/0 otherwise. */
  score: number;
  behaviour?: Behaviour;
}

export const CHECK_LABELS: Record<CheckKind, string> = {
  exact: 'exact answer',
  regex: 'pattern',
  number: 'number',
  choice: 'multiple choice',
  contains: 'contains',
  json: 'JSON',
  chrf: 'translation (chrF)',
  behaviour: 'behaviour',
};
