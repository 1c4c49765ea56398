import type { WorkerFactory } from '../engine/engine-client';
import type { CacheBackend, GenerateRequest } from '../engine/protocol';
import { PaneSession, type PaneModel } from './pane-session.svelte';

/** One model can run on its own (to see its speed); comparing needs two or more. */
export const MIN_MODELS = 1;
export const COMPARE_MIN_MODELS = 2;
export const MAX_MODELS = 4;

/**
 * The comparison: which models are lined up, and running one prompt through all of them.
 * Sequential by default — one model on the GPU at a time, unloaded before the next — because
 * that keeps speed figures fair and GPU memory bounded. Parallel is opt-in.
 */
export class CompareState {
  panes = $state<PaneSession[]>([]);
  parallel = $state(false);
  /** Where downloaded model files are stored (web-llm's cache backend). */
  cacheBackend = $state<CacheBackend>('cache');
  /** Keys of panes still waiting for their turn in a sequential run. */
  queue = $state<string[]>([]);
  running = $state(false);

  readonly #workerFactory: WorkerFactory | undefined;

  constructor(workerFactory?: WorkerFactory) {
    this.#workerFactory = workerFactory;
  }

  get canRun(): boolean {
    return !this.running && this.panes.length >= MIN_MODELS;
  }

  has(id: string): boolean {
    return this.panes.some((pane) => pane.key === id);
  }

  /** Add a model (up to MAX_MODELS); returns false when the line-up is full or it is already there. */
  add(model: PaneModel): boolean {
    if (this.running || this.has(model.spec.id) || this.panes.length >= MAX_MODELS) return false;
    this.panes.push(new PaneSession(model, this.#workerFactory));
    return true;
  }

  remove(id: string): void {
    if (this.running) return;
    const pane = this.panes.find((candidate) => candidate.key === id);
    pane?.dispose();
    this.panes = this.panes.filter((candidate) => candidate.key !== id);
  }

  isQueued(pane: PaneSession): boolean {
    return this.queue.includes(pane.key);
  }

  /** Run the prompt through every pane. Resolves when all are done, stopped or failed. */
  async run(request: GenerateRequest): Promise<void> {
    if (!this.canRun) return;
    this.running = true;
    const panes = [...this.panes];
    panes.forEach((pane) => pane.clear());
    try {
      if (this.parallel) {
        await Promise.all(panes.map((pane) => pane.run(request, { unloadAfter: false, cacheBackend: this.cacheBackend })));
      } else {
        // Another pane may still hold a model from an earlier parallel run: free the GPU first.
        await Promise.all(panes.map((pane) => pane.unload()));
        this.queue = panes.map((pane) => pane.key);
        while (this.queue.length > 0) {
          const key = this.queue[0];
          this.queue = this.queue.slice(1);
          const pane = panes.find((candidate) => candidate.key === key);
          if (pane) await pane.run(request, { unloadAfter: true, cacheBackend: this.cacheBackend });
        }
      }
    } finally {
      this.queue = [];
      this.running = false;
    }
  }

  /** Run one pane again (after an error), on its own. */
  async retry(pane: PaneSession, request: GenerateRequest): Promise<void> {
    if (this.running) return;
    this.running = true;
    try {
      await pane.run(request, { unloadAfter: !this.parallel, cacheBackend: this.cacheBackend });
    } finally {
      this.running = false;
    }
  }

  /** Stop one pane: a queued pane is skipped, a loading one cancelled, a generating one halted. */
  async stop(pane: PaneSession): Promise<void> {
    if (this.isQueued(pane)) {
      this.queue = this.queue.filter((key) => key !== pane.key);
      return;
    }
    await pane.stop();
  }

  async stopAll(): Promise<void> {
    this.queue = [];
    await Promise.all(this.panes.map((pane) => pane.stop()));
  }

  dispose(): void {
    this.panes.forEach((pane) => pane.dispose());
  }
}
