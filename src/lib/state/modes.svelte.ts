import { ArenaState } from './arena.svelte';
import { BenchmarkState } from './benchmark.svelte';
import type { LineupState } from './lineup.svelte';
import type { PaneSession } from './pane-session.svelte';
import type { RecoveryAction } from '../engine/errors';

/**
 * The two views beside the comparison, wired to the rest of the app: the blind arena and the
 * benchmark both take their models from the line-up, and share its cache backend and storage.
 */
export class ModesState {
  readonly arena = new ArenaState();
  readonly bench = new BenchmarkState();
  readonly #app: LineupState;

  constructor(app: LineupState) {
    this.#app = app;
  }

  load(): Promise<void> {
    return Promise.all([this.arena.load(), this.bench.load()]).then(() => undefined);
  }

  /** Whatever is running, in any view: only one thing uses the GPU at a time. */
  get busy(): boolean {
    return this.#app.compare.running || this.arena.run.running || this.bench.running;
  }

  /** Why an arena battle cannot start; null when it can. */
  arenaProblem = $derived.by(() =>
    this.#app.compare.panes.length < 2 ? 'Add at least two models to the line-up: the arena draws its pair from there.' : this.#app.runProblem,
  );

  benchProblem = $derived.by(() => {
    const report = this.#app.gpu.report;
    if (report && !report.available) return 'WebGPU is not available in this browser.';
    return this.#app.compare.panes.length === 0 ? 'Add models to the line-up to benchmark them.' : null;
  });

  #pool() {
    return this.#app.compare.panes.map((pane) => pane.model);
  }

  /** Draw a new blind pair from the line-up without running it yet. */
  newBattle(): void {
    this.arena.newBattle(this.#pool());
  }

  /** A blind battle between two line-up models, on the prompt in the form. */
  async runArena(): Promise<void> {
    if (this.arenaProblem || this.busy) return;
    await this.arena.start(this.#pool(), this.#app.prompt.request(), this.#app.compare.cacheBackend);
    await this.#app.storage.refresh();
  }

  /** The fixed prompt suite through every line-up model. */
  async runBenchmark(): Promise<void> {
    if (this.benchProblem || this.busy) return;
    const app = this.#app;
    const models = app.compare.panes.map((pane) => ({
      spec: pane.model.spec,
      label: pane.model.label,
      size: app.entriesById.get(pane.key)?.meta ?? { paramsB: null, quantization: null },
    }));
    await this.bench.start(models, app.gpu.report, app.compare.cacheBackend, (spec) => app.storage.remove(spec.weightsUrl));
    await app.storage.refresh();
  }

  /** An arena pane's recovery action: the same fixes as in Compare, applied to that pane's run. */
  async recoverArena(pane: PaneSession, action: RecoveryAction): Promise<void> {
    if (action === 'pick-other-model') return this.newBattle();
    if (action === 'clear-model-cache') await this.#app.storage.remove(pane.model.spec.weightsUrl);
    if (this.busy || this.#app.runProblem) return;
    await this.arena.run.retry(pane, this.#app.prompt.request());
  }

  async stopAll(): Promise<void> {
    await Promise.all([this.#app.compare.stopAll(), this.arena.stop(), this.bench.running ? this.bench.stop() : undefined]);
  }

  dispose(): void {
    this.arena.dispose();
    this.bench.dispose();
  }
}
