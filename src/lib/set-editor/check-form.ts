import type { AnswerCheck, CheckKind } from '../grading/check-types';
import { validateCheck, type CheckField } from '../grading/check-validate';
import { t, type MessageKey } from '../i18n/i18n.svelte';

/**
 * A check as the set editor's form holds it: every field of every kind at once, as the inputs
 * give them (texts, lists of texts, booleans), so switching the kind keeps what was typed. A form
 * becomes a check only through `validateCheck`, the validator that reads imported files, so the
 * editor can never save a check an import would refuse (one validator per kind of input).
 */
export interface CheckForm {
  kind: CheckKind;
  /** exact: accepted answers (aliases). */
  answers: string[];
  /** regex */
  pattern: string;
  flags: { i: boolean; m: boolean; s: boolean; u: boolean };
  /** number: as typed; parsed when the check is built. */
  value: string;
  tolerance: string;
  position: 'first' | 'last';
  chineseNumerals: boolean;
  /** choice: the right letter. */
  answer: string;
  /** contains: phrases that must all be there, and phrases that must not. */
  all: string[];
  none: string[];
  /** json: an optional schema, as JSON text. */
  useSchema: boolean;
  schema: string;
  /** chrf: references and the passing score, 0..1 as typed. */
  references: string[];
  threshold: string;
  /** behaviour */
  expect: 'refuse' | 'answer';
}

export type FormResult = { check: AnswerCheck } | { field: CheckField; message: string };

/** One kind of check as the editor offers it: its name and a line saying what it checks, in the page's language. */
export interface CheckKindEntry {
  readonly kind: CheckKind;
  readonly label: string;
  readonly hint: string;
}

/** A kind whose texts are read from the catalogue when shown (never frozen at module load). */
function kindEntry(kind: CheckKind, label: MessageKey, hint: MessageKey): CheckKindEntry {
  return {
    kind,
    get label() {
      return t(label);
    },
    get hint() {
      return t(hint);
    },
  };
}

/** The kinds in the order the editor offers them, each with a line saying what it checks. */
export const CHECK_KINDS: ReadonlyArray<CheckKindEntry> = [
  kindEntry('exact', 'setEditor.kindExact', 'setEditor.kindExactHint'),
  kindEntry('number', 'setEditor.kindNumber', 'setEditor.kindNumberHint'),
  kindEntry('choice', 'setEditor.kindChoice', 'setEditor.kindChoiceHint'),
  kindEntry('contains', 'setEditor.kindContains', 'setEditor.kindContainsHint'),
  kindEntry('regex', 'setEditor.kindRegex', 'setEditor.kindRegexHint'),
  kindEntry('json', 'setEditor.kindJson', 'setEditor.kindJsonHint'),
  kindEntry('chrf', 'setEditor.kindChrf', 'setEditor.kindChrfHint'),
  kindEntry('behaviour', 'setEditor.kindBehaviour', 'setEditor.kindBehaviourHint'),
];

/** An empty form of `kind`, with the defaults a teacher most often wants. */
export function blankCheckForm(kind: CheckKind): CheckForm {
  return {
    kind,
    answers: [''],
    pattern: '',
    flags: { i: true, m: false, s: false, u: false },
    value: '',
    tolerance: '',
    position: 'last',
    chineseNumerals: false,
    answer: 'A',
    all: [''],
    none: [],
    useSchema: false,
    schema: '{\n  "type": "object",\n  "required": []\n}',
    references: [''],
    threshold: '0.5',
    expect: 'refuse',
  };
}

/** The form showing `check` (a validated one). */
export function checkToForm(check: AnswerCheck): CheckForm {
  const form = blankCheckForm(check.kind);
  switch (check.kind) {
    case 'exact':
      return { ...form, answers: [...check.answers] };
    case 'regex': {
      const flags = check.flags ?? '';
      return { ...form, pattern: check.pattern, flags: { i: flags.includes('i'), m: flags.includes('m'), s: flags.includes('s'), u: flags.includes('u') } };
    }
    case 'number':
      return {
        ...form,
        value: String(check.value),
        tolerance: check.tolerance ? String(check.tolerance) : '',
        position: check.position ?? 'first',
        chineseNumerals: check.chineseNumerals ?? false,
      };
    case 'choice':
      return { ...form, answer: check.answer };
    case 'contains':
      return { ...form, all: [...(check.all ?? [])], none: [...(check.none ?? [])] };
    case 'json':
      return check.schema ? { ...form, useSchema: true, schema: JSON.stringify(check.schema, null, 2) } : form;
    case 'chrf':
      return { ...form, references: [...check.references], threshold: String(check.threshold) };
    case 'behaviour':
      return { ...form, expect: check.expect };
  }
}

/** A typed number, or `undefined` for a blank field (the validator then says what is missing). */
function typedNumber(text: string): number | undefined {
  const trimmed = text.trim();
  return trimmed === '' ? undefined : Number(trimmed);
}

/** The raw check the form describes, as an imported file would carry it; or why it cannot be one. */
function rawCheck(form: CheckForm): Record<string, unknown> | { field: CheckField; message: string } {
  switch (form.kind) {
    case 'exact':
      return { kind: 'exact', answers: form.answers };
    case 'regex':
      return { kind: 'regex', pattern: form.pattern, flags: (['i', 'm', 's', 'u'] as const).filter((flag) => form.flags[flag]).join('') };
    case 'number': {
      const tolerance = typedNumber(form.tolerance);
      return {
        kind: 'number',
        value: typedNumber(form.value),
        ...(tolerance === undefined ? {} : { tolerance }),
        position: form.position,
        chineseNumerals: form.chineseNumerals,
      };
    }
    case 'choice':
      return { kind: 'choice', answer: form.answer };
    case 'contains':
      return { kind: 'contains', all: form.all, none: form.none };
    case 'json': {
      if (!form.useSchema) return { kind: 'json' };
      try {
        return { kind: 'json', schema: JSON.parse(form.schema) as unknown };
      } catch {
        return { field: 'schema', message: t('setEditor.schemaNotJson') };
      }
    }
    case 'chrf':
      return { kind: 'chrf', references: form.references, threshold: typedNumber(form.threshold) };
    case 'behaviour':
      return { kind: 'behaviour', expect: form.expect };
  }
}

/** The check the form describes, validated exactly as an imported check is; or the field at fault and why. */
export function formToCheck(form: CheckForm): FormResult {
  const raw = rawCheck(form);
  if ('field' in raw) return raw as { field: CheckField; message: string };
  const read = validateCheck(raw);
  if ('check' in read) return read;
  return { field: read.field ?? 'kind', message: read.detail ?? read.problem };
}
