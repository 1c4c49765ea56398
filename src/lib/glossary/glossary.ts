/**
 * The words on screen that a 15-year-old may not know, each explained in two plain sentences
 * (message catalogue, namespace "glossary"). Shown by the "?" next to the word
 * (components/glossary/GlossaryTerm.svelte).
 */

import { GLOSSARY_KEYS, glossaryExplanation, glossaryTerm, type GlossaryKey } from './glossary-terms';

export type { GlossaryKey } from './glossary-terms';

export interface GlossaryEntry {
  /** The word as it appears on screen ("What is prefill?"). */
  readonly term: string;
  readonly explanation: string;
}

/** Getters: each read gives the text in the current language (a switch needs no reload). */
export const GLOSSARY: Readonly<Record<GlossaryKey, GlossaryEntry>> = Object.fromEntries(
  GLOSSARY_KEYS.map((key) => [
    key,
    {
      get term() {
        return glossaryTerm(key);
      },
      get explanation() {
        return glossaryExplanation(key);
      },
    },
  ]),
) as Record<GlossaryKey, GlossaryEntry>;
