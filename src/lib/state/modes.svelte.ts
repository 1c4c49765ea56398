import type ArenaView from '../components/arena/ArenaView.svelte';
import type BenchmarkView from '../components/benchmark/BenchmarkView.svelte';
import type GradingView from '../components/grading/GradingView.svelte';
import type { GradingState } from './grading.svelte';
import type { ArenaState } from './arena.svelte';
import type { BenchmarkState } from './benchmark.svelte';
import type { LineupState } from './lineup.svelte';
import type { PaneSession } from './pane-session.svelte';
import type { RecoveryAction } from '../engine/errors';
import type { AppMode } from '../storage/preferences';
import { i18n, t } from '../i18n/i18n.svelte';

/**
 * The two views beside the comparison, wired to the rest of the app: the blind arena and the
 * benchmark both take their models from the line-up, and share its cache backend and storage.
 *
 * Both are loaded on first use (state, rating maths, statistics, their components and messages), so a
 * visitor who only compares never downloads them: the first page load stays within its budget.
 */
export class ModesState {
  arena = $state.raw<ArenaState | null>(null);
  bench = $state.raw<BenchmarkState | null>(null);
  /** The views' components, once loaded. */
  arenaView = $state.raw<typeof ArenaView | null>(null);
  benchView = $state.raw<typeof BenchmarkView | null>(null);
  grading = $state.raw<GradingState | null>(null);
  gradingView = $state.raw<typeof GradingView | null>(null);
  readonly #app: LineupState;
  #starting = false;

  constructor(app: LineupState) {
    this.#app = app;
  }

  /** Load what a view needs (once), with its saved votes or results. */
  async open(mode: AppMode): Promise<void> {
    if (mode === 'arena') await this.#arena();
    if (mode === 'benchmark') await this.#bench();
    if (mode === 'grading') await this.#grading();
  }

  async #grading(): Promise<GradingState> {
    if (this.grading) return this.grading;
    const [{ GradingState }, view] = await Promise.all([import('./grading.svelte'), import('../components/grading/GradingView.svelte'), i18n.need(['grading'])]);
    if (!this.grading) {
      const grading = new GradingState(() => this.#app.presets.userSets);
      this.grading = grading;
      this.gradingView = view.default;
      await grading.load();
    }
    return this.grading;
  }

  async #arena(): Promise<ArenaState> {
    if (this.arena) return this.arena;
    const [{ ArenaState }, view] = await Promise.all([import('./arena.svelte'), import('../components/arena/ArenaView.svelte'), i18n.need(['arena'])]);
    if (!this.arena) {
      const arena = new ArenaState();
      this.arena = arena;
      this.arenaView = view.default;
      await arena.load();
    }
    return this.arena;
  }

  async #bench(): Promise<BenchmarkState> {
    if (this.bench) return this.bench;
    const [{ BenchmarkState }, view] = await Promise.all([import('./benchmark.svelte'), import('../components/benchmark/BenchmarkView.svelte'), i18n.need(['benchmark'])]);
    if (!this.bench) {
      const bench = new BenchmarkState();
      this.bench = bench;
      this.benchView = view.default;
      await bench.load();
    }
    return this.bench;
  }

  /** Whatever is running, in any view: only one thing uses the GPU at a time. */
  get busy(): boolean {
    return this.#starting || this.#app.compare.running || (this.arena?.run.running ?? false) || (this.bench?.running ?? false) || (this.grading?.running ?? false);
  }

  /** Why an arena battle cannot start; null when it can. */
  arenaProblem = $derived.by(() =>
    this.#app.compare.panes.length < 2 ? t('arena.problemNeedTwo') : this.#app.runProblem,
  );

  benchProblem = $derived.by(() => {
    const report = this.#app.gpu.report;
    if (report && !report.available) return t('benchmark.noWebGpu');
    return this.#app.compare.panes.length === 0 ? t('benchmark.problemNoModels') : null;
  });

  /** A graded set through every line-up model, one at a time. */
  async runGrading(): Promise<void> {
    if (this.gradingProblem || this.busy) return;
    const grading = await this.#freeGpuFor(() => this.#grading());
    const app = this.#app;
    await grading.start(app.compare.panes.map((pane) => ({ spec: pane.model.spec, label: pane.model.label })), app.gpu.report, app.compare.cacheBackend);
    await app.storage.refresh();
  }

  gradingProblem = $derived.by(() => {
    const report = this.#app.gpu.report;
    if (report && !report.available) return t('grading.noWebGpu');
    return this.#app.compare.panes.length === 0 ? t('grading.problemNoModels') : null;
  });

  #pool() {
    return this.#app.compare.panes.map((pane) => pane.model);
  }

  /** Draw a new blind pair from the line-up without running it yet. */
  newBattle(): void {
    this.arena?.newBattle(this.#pool());
  }

  /** A blind battle between two line-up models, on the prompt in the form. */
  async runArena(): Promise<void> {
    if (this.arenaProblem || this.busy) return;
    const arena = await this.#freeGpuFor(() => this.#arena());
    await arena.start(this.#pool(), this.#app.prompt.request(), this.#app.compare.cacheBackend);
    await this.#app.storage.refresh();
  }

  /** The fixed prompt suite through every line-up model. */
  async runBenchmark(): Promise<void> {
    if (this.benchProblem || this.busy) return;
    const bench = await this.#freeGpuFor(() => this.#bench());
    const app = this.#app;
    const models = app.compare.panes.map((pane) => ({
      spec: pane.model.spec,
      label: pane.model.label,
      size: app.entriesById.get(pane.key)?.meta ?? { paramsB: null, quantization: null },
    }));
    await bench.start(models, app.gpu.report, app.compare.cacheBackend, (spec) => app.storage.remove(spec.weightsUrl));
    await app.storage.refresh();
  }

  /**
   * Compare panes run in parallel keep their models loaded: free that GPU memory first. Until the
   * run itself starts, `busy` is already true, so a second click cannot start a second run.
   */
  async #freeGpuFor<T>(prepare: () => Promise<T>): Promise<T> {
    this.#starting = true;
    try {
      const [ready] = await Promise.all([prepare(), ...this.#app.compare.panes.map((pane) => pane.unload())]);
      return ready;
    } finally {
      this.#starting = false;
    }
  }

  /** An arena pane's recovery action: the same fixes as in Compare, applied to that pane's run. */
  async recoverArena(pane: PaneSession, action: RecoveryAction): Promise<void> {
    if (!this.arena) return;
    if (action === 'pick-other-model' || action === 'remove-model') return this.newBattle();
    if (action === 'clear-model-cache') await this.#app.storage.remove(pane.model.spec.weightsUrl);
    if (action === 'delete-cached-library') await this.#app.storage.removeLibrary(pane.model.spec.libraryUrl);
    if (action === 'try-other-source') this.#app.storage.sources.tryNext();
    if (this.busy || this.#app.runProblem) return;
    await this.arena.run.retry(pane, this.#app.prompt.request());
  }

  async stopAll(): Promise<void> {
    await Promise.all([this.#app.compare.stopAll(), this.arena?.stop(), this.bench?.running ? this.bench.stop() : undefined, this.grading?.running ? this.grading.stop() : undefined]);
  }

  dispose(): void {
    this.arena?.dispose();
    this.bench?.dispose();
    this.grading?.dispose();
  }
}
