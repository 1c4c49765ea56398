/**
 * The glossary's words, as they appear on screen ("What is prefill?"), in the page's language.
 * The texts live in the message catalogue (namespace "glossary"); this maps each entry to its keys.
 */

import { t, type MessageKey } from '../i18n/i18n.svelte';

export type GlossaryKey =
  | 'token'
  | 'quantization'
  | 'q4f16'
  | 'q4f32'
  | 'shader-f16'
  | 'context-window'
  | 'prefill'
  | 'decode'
  | 'temperature'
  | 'top-p'
  | 'engine-wall-clock';

/** Each entry's keys: `term` as it reads in "What is …?", `name` for the panel's heading. */
const KEYS: Readonly<Record<GlossaryKey, { term: MessageKey; name: MessageKey; explanation: MessageKey }>> = {
  token: { term: 'glossary.tokenTerm', name: 'glossary.tokenName', explanation: 'glossary.tokenExplanation' },
  quantization: { term: 'glossary.quantizationTerm', name: 'glossary.quantizationName', explanation: 'glossary.quantizationExplanation' },
  q4f16: { term: 'glossary.q4f16Term', name: 'glossary.q4f16Name', explanation: 'glossary.q4f16Explanation' },
  q4f32: { term: 'glossary.q4f32Term', name: 'glossary.q4f32Name', explanation: 'glossary.q4f32Explanation' },
  'shader-f16': { term: 'glossary.shaderF16Term', name: 'glossary.shaderF16Name', explanation: 'glossary.shaderF16Explanation' },
  'context-window': { term: 'glossary.contextWindowTerm', name: 'glossary.contextWindowName', explanation: 'glossary.contextWindowExplanation' },
  prefill: { term: 'glossary.prefillTerm', name: 'glossary.prefillName', explanation: 'glossary.prefillExplanation' },
  decode: { term: 'glossary.decodeTerm', name: 'glossary.decodeName', explanation: 'glossary.decodeExplanation' },
  temperature: { term: 'glossary.temperatureTerm', name: 'glossary.temperatureName', explanation: 'glossary.temperatureExplanation' },
  'top-p': { term: 'glossary.topPTerm', name: 'glossary.topPName', explanation: 'glossary.topPExplanation' },
  'engine-wall-clock': { term: 'glossary.engineWallClockTerm', name: 'glossary.engineWallClockName', explanation: 'glossary.engineWallClockExplanation' },
};

export const GLOSSARY_KEYS = Object.keys(KEYS) as GlossaryKey[];

/** "a token", "the context window": the word inside "What is …?". */
export function glossaryTerm(key: GlossaryKey): string {
  return t(KEYS[key].term);
}

/** The word as the panel's heading ("token", "context window"). */
export function glossaryName(key: GlossaryKey): string {
  return t(KEYS[key].name);
}

/** The explanation, in the page's language. */
export function glossaryExplanation(key: GlossaryKey): string {
  return t(KEYS[key].explanation);
}
