/**
 * What a model card says about a model, in the interface language. The catalog data
 * (model-meta.ts, catalog.ts) stays in English: search matches it and the tests read it. Names
 * (models, families, publishers, licences) are shown as they are; the words around them, and
 * the few descriptive notes the data carries, go through the catalogue here, at display time.
 */
import type { CatalogEntry } from './catalog';
import type { ModelMeta } from './model-meta';
import { t, type MessageKey } from '../i18n/i18n.svelte';

const ORIGIN_KEYS: Readonly<Record<string, MessageKey>> = {
  China: 'picker.originChina',
  USA: 'picker.originUsa',
  Singapore: 'picker.originSingapore',
  France: 'picker.originFrance',
  UK: 'picker.originUk',
};

const LICENSE_NOTE_KEYS: Readonly<Record<string, MessageKey>> = {
  'Distilled onto Llama 3.1 weights, which stay under the Llama 3.1 Community License': 'picker.noteDistilledLlama',
  'Distilled onto Qwen2.5 weights (Apache-2.0)': 'picker.noteDistilledQwen',
  'Fine-tune; terms follow the base model': 'picker.noteFineTune',
  'Non-commercial research use': 'picker.noteResearch',
};

/** The publisher's country, or null when unknown (an unlisted one shows as written). */
export function originText(meta: ModelMeta): string | null {
  if (!meta.origin) return null;
  const key = ORIGIN_KEYS[meta.origin];
  return key ? t(key) : meta.origin;
}

/** True when the family / publisher are the placeholders of a model nobody described. */
export function familyIsCustom(meta: ModelMeta): boolean {
  return meta.family === 'Custom' && meta.tags.includes('custom');
}

export function publisherIsUnknown(meta: ModelMeta): boolean {
  return meta.publisher === 'Unknown';
}

/** "2.3B effective (5.1B total)", "1.5B", "unknown". */
export function paramsText(meta: ModelMeta): string {
  if (meta.paramsB === null || meta.paramsLabel === 'unknown') return t('picker.unknown');
  const effective = /^(\S+) effective \((\S+) total\)$/.exec(meta.paramsLabel);
  if (effective) return t('picker.paramsEffective', { effective: effective[1] ?? '', total: effective[2] ?? '' });
  return meta.paramsLabel;
}

/**
 * `q4f16_1`, `q4f32_1 · 1k context`, `custom`. `isName`: the text is only codes (a quantization,
 * a build suffix), marked not to translate; otherwise it holds interface words.
 */
export function variantText(entry: CatalogEntry): { text: string; isName: boolean } {
  const { quantCode, suffix } = entry.meta;
  if (quantCode === null) return { text: t('picker.variantCustom'), isName: false };
  if (entry.source === 'custom' || suffix === null) return { text: quantCode, isName: true };
  return /^\d+k$/i.test(suffix)
    ? { text: t('picker.variantContext', { quant: quantCode, size: suffix }), isName: false }
    : { text: `${quantCode} · ${suffix}`, isName: true };
}

/**
 * The licence: a name is shown as written (and marked not to translate); the placeholders for
 * "we do not know" are interface text. `isName` says which it is.
 */
export function licenseText(meta: ModelMeta): { text: string; isName: boolean } {
  if (meta.license === 'see model card') return { text: t('picker.seeModelCard'), isName: false };
  if (meta.license === 'unknown — see the model card') return { text: t('picker.licenseUnknown'), isName: false };
  return { text: meta.license, isName: true };
}

export function licenseNoteText(meta: ModelMeta): string {
  if (!meta.licenseNote) return '';
  const key = LICENSE_NOTE_KEYS[meta.licenseNote];
  return key ? t(key) : meta.licenseNote;
}
