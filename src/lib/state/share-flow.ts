import { CustomModelError, customModelEntry, findModel, type CatalogEntry } from '../catalog/catalog';
import type { SharedComparison } from '../share/share-link';
import { sharedCustomModelOf, sharedMetricsOf } from '../share/share-values';
import type { PaneSession } from './pane-session.svelte';
import type { PromptState } from './prompt.svelte';
import { i18n, t } from '../i18n/i18n.svelte';

/**
 * The compare view to and from a share link, apart from LineupState: what a link carries from
 * the panes, and what a received link's custom models and models become here.
 */

/** "Not loaded: id: reasons." for a custom model refused by customModelEntry. */
export function refusal(modelId: string, error: unknown): string {
  const reasons = error instanceof CustomModelError ? error.problems.join('; ') : String((error as Error)?.message ?? error);
  // The message ends the sentence itself (a full stop, or 。 in Chinese).
  return t('shareLink.refused', { id: modelId.slice(0, 80), reasons: reasons.replace(/[.。]?$/, '') });
}

/** A link's value: the line-up, the prompt and settings, each pane's output with its figures. */
export function sharedComparisonOf(panes: readonly PaneSession[], prompt: PromptState): SharedComparison {
  return {
    modelIds: panes.map((pane) => pane.key),
    systemPrompt: prompt.systemPrompt,
    prompt: prompt.prompt,
    settings: prompt.settings,
    // Thinking apart from the answer, as in history; a pane that only thought shares its thinking.
    outputs: panes
      .filter((pane) => pane.output)
      .map((pane) => ({ modelId: pane.key, text: pane.answer, metrics: sharedMetricsOf(pane.metrics), ...(pane.thinking.split.thinking ? { thinking: pane.thinking.split.thinking } : {}) })),
    // Custom models travel by URL; the recipient's app checks them like its own custom-model form.
    customModels: panes.filter((pane) => pane.model.custom).map((pane) => sharedCustomModelOf(pane.model.spec)),
  };
}

/**
 * A received link's custom models that this app does not know yet, through the same URL rules
 * and host policy as the custom-model form: the entries to add, and why each refused one was.
 */
export function sharedCustomEntries(shared: SharedComparison, catalog: readonly CatalogEntry[]): { added: CatalogEntry[]; refused: Map<string, string> } {
  const added: CatalogEntry[] = [];
  const refused = new Map<string, string>();
  for (const custom of shared.customModels ?? []) {
    if (findModel(custom.id, catalog) || added.some((entry) => entry.id === custom.id)) continue;
    try {
      added.push(customModelEntry(custom));
    } catch (error) {
      refused.set(custom.id, refusal(custom.id, error));
    }
  }
  return { added, refused };
}

/** What the recipient is told: loaded, and each model that was refused or is not in the catalog. */
export function sharedNotice(refused: ReadonlyMap<string, string>, missing: readonly string[]): { kind: 'info' | 'error'; text: string } {
  const left = missing.filter((id) => !refused.has(id));
  const problems = [...refused.values(), ...(left.length ? [t('shareLink.notInCatalog', { ids: left.join(', ') })] : [])];
  return {
    kind: problems.length ? 'error' : 'info',
    text: [t('shareLink.loaded'), ...problems].join(i18n.locale === 'zh-CN' ? '' : ' '),
  };
}
