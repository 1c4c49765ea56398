/**
 * The words on screen that a 15-year-old may not know, each explained in two plain sentences.
 * Shown by the "?" next to the word (components/glossary/GlossaryTerm.svelte).
 */

import { GLOSSARY_TERMS, type GlossaryKey } from './glossary-terms';

export type { GlossaryKey } from './glossary-terms';

export interface GlossaryEntry {
  /** The word as it appears on screen ("What is prefill?"). */
  term: string;
  explanation: string;
}

const EXPLANATIONS: Readonly<Record<GlossaryKey, { explanation: string }>> = {
  token: {
    explanation: 'Models read and write text in small pieces called tokens: a short word, part of a longer word, or a punctuation mark. On average a token is about ¾ of an English word.',
  },
  quantization: {
    explanation: 'A way to shrink a model by storing each of its numbers with fewer bits, like saving a photo at lower quality. The model gets much smaller and faster to download, and usually answers almost as well.',
  },
  q4f16: {
    explanation: 'The model’s numbers are stored in 4 bits each (q4) and the graphics card calculates with 16-bit numbers (f16). It is the smallest and fastest build, but it needs a GPU that can do 16-bit maths (shader-f16).',
  },
  q4f32: {
    explanation: 'The model’s numbers are stored in 4 bits each (q4), and the graphics card calculates with 32-bit numbers (f32). It works on more GPUs than q4f16, and is a little bigger.',
  },
  'shader-f16': {
    explanation: 'Whether this graphics card and browser can do maths with 16-bit numbers. With it, models can use the smaller q4f16 builds; without it, Lineup picks q4f32 builds instead.',
  },
  'context-window': {
    explanation: 'How much text the model can keep in mind at once, counted in tokens: your prompt and its answer together must fit. Text beyond it is simply not seen.',
  },
  prefill: {
    explanation: 'The first step of an answer: the model reads your whole prompt. Reading speed says how many prompt tokens per second it gets through; a long prompt makes this step take longer.',
  },
  decode: {
    explanation: 'The second step: the model writes its answer one token at a time, each new token depending on all the ones before. Writing speed is how many tokens per second it writes.',
  },
  temperature: {
    explanation: 'How adventurous the model is when picking the next word. Low (near 0): it almost always picks the most likely word, so answers are predictable. High: more surprising, sometimes nonsense.',
  },
  'top-p': {
    explanation: 'Limits the choice of the next word to the most likely ones whose chances add up to p. At 1.0 every word may be picked; at 0.5 only the likeliest half of the probability is used, so answers stay safer.',
  },
  'engine-wall-clock': {
    explanation: '“Engine” figures are measured by web-llm, the program that runs the model, and count only the model’s own work. “Wall clock” figures are timed by this page, as you waited for them, so they include everything else too (downloading, drawing the text on screen).',
  },
};

export const GLOSSARY: Readonly<Record<GlossaryKey, GlossaryEntry>> = Object.fromEntries(
  (Object.keys(GLOSSARY_TERMS) as GlossaryKey[]).map((key) => [key, { term: GLOSSARY_TERMS[key], explanation: EXPLANATIONS[key].explanation }]),
) as Record<GlossaryKey, GlossaryEntry>;
