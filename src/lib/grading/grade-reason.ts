import { i18n, type MessageKey } from '../i18n/i18n.svelte';
import { PSEUDO_CLOSE, PSEUDO_OPEN } from '../i18n/pseudo';
import enGrading from '../i18n/messages/en/grading';

/**
 * Why an answer passed or failed, as data: a message key and its parameters. The grade keeps an
 * English rendering (`Grade.reason`, stable for tests and records) and the screen renders this in
 * the page's language. Parameters that quote the set or the answer ("Canberra", a phrase, an
 * option letter) are marked, so the page can keep them out of translation.
 */
export type ReasonParam =
  | number
  /** Text quoted from the item or the answer. */
  | { readonly quote: string }
  /** Quoted alternatives, "“a” or “b”". */
  | { readonly or: readonly string[] }
  /** Quoted phrases, "“a”, “b”". */
  | { readonly and: readonly string[] }
  /** A word of the interface (refused, answer…). */
  | { readonly msg: ReasonKey };

export type ReasonKey = keyof typeof enGrading & MessageKey;

export interface GradeWhy {
  key: ReasonKey;
  params?: Readonly<Record<string, ReasonParam>>;
}

/** A piece of a rendered reason; `quoted` pieces are the set's or the model's own text. */
export interface ReasonPart {
  text: string;
  quoted: boolean;
}

const PLACEHOLDER = /\{([a-zA-Z][a-zA-Z0-9_]*)\}/g;

type Lookup = (key: ReasonKey) => string;

function render(why: GradeWhy, lookup: Lookup, wrap: (literal: string) => string): ReasonPart[] {
  const template = lookup(why.key);
  const parts: ReasonPart[] = [];
  const literal = (text: string) => {
    if (text) parts.push({ text: wrap(text), quoted: false });
  };
  let at = 0;
  for (const match of template.matchAll(PLACEHOLDER)) {
    literal(template.slice(at, match.index));
    at = match.index + match[0].length;
    const param = why.params?.[match[1] ?? ''];
    if (param === undefined) literal(match[0]);
    else if (typeof param === 'number') parts.push({ text: String(param), quoted: false });
    else if ('quote' in param) parts.push({ text: param.quote, quoted: true });
    else if ('msg' in param) literal(lookup(param.msg));
    else {
      const items = 'or' in param ? param.or : param.and;
      const joiner = lookup('or' in param ? 'grading.listOr' : 'grading.listAnd');
      items.forEach((item, index) => {
        if (index > 0) literal(joiner);
        parts.push({ text: `“${item}”`, quoted: true });
      });
    }
  }
  literal(template.slice(at));
  return parts;
}

/** The reason in English, whatever the page's language (what `Grade.reason` holds). */
export function englishReason(why: GradeWhy): string {
  return render(why, (key) => enGrading[key], (text) => text).map((part) => part.text).join('');
}

/**
 * The reason in the page's language, in pieces. The pseudo-locale wraps whole templates in
 * markers; here each literal piece is wrapped on its own, so quoted pieces can sit between them.
 */
export function reasonParts(why: GradeWhy): ReasonPart[] {
  const pseudo = i18n.locale === 'pseudo';
  const unwrap = (text: string) => (pseudo && text.startsWith(PSEUDO_OPEN) && text.endsWith(PSEUDO_CLOSE) ? text.slice(PSEUDO_OPEN.length, -PSEUDO_CLOSE.length) : text);
  return render(why, (key) => unwrap(i18n.message(key)), (text) => (pseudo ? `${PSEUDO_OPEN}${text}${PSEUDO_CLOSE}` : text));
}

/** The reason in the page's language, as one string. */
export function reasonText(why: GradeWhy): string {
  return reasonParts(why).map((part) => part.text).join('');
}
