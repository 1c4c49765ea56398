import { get, set } from 'idb-keyval';
import { EngineClient, type WorkerFactory } from '../engine/engine-client';
import { describeError } from '../engine/errors';
import type { CacheBackend, ModelSpec } from '../engine/protocol';
import type { GpuReport } from '../gpu/probe';
import { browserName } from '../benchmark/browser-name';
import { describeCounts, mergeById } from '../files/merge-by-id';
import { DEFAULT_REFUSAL_RULES } from '../grading/default-refusal-rules';
import { parseRuleLines, readRules, type RefusalRules } from '../grading/refusal-rules';
import type { GradedItem, GradedRun, GradeOverride } from '../graded-runs/graded-run';
import { classTableCsv, classTableMarkdown } from '../graded-runs/result-export';
import { parseResultFile, RUN_IDENTITY, toResultFile } from '../graded-runs/result-file';
import { deleteRun, listRuns, saveRun } from '../graded-runs/result-store';
import { runGradedSet, type GradedTarget } from '../graded-runs/runner';
import { classTable, scoreRun } from '../graded-runs/scores';
import { GRADED_SETS, gradedSets } from '../presets/graded';
import { t } from '../i18n/i18n.svelte';
import type { PresetSet } from '../presets/presets';

const RULES_KEY = 'lineup:refusal-rules';
/** Greedy with a fixed seed: the same model gives the same answers on every device. */
export const GRADED_SETTINGS = { temperature: 0, topP: 1, seed: 1 } as const;
export const DEFAULT_MAX_TOKENS = 256;

export interface GradingProgress {
  text: string;
  done: number;
  total: number;
}

/**
 * Graded sets: a whole set through the line-up, answers graded by each item's check, scores with
 * intervals, hand overrides, and class results merged from several devices' files.
 */
export class GradingState {
  selectedSetKey = $state(`builtin:${GRADED_SETS[0]!.id}`);
  maxTokens = $state(DEFAULT_MAX_TOKENS);
  deviceLabel = $state('');
  running = $state(false);
  progress = $state<GradingProgress | null>(null);
  runs = $state.raw<GradedRun[]>([]);
  /** The run shown in full: the latest one, or one picked from the list. */
  selectedRunId = $state<string | null>(null);
  rules = $state.raw<RefusalRules>(DEFAULT_REFUSAL_RULES);
  notice = $state<{ kind: 'info' | 'error'; text: string } | null>(null);

  readonly #userSets: () => readonly PresetSet[];
  readonly #workerFactory: WorkerFactory | undefined;
  #client: EngineClient | null = null;
  #stopped = false;

  constructor(userSets: () => readonly PresetSet[], workerFactory?: WorkerFactory) {
    this.#userSets = userSets;
    this.#workerFactory = workerFactory;
  }

  /** Built-in graded sets, then the person's own sets that carry at least one check. Keys never collide. */
  sets = $derived.by(() => [
    ...gradedSets().map((entry) => ({ key: `builtin:${entry.id}`, set: entry })), // in the page's language
    ...this.#userSets().filter((entry) => entry.prompts.some((prompt) => prompt.check)).map((entry) => ({ key: `user:${entry.id}`, set: entry })),
  ]);
  selectedSet = $derived(this.sets.find((entry) => entry.key === this.selectedSetKey)?.set ?? this.sets[0]?.set ?? null);
  selectedRun = $derived(this.runs.find((run) => run.id === this.selectedRunId) ?? this.runs.at(-1) ?? null);
  scores = $derived(this.selectedRun ? scoreRun(this.selectedRun, this.rules) : []);
  classResults = $derived(this.selectedRun ? classTable(this.runs, this.selectedRun.set.id, this.rules) : null);

  async load(): Promise<void> {
    try {
      this.rules = readRules(await get(RULES_KEY), DEFAULT_REFUSAL_RULES);
      const { runs, skipped } = await listRuns();
      this.runs = runs;
      if (skipped) this.notice = { kind: 'error', text: t('grading.skippedDamaged', { count: skipped }) };
    } catch (error) {
      this.notice = { kind: 'error', text: t('grading.readFailed', { reason: (error as Error).message }) };
    }
  }

  async start(models: readonly GradedTarget[], gpu: GpuReport | null, cacheBackend: CacheBackend): Promise<void> {
    const chosen = this.selectedSet;
    if (this.running || models.length === 0 || !chosen) return;
    if (!gpu?.available) {
      this.notice = { kind: 'error', text: t('grading.nothingCanAnswer') };
      return;
    }
    const items: GradedItem[] = chosen.prompts.flatMap((prompt) =>
      prompt.check ? [{ id: prompt.id, title: prompt.title, prompt: prompt.prompt, ...(prompt.systemPrompt ? { systemPrompt: prompt.systemPrompt } : {}), check: $state.snapshot(prompt.check) }] : [],
    );
    const maxTokens = Math.min(4096, Math.max(1, Math.round(Number(this.maxTokens) || DEFAULT_MAX_TOKENS)));
    this.maxTokens = maxTokens;
    const targets = models.map((model) => ({ label: model.label, spec: { ...($state.snapshot(model.spec) as ModelSpec), cacheBackend } }));
    const run: GradedRun = {
      format: 'lineup-grades',
      version: 1,
      id: crypto.randomUUID(),
      createdAt: new Date().toISOString(),
      device: { label: this.deviceLabel.trim() || t('grading.thisDevice'), gpu: gpu.description || gpu.vendor || '', browser: browserName(navigator.userAgent) },
      appVersion: __APP_VERSION__,
      engineVersion: __ENGINE_VERSION__,
      set: { id: chosen.id, title: chosen.title, items },
      settings: { ...GRADED_SETTINGS, maxTokens },
      models: targets.map((target) => ({ modelId: target.spec.id, label: target.label, loadMs: null, answers: [] })),
      overrides: [],
    };
    this.running = true;
    this.#stopped = false;
    this.notice = null;
    this.#show(run);
    this.progress = { text: t('grading.starting'), done: 0, total: targets.length * (items.length + 1) };
    this.#client = new EngineClient(this.#workerFactory);
    const labels = new Map(targets.map((target) => [target.spec.id, target.label]));
    const ids = targets.map((target) => target.spec.id);
    try {
      const results = await runGradedSet(targets, items, { ...GRADED_SETTINGS, maxTokens }, this.#client, {
        onStep: (step, index, total) => {
          const model = t('grading.stepModel', { index: ids.indexOf(step.modelId) + 1, total: ids.length, model: labels.get(step.modelId) ?? '' });
          const text = step.kind === 'load' ? t('grading.stepLoading', { model }) : t('grading.stepItem', { model, index: items.findIndex((entry) => entry.id === step.itemId) + 1, total: items.length });
          this.progress = { text, done: index, total };
        },
        onAnswer: (modelId, answer) => {
          const current = this.runs.find((entry) => entry.id === run.id) ?? run;
          this.#show({ ...current, models: current.models.map((model) => (model.modelId === modelId ? { ...model, answers: [...model.answers, answer] } : model)) });
        },
        stopped: () => this.#stopped,
        describe: (error) => describeError(error).title,
      });
      const current = this.runs.find((entry) => entry.id === run.id) ?? run;
      const finished = { ...current, models: results };
      this.#show(finished);
      await this.#save(finished);
      if (this.#stopped) this.notice = { kind: 'info', text: t('grading.stopped') };
    } catch (error) {
      this.notice = { kind: 'error', text: describeError(error).title };
    } finally {
      this.#client.dispose();
      this.#client = null;
      this.running = false;
      this.progress = null;
    }
  }

  async stop(): Promise<void> {
    this.#stopped = true;
    await this.#client?.stop().catch(() => undefined);
  }

  /** Set a grade by hand (`null`: back to the automatic grade). */
  async override(runId: string, modelId: string, itemId: string, pass: boolean | null): Promise<void> {
    const run = this.runs.find((entry) => entry.id === runId);
    if (!run) return;
    const others = run.overrides.filter((entry) => entry.modelId !== modelId || entry.itemId !== itemId);
    const updated: GradedRun = { ...run, overrides: pass === null ? others : [...others, { modelId, itemId, pass }] };
    this.#show(updated);
    if (!this.running || runId !== this.selectedRun?.id) await this.#save(updated);
  }

  setRules(refusal: string, deflection: string): void {
    this.rules = { refusal: parseRuleLines(refusal), deflection: parseRuleLines(deflection) };
    void set(RULES_KEY, $state.snapshot(this.rules)).catch(() => undefined);
  }

  resetRules(): void {
    this.rules = DEFAULT_REFUSAL_RULES;
    void set(RULES_KEY, DEFAULT_REFUSAL_RULES).catch(() => undefined);
  }

  exportRun(run: GradedRun): string {
    return toResultFile(run);
  }

  exportClass(kind: 'csv' | 'md'): string {
    const table = this.classResults;
    if (!table) return '';
    return kind === 'csv' ? classTableCsv(table) : classTableMarkdown(table);
  }

  /** Another device's result file: added to the class table, never over a run here. */
  async importFile(text: string): Promise<void> {
    try {
      const run = parseResultFile(text);
      const { added, counts } = mergeById(this.runs, [run], RUN_IDENTITY);
      const from = t('grading.resultsOf', { device: run.device.label || t('grading.anotherDevice'), set: run.set.title });
      if (added[0]) {
        this.#show(added[0]);
        await this.#save(added[0]);
        this.notice = { kind: 'info', text: t('grading.imported', { from, counts: describeCounts(counts) }) };
        return;
      }
      // The same run (maybe with other hand grades): its hand grades fill in only what this device has not graded by hand.
      const here = this.runs.find((entry) => entry.id === run.id)!;
      const fresh = run.overrides.filter((entry) => !here.overrides.some((mine) => mine.modelId === entry.modelId && mine.itemId === entry.itemId));
      if (fresh.length) {
        const merged = { ...here, overrides: [...here.overrides, ...fresh] };
        this.#show(merged);
        await this.#save(merged);
      } else this.selectedRunId = here.id;
      this.notice = { kind: 'info', text: `${t('grading.alreadyHere', { from, counts: describeCounts(counts) })}${fresh.length ? t('grading.handGradesAdded', { count: fresh.length }) : ''}` };
    } catch (error) {
      this.notice = { kind: 'error', text: (error as Error).message };
    }
  }

  async remove(id: string): Promise<void> {
    this.runs = this.runs.filter((run) => run.id !== id);
    if (this.selectedRunId === id) this.selectedRunId = null;
    await deleteRun(id);
  }

  select(id: string): void {
    this.selectedRunId = id;
  }

  #show(run: GradedRun): void {
    const index = this.runs.findIndex((entry) => entry.id === run.id);
    this.runs = index < 0 ? [...this.runs, run] : this.runs.map((entry, position) => (position === index ? run : entry));
    this.selectedRunId = run.id;
  }

  async #save(run: GradedRun): Promise<void> {
    try {
      await saveRun(run);
    } catch (error) {
      this.notice = { kind: 'error', text: t('grading.saveFailed', { reason: (error as Error).message }) };
    }
  }

  dispose(): void {
    this.#client?.dispose();
  }
}

export type { GradeOverride };
