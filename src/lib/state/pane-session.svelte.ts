import type { EngineClient, WorkerFactory } from '../engine/engine-client';
import { describeError, needsFreshWorker, type FriendlyError } from '../engine/errors';
import type { CacheBackend, FinishReason, GenerateRequest, LoadProgress, ModelSpec, ReasoningSupport } from '../engine/protocol';
import { canTransition, isLoading, transition, type EngineEvent, type EngineStatus } from '../engine/status';
import { emptyMetrics, withLoad, withThinkingTokens, withUsage, type RunMetrics } from '../metrics/run-metrics';
import { reasoningSupportOf, splitModeFor } from '../reasoning/reasoning-support';
import { NO_THINKING, ThinkingTracker, type ThinkingView } from '../reasoning/thinking-tracker';
import { isStalled, TransferRate } from '../metrics/transfer-rate';
import { FrameBatcher } from './frame-batcher';

export interface ProgressView extends LoadProgress {
  bytesPerSecond: number | null;
  etaSeconds: number | null;
  /** No byte for STALL_AFTER_MS while a download is open: the bar offers Cancel and Retry. */
  stalled: boolean;
}

export interface PaneModel {
  spec: ModelSpec;
  /** Name shown in the pane header. */
  label: string;
  /** Added by URL (the custom model form), so it can be edited there. */
  custom?: boolean;
}

/**
 * One pane of the compare view: one model, its own engine worker, and everything the person sees
 * about it (status, progress, streamed output, metrics, error). The worker is created on first
 * use and kept for the pane's life, so a second Run does not pay for a new thread.
 */
export class PaneSession {
  readonly key: string;
  readonly model: PaneModel;
  status = $state<EngineStatus>('idle');
  progress = $state<ProgressView | null>(null);
  /** Everything the model wrote, reasoning included; `thinking.split` says which part is which. */
  output = $state('');
  /** The reasoning apart from the answer, with its live token count and timing. Raw: replaced whole per frame. */
  thinking = $state.raw<ThinkingView>(NO_THINKING);
  /** Does this pane's model think before answering (catalog metadata, or its custom id)? */
  readonly reasoning: ReasoningSupport;
  /** The max tokens of the last run, for "ran out while thinking: run again with more". */
  maxTokens = $state<number | null>(null);
  error = $state<FriendlyError | null>(null);
  metrics = $state<RunMetrics>(emptyMetrics());
  finishReason = $state<FinishReason>(null);
  /** Whether this pane has produced a result in the current comparison (for chart and table). */
  finished = $derived(this.metrics.generationMs !== null);

  readonly #workerFactory: WorkerFactory | undefined;
  #client: EngineClient | null = null;
  #loadedModelId: string | null = null;
  #rate = new TransferRate();
  #runToken = 0;
  #restartLoad = false;

  constructor(model: PaneModel, workerFactory?: WorkerFactory) {
    this.model = model;
    this.key = model.spec.id;
    this.reasoning = reasoningSupportOf(model.spec.id, model.custom === true);
    this.#workerFactory = workerFactory;
  }

  get busy(): boolean {
    return isLoading(this.status) || this.status === 'generating';
  }

  /**
   * The worker's client, created on the first load. Its code (and comlink's) is fetched then,
   * not with the page: nothing on the first screen needs it.
   */
  async #engine(): Promise<EngineClient> {
    if (this.#client) return this.#client;
    const { EngineClient } = await import('../engine/engine-client');
    this.#client ??= new EngineClient(this.#workerFactory);
    return this.#client;
  }

  #to(event: EngineEvent): void {
    if (canTransition(this.status, event)) this.status = transition(this.status, event);
  }

  /** Clear the previous result before a new comparison starts (also for panes still queued). */
  clear(): void {
    this.output = '';
    this.thinking = NO_THINKING;
    this.error = null;
    this.metrics = emptyMetrics();
    this.finishReason = null;
    this.progress = null;
  }

  /** Load (if needed) then generate. Never throws: failures land in `error` with a recovery action. */
  async run(request: GenerateRequest, options: { unloadAfter: boolean; cacheBackend?: CacheBackend }): Promise<void> {
    const token = ++this.#runToken;
    this.clear();
    try {
      if (this.#loadedModelId !== this.model.spec.id || this.status !== 'ready') await this.#load(options.cacheBackend);
      if (token !== this.#runToken) return;
      await this.#generate(request);
    } catch (error) {
      if (token === this.#runToken) this.#fail(error);
    } finally {
      if (options.unloadAfter && token === this.#runToken) await this.unload();
    }
  }

  async #load(cacheBackend: CacheBackend = 'cache'): Promise<void> {
    this.#to('check');
    const engine = await this.#engine();
    this.#rate.reset();
    // Snapshots: reactive proxies cannot be structured-cloned into a worker.
    const spec = { ...($state.snapshot(this.model.spec) as ModelSpec), cacheBackend };
    const load = await this.#loadRestartable(engine, spec);
    this.#loadedModelId = this.model.spec.id;
    this.metrics = withLoad(this.metrics, load);
    this.progress = null;
    this.#to('loaded');
  }

  /** One load; when the person asks for a fresh start (`restartLoad`), the cancelled one is replaced. */
  async #loadRestartable(engine: EngineClient, spec: ModelSpec) {
    for (;;) {
      try {
        return await engine.load(spec, (progress) => this.#onProgress(progress));
      } catch (error) {
        if (!this.#restartLoad || (error as Error | null)?.name !== 'LoadCancelledError') throw error;
        this.#restartLoad = false;
        this.#rate.reset();
        this.progress = null;
        this.#to('reset');
        this.#to('check');
      }
    }
  }

  /** A stuck download: drop it (the worker with it) and start the load again. */
  restartLoad(): void {
    if (!isLoading(this.status) || !this.#client) return;
    this.#restartLoad = true;
    this.#client.cancel();
  }

  #onProgress(progress: LoadProgress): void {
    if (!isLoading(this.status)) return; // a late message after cancel
    this.#to(progress.phase === 'compiling' ? 'compile' : 'download');
    const now = performance.now();
    if (progress.phase === 'downloading' && progress.receivedBytes > 0) this.#rate.add(progress.receivedBytes, now);
    const stalled = progress.phase === 'downloading' && isStalled(progress.idleMs);
    const measured = progress.receivedBytes > 0 && !stalled;
    this.progress = {
      ...progress,
      stalled,
      bytesPerSecond: measured ? this.#rate.bytesPerSecond() : null,
      etaSeconds: measured ? this.#rate.etaSeconds(progress.totalBytes) : null,
    };
  }

  /** The answer without the reasoning (what history, exports and share links call the output). */
  get answer(): string {
    return this.thinking.split.answer;
  }

  async #generate(request: GenerateRequest): Promise<void> {
    this.#to('generate');
    this.maxTokens = request.settings.maxTokens;
    const started = performance.now();
    const tracker = new ThinkingTracker(splitModeFor(this.reasoning), started);
    let pieces = 0;
    // Tokens can arrive far faster than the screen refreshes: collect them and paint once a frame.
    const batcher = new FrameBatcher((text) => {
      const now = performance.now();
      if (this.metrics.firstTokenOnScreenMs === null) {
        this.metrics.firstTokenOnScreenMs = now - started;
      }
      this.output += text;
      this.thinking = tracker.update(this.output, pieces, now);
      pieces = 0;
    });
    try {
      const plain = { ...($state.snapshot(request) as GenerateRequest), reasoning: this.reasoning };
      const result = await (await this.#engine()).generate(plain, (delta, count) => {
        pieces += count;
        batcher.push(delta);
      });
      batcher.flush();
      const ended = performance.now();
      this.finishReason = result.finishReason;
      this.thinking = tracker.update(this.output, 0, ended, true);
      const measured = withUsage({ ...this.metrics, generationMs: ended - started }, result.usage);
      const { thinking } = this;
      this.metrics = {
        ...withThinkingTokens(measured, result.thinkingTokens, thinking.elapsedMs !== null),
        thinkingMs: thinking.elapsedMs,
        answerOnScreenMs: thinking.answerOnScreenMs,
      };
      this.#to('finished');
    } finally {
      batcher.flush();
    }
  }

  #fail(error: unknown): void {
    this.error = describeError(error);
    this.progress = null;
    this.#loadedModelId = null;
    this.#to('fail');
    // A dead GPU device or worker cannot be reused: start a fresh worker for the next Run.
    if (needsFreshWorker(error)) this.#client?.restart();
  }

  /** Stop whatever this pane is doing: cancel a load, or end generation keeping the text so far. */
  async stop(): Promise<void> {
    if (isLoading(this.status)) {
      this.#client?.cancel(); // the pending load rejects with LoadCancelledError
      return;
    }
    if (this.status === 'generating') await this.#client?.stop();
  }

  async unload(): Promise<void> {
    if (!this.#client || this.busy) return;
    try {
      await this.#client.unload();
    } catch {
      // Nothing to free if the worker is gone; the next run starts a fresh one anyway.
    }
    this.#loadedModelId = null;
    if (this.status === 'ready') this.#to('reset');
  }

  dispose(): void {
    this.#runToken++;
    this.#client?.dispose();
    this.#client = null;
  }
}
