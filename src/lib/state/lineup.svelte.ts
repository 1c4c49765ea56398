import { allModels, curatedDefaults, CustomModelError, customModelEntry, findModel, toModelSpec, type CatalogEntry, type CustomModelInput } from '../catalog/catalog';
import { checkPromptBudget } from '../prompt/prompt-budget';
import { loadPreferences, savePreferences, type AppMode, type Preferences } from '../storage/preferences';
import { COMPARE_MIN_MODELS, CompareState, MAX_MODELS } from './compare.svelte';
import { GpuState } from './gpu.svelte';
import { PromptState } from './prompt.svelte';
import { StorageState } from './storage.svelte';
import { ShareState } from './share.svelte';
import { PresetState } from './presets.svelte';
import { HistoryState, loadHistoryModules } from './history.svelte';
import { RunRecorder } from './run-recorder';
import type { RunContext } from '../history/record-builder';
import type { RunRecord } from '../history/run-record';
import type { PromptPreset } from '../presets/presets';
import type { SharedComparison } from '../share/share-link';
import { isCheckFragment } from '../device/check-route';
import type { GenerationSettings } from '../engine/protocol';
import type { RecoveryAction } from '../engine/errors';
import type { PaneSession } from './pane-session.svelte';
import { fitsInQuota } from '../storage/model-cache';
import { formatBytes } from '../metrics/format';
import { formatNumber, t } from '../i18n/i18n.svelte';
import { refusal, sharedComparisonOf, sharedCustomEntries, sharedNotice } from './share-flow';

/** Pane header text: the model, plus its quantization so variants are told apart. */
export function paneLabel(entry: CatalogEntry): string {
  const quant = entry.meta.quantCode;
  return quant && !entry.base.includes(quant) ? `${entry.base} · ${quant}` : entry.base;
}

/**
 * The whole app's state, wired together: GPU check, catalog (with custom models), the line-up,
 * the prompt form, and what is remembered between visits. Components get pieces of it as props.
 */
export class LineupState {
  readonly gpu = new GpuState();
  readonly compare = new CompareState();
  readonly prompt = new PromptState();
  readonly storage = new StorageState();
  readonly share = new ShareState();
  readonly presets = new PresetState();
  readonly history = new HistoryState();
  mode = $state<AppMode>('compare');
  /** Large type and high contrast for a classroom projector. */
  projector = $state(false);
  customEntries = $state<CatalogEntry[]>([]);
  /** True once preferences are read back, so nothing is saved over them before that. */
  restored = $state(false);

  catalog = $derived<readonly CatalogEntry[]>([...allModels(), ...this.customEntries]);
  curated = $derived(curatedDefaults(this.gpu.report, allModels()));
  entriesById = $derived(new Map(this.catalog.map((entry) => [entry.id, entry])));

  /** Smallest context window in the line-up, for the prompt length check. */
  smallestContext = $derived.by(() => {
    const windows = this.compare.panes
      .map((pane) => pane.model.spec.contextWindowSize ?? this.entriesById.get(pane.key)?.meta.contextWindowSize ?? null)
      .filter((value): value is number => value !== null);
    return windows.length > 0 ? Math.min(...windows) : null;
  });

  /** A gentle nudge (Run still works) when only one model is lined up. */
  runHint = $derived(
    this.compare.panes.length === 1 ? t('catalog.runHint', { max: formatNumber(MAX_MODELS) }) : null,
  );

  /** Estimated bytes still to download for this line-up (models not yet in the cache). */
  pendingDownloadBytes = $derived(
    this.compare.panes
      .filter((pane) => !this.storage.isCached(pane.model.spec.weightsUrl))
      .reduce((sum, pane) => sum + (this.entriesById.get(pane.key)?.meta.estimatedDownloadBytes ?? 0), 0),
  );

  /** Warn before a download that would not fit in the browser's storage quota. */
  storageWarning = $derived.by(() => {
    if (this.pendingDownloadBytes === 0) return null;
    if (fitsInQuota(this.pendingDownloadBytes, this.storage.figures) !== false) return null;
    const free = Math.max(0, (this.storage.figures.quota ?? 0) - (this.storage.figures.usage ?? 0));
    return t('catalog.storageWarning', { needed: formatBytes(this.pendingDownloadBytes), free: formatBytes(free) });
  });

  /** Why Run is not possible right now, in words; null when it is. */
  runProblem = $derived.by(() => {
    if (this.gpu.report && !this.gpu.report.available) return t('catalog.runNoWebgpu');
    if (this.compare.panes.length === 0) return t('catalog.runNoModels', { min: formatNumber(COMPARE_MIN_MODELS), max: formatNumber(MAX_MODELS) });
    if (this.prompt.isEmpty) return t('catalog.runNoPrompt');
    const budget = checkPromptBudget(`${this.prompt.systemPrompt}\n${this.prompt.prompt}`, this.prompt.settings.maxTokens, this.smallestContext);
    return budget.message;
  });

  async start(): Promise<void> {
    // The probe comes first: which variant a first visit starts with depends on shader-f16.
    await Promise.all([this.gpu.probe(), this.storage.refresh(), this.presets.load(), this.history.load()]);
    await this.#restore();
    await this.#openShareLink(false);
    window.addEventListener('hashchange', () => void this.#openShareLink(true));
  }

  /**
   * Replace the line-up with these models (by catalog id). Returns the ids that are not in this
   * app's catalog (a custom model the sender had, or a model a newer web-llm dropped).
   */
  setLineup(modelIds: string[]): string[] {
    if (this.compare.running) return [];
    [...this.compare.panes].forEach((pane) => this.compare.remove(pane.key));
    const missing: string[] = [];
    for (const id of modelIds) {
      const entry = findModel(id, this.catalog);
      if (entry) this.addModel(entry);
      else missing.push(id);
    }
    return missing;
  }

  /** Load a comparison's set-up into the form; the person still presses Run. */
  applySetup(setup: { modelIds: string[]; systemPrompt: string; prompt: string; settings: GenerationSettings }): string[] {
    const missing = this.setLineup(setup.modelIds);
    this.prompt.apply(setup);
    return missing;
  }

  /** Carry out the recovery action offered with a pane's error. */
  async recover(pane: PaneSession, action: RecoveryAction): Promise<void> {
    switch (action) {
      case 'clear-model-cache':
        await this.storage.remove(pane.model.spec.weightsUrl);
        return this.retryPane(pane);
      case 'retry':
      case 'restart-engine':
        return this.retryPane(pane);
      case 'pick-other-model':
      case 'remove-model':
        return this.removeModel(pane.key);
      case 'delete-cached-library':
        await this.storage.removeLibrary(pane.model.spec.libraryUrl);
        return this.retryPane(pane);
      case 'try-other-source':
        this.storage.sources.tryNext();
        return this.retryPane(pane);
      default:
        return; // the UI handles the rest (focus the prompt, open storage)
    }
  }

  /** Run one pane again; `overrides` changes its settings for this run only (more max tokens). */
  async retryPane(pane: PaneSession, overrides: Partial<GenerationSettings> = {}): Promise<void> {
    if (this.runProblem) return;
    const request = this.prompt.request();
    await this.compare.retry(pane, { ...request, settings: { ...request.settings, ...overrides } });
    await this.storage.refresh();
  }

  /** Put a preset's prompt in the form (its system prompt too, when it has one). */
  usePreset(preset: PromptPreset): void {
    this.prompt.prompt = preset.prompt;
    if (preset.systemPrompt !== undefined) this.prompt.systemPrompt = preset.systemPrompt;
  }

  createShareLink(): Promise<void> {
    const value = sharedComparisonOf(this.compare.panes, this.prompt);
    return this.share.create($state.snapshot(value) as SharedComparison, window.location);
  }

  /**
   * A share link in the address: on start-up, or pasted into this open tab (the fragment changes
   * without a reload). In an open tab, text in the prompt box that the link would replace is
   * never dropped without asking: the link waits in `share.pending` for Apply or Keep mine.
   */
  async #openShareLink(inOpenTab: boolean): Promise<void> {
    const hash = window.location.hash;
    if (isCheckFragment(hash)) return; // the readiness check's view keeps its fragment
    // Drop the fragment once read, so a reload does not undo the person's edits (and the same
    // link opened again changes the fragment, so it arrives again).
    if (hash) history.replaceState(null, '', window.location.pathname + window.location.search);
    const shared = await this.share.open(hash);
    if (!shared) return;
    const typed = `${this.prompt.systemPrompt}${this.prompt.prompt}`.trim() !== '';
    const differs = this.prompt.prompt !== shared.prompt || this.prompt.systemPrompt !== shared.systemPrompt;
    if (inOpenTab && ((typed && differs) || this.compare.running)) this.share.ask(shared);
    else this.applyShared(shared);
  }

  /** Load a shared comparison (by default the one waiting for an answer) into the compare view. */
  applyShared(shared: SharedComparison | null = this.share.pending): void {
    if (!shared || this.compare.running) return;
    this.share.pending = null;
    this.share.receivedOutputs = shared.outputs ?? [];
    const { added, refused } = sharedCustomEntries(shared, this.catalog);
    this.customEntries.push(...added);
    this.share.notice = sharedNotice(refused, this.applySetup(shared));
  }

  addModel(entry: CatalogEntry): boolean {
    return this.compare.add({ spec: toModelSpec(entry), label: paneLabel(entry), custom: entry.source === 'custom' });
  }

  removeModel(id: string): void {
    this.compare.remove(id);
  }

  /**
   * Validate and add a custom model; throws CustomModelError with every problem found (the URL
   * rules and the host policy included: see customModelEntry).
   */
  addCustomModel(input: CustomModelInput): CatalogEntry {
    const entry = customModelEntry(input);
    const existing = this.customEntries.find((saved) => saved.id === entry.id);
    // One id, one pair of URLs: otherwise the line-up would run the new URLs while the saved
    // model (and the next visit) kept the old ones. Editing replaces a model (custom-model-editor).
    if (existing && (existing.record.model !== entry.record.model || existing.record.model_lib !== entry.record.model_lib)) {
      throw new CustomModelError([t('catalog.idTaken', { id: entry.id })]);
    }
    if (!existing) this.customEntries.push(entry);
    this.addModel(entry);
    return entry;
  }

  forgetCustomModel(id: string): void {
    this.removeModel(id);
    this.customEntries = this.customEntries.filter((entry) => entry.id !== id);
  }

  async run(): Promise<void> {
    if (this.runProblem || this.compare.running) return;
    const request = this.prompt.request();
    const gpu = this.gpu.report;
    const context: Omit<RunContext, 'device'> = {
      id: crypto.randomUUID(),
      createdAt: new Date().toISOString(),
      request,
      parallel: this.compare.parallel,
      appVersion: __APP_VERSION__,
      engineVersion: __ENGINE_VERSION__,
    };
    const panes = [...this.compare.panes];
    const running = this.compare.run(request); // clears the panes synchronously
    const recorder = new RunRecorder(
      // The record builder loads with the history (at start), not with the page.
      async (ended) => {
        const { buildRunRecord, deviceRecord } = await loadHistoryModules();
        const record = buildRunRecord({ ...context, device: deviceRecord(gpu, navigator.userAgent) }, panes, ended);
        await this.history.save($state.snapshot(record) as RunRecord);
      },
      () => panes.some((pane) => pane.output.trim() !== ''), // a run that produced nothing is not history
    );
    try {
      await running;
    } finally {
      await recorder.finish();
    }
    await this.storage.refresh(); // new downloads now show in the storage panel
  }

  /** A model's name for tables (votes and results keep ids; a custom or unknown id shows as is). */
  labelFor(modelId: string): string {
    const entry = this.entriesById.get(modelId);
    return entry ? paneLabel(entry) : modelId;
  }

  /**
   * Put a past run's models, prompt and settings back, and run it again. The record may come from
   * someone else's file: its custom models pass the same rules as the form's, and one that fails
   * is left out with the reason (the record itself stays in the history).
   */
  async rerun(record: RunRecord): Promise<void> {
    const refused = new Map<string, string>();
    for (const pane of record.panes) {
      if (findModel(pane.modelId, this.catalog)) continue;
      try {
        // A custom model from this or another device: add it back from its URLs.
        this.customEntries.push(customModelEntry({ id: pane.modelId, weightsUrl: pane.weightsUrl, libraryUrl: pane.libraryUrl }));
      } catch (error) {
        refused.set(pane.modelId, refusal(pane.modelId, error));
      }
    }
    const missing = this.applySetup({ ...record, modelIds: record.panes.map((pane) => pane.modelId) });
    const unknown = missing.filter((id) => !refused.has(id));
    const parts = [...refused.values(), ...(unknown.length > 0 ? [t('catalog.notInCatalog', { ids: unknown.join(', ') })] : [])];
    if (parts.length > 0) this.share.notice = { kind: 'error', text: parts.join(' ') };
    await this.run();
  }

  async #restore(): Promise<void> {
    const refused: string[] = [];
    const preferences = await loadPreferences(refused);
    for (const input of preferences.customModels) {
      try {
        const entry = customModelEntry(input);
        // The picker lists custom models by id: a second stored model with a taken id is left out, said so.
        if (this.customEntries.some((existing) => existing.id === entry.id)) refused.push(t('catalog.duplicateSaved', { id: entry.id }));
        else this.customEntries.push(entry);
      } catch (error) {
        // A stored custom model that breaks the rules (an older build, another host policy) is
        // not loaded, and not kept: the notice says which and why.
        refused.push(refusal(input.id, error));
      }
    }
    if (refused.length > 0) this.share.notice = { kind: 'error', text: t('catalog.savedRemoved', { reasons: refused.join(' ') }) };
    this.prompt.apply(preferences);
    this.compare.parallel = preferences.parallel;
    this.compare.cacheBackend = preferences.cacheBackend;
    this.storage.sources.use(preferences.downloadSource);
    this.mode = preferences.mode;
    this.projector = preferences.projector;
    const saved = preferences.modelIds.map((id) => findModel(id, this.catalog)).filter((entry) => entry !== undefined);
    // First visit: start with the first two recommended models, so Run is one prompt away.
    const initial = saved.length > 0 ? saved : curatedDefaults(this.gpu.report, allModels()).slice(0, 2);
    initial.forEach((entry) => this.addModel(entry));
    this.restored = true;
  }

  /** What to remember; read inside an $effect so every field it touches is tracked. */
  preferences(): Preferences {
    return {
      version: 1,
      modelIds: this.compare.panes.map((pane) => pane.key),
      systemPrompt: this.prompt.systemPrompt,
      prompt: this.prompt.prompt,
      settings: this.prompt.settings,
      parallel: this.compare.parallel,
      cacheBackend: this.compare.cacheBackend,
      mode: this.mode,
      projector: this.projector,
      downloadSource: this.storage.sources.choice,
      customModels: this.customEntries.map((entry) => ({
        id: entry.id,
        weightsUrl: entry.record.model,
        libraryUrl: entry.record.model_lib,
        ...(entry.record.overrides?.context_window_size === undefined ? {} : { contextWindowSize: entry.record.overrides.context_window_size }),
      })),
    };
  }

  save(): Promise<void> {
    return savePreferences($state.snapshot(this.preferences()) as Preferences);
  }
}
