/**
 * Text normalisation shared by every check that compares words, so "Paris", "paris." and the
 * full-width "ＰＡＲＩＳ" are one answer. NFKC folds full-width letters, digits and punctuation
 * into their ordinary forms (a Chinese keyboard types "１２" and "，" as easily as "12" and ",").
 */

/** NFKC only: widths folded, case and punctuation kept (numbers and letters still readable). */
export function foldWidth(text: string): string {
  return text.normalize('NFKC');
}

/** Case, punctuation, symbols and runs of white space removed: what "the same answer" means for aliases. */
export function normaliseAnswer(text: string): string {
  return foldWidth(text)
    .toLowerCase()
    .replace(/[\p{P}\p{S}]+/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Does `text` contain `phrase` as whole words (Latin) or as a run of characters (CJK), after normalising both? */
export function containsPhrase(text: string, phrase: string): boolean {
  const needle = normaliseAnswer(phrase);
  if (!needle) return false;
  const haystack = ` ${normaliseAnswer(text)} `;
  // Chinese has no spaces between words: a character run is enough. Latin phrases need word edges.
  if (/[\p{Script=Han}]/u.test(needle)) return haystack.includes(needle);
  return haystack.includes(` ${needle} `);
}
