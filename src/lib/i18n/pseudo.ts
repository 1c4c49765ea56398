/**
 * The pseudo-locale: English wrapped in markers. A string on screen without them did not come
 * from the catalogue (tests/e2e/ui/i18n-pseudo.spec.ts renders every view this way).
 */

export const PSEUDO_OPEN = '⟦';
export const PSEUDO_CLOSE = '⟧';

export function pseudoOf<T extends Record<string, string>>(catalogue: T): T {
  return Object.fromEntries(
    Object.entries(catalogue).map(([key, text]) => [key, `${PSEUDO_OPEN}${text}${PSEUDO_CLOSE}`]),
  ) as T;
}
