/**
 * The download sources in words, in the interface language (the page only: sources.ts and
 * choice.ts stay free of the i18n module, as the engine worker and the build config import them).
 */
import { t, type MessageKey } from '../i18n/i18n.svelte';
import { SOURCES, type LibrarySourceId, type SourceCatalog, type SourceInfo, type WeightsSourceId } from './sources';
import type { SourceChoice } from './choice';

const HINTS: Readonly<Record<`weights:${WeightsSourceId}` | `libraries:${LibrarySourceId}`, MessageKey>> = {
  'weights:huggingface': 'source.hintHuggingface',
  'weights:hf-mirror': 'source.hintHfMirror',
  'weights:mirror': 'source.hintMirrorWeights',
  'libraries:github': 'source.hintGithub',
  'libraries:jsdelivr': 'source.hintJsdelivr',
  'libraries:mirror': 'source.hintMirrorLibraries',
};

/** Is this label a proper name (a host or a company), not interface text? Only a mirror's is worded. */
export const isNamedSource = (source: SourceInfo<string>): boolean => source.id !== 'mirror';

/** What the setting shows: "hf-mirror.com", or "This site's mirror (models.school.example)". */
export function sourceLabel(source: SourceInfo<string>): string {
  return isNamedSource(source) ? source.label : t('source.mirrorLabel', { host: source.host });
}

/** One line on when to pick it. */
export function sourceHint(kind: 'weights' | 'libraries', source: SourceInfo<string>): string {
  const key = (HINTS as Readonly<Record<string, MessageKey>>)[`${kind}:${source.id}`];
  return key ? t(key, { host: source.host }) : '';
}

/** "hf-mirror.com (weights) and jsDelivr (libraries)", for the summary line and notices. */
export function describeChoice(choice: SourceChoice, catalog: SourceCatalog = SOURCES): string {
  const weights = catalog.weights.find((source) => source.id === choice.weights);
  const libraries = catalog.libraries.find((source) => source.id === choice.library);
  return t('source.choice', { weights: weights ? sourceLabel(weights) : choice.weights, libraries: libraries ? sourceLabel(libraries) : choice.library });
}
