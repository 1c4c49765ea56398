/**
 * The glossary's words, as they appear on screen ("What is prefill?"): part of the first page
 * load, for the "?" buttons' names. Their explanations (glossary.ts) load on the first "?".
 */

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

export const GLOSSARY_TERMS: Readonly<Record<GlossaryKey, string>> = {
  token: 'a token',
  quantization: 'quantization',
  q4f16: 'q4f16',
  q4f32: 'q4f32',
  'shader-f16': 'shader-f16',
  'context-window': 'the context window',
  prefill: 'prefill',
  decode: 'decode',
  temperature: 'temperature',
  'top-p': 'top-p',
  'engine-wall-clock': 'where these numbers come from',
};
