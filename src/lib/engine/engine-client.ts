import * as Comlink from 'comlink';
import type {
  EngineWorkerApi,
  GenerateRequest,
  GenerateResult,
  LoadProgress,
  LoadResult,
  ModelSpec,
} from './protocol';
import { EngineCrashedError, LoadCancelledError } from './errors';
import { startPolicyBoundWorker } from '../security/policy-bound-worker';
import { ModelNotAllowedError, validateModelSpec } from '../security/model-spec-policy';
import { onActiveSource } from '../download-source/active-source';
import engineWorkerUrl from '../../../workers/engine.worker.ts?worker&url';

export type WorkerFactory = () => Worker;

/**
 * The app's own engine worker. Vite bundles it (and web-llm inside it) as a separate chunk; it is
 * started through a blob: URL so that the page's privacy policy binds it too (see the module).
 */
export const createEngineWorker: WorkerFactory = () => startPolicyBoundWorker(engineWorkerUrl, 'lineup-engine');

/**
 * Typed handle on one engine worker. Every call resolves or rejects, even when the worker dies
 * (uncaught error, out of memory) or is torn down to cancel a download: pending calls are
 * raced against the worker's death, and `restart()` gives a fresh worker afterwards.
 */
export class EngineClient {
  readonly #factory: WorkerFactory;
  #worker!: Worker;
  #api!: Comlink.Remote<EngineWorkerApi>;
  #death!: Promise<never>;
  #kill!: (error: Error) => void;

  constructor(factory: WorkerFactory = createEngineWorker) {
    this.#factory = factory;
    this.#start();
  }

  #start(): void {
    this.#worker = this.#factory();
    this.#api = Comlink.wrap<EngineWorkerApi>(this.#worker);
    this.#death = new Promise<never>((_, reject) => {
      this.#kill = reject;
    });
    this.#death.catch(() => undefined); // observed through `#call`; never an unhandled rejection
    const worker = this.#worker;
    // These messages are technical details (bug reports), kept in English: what a person reads
    // is worded on the page from the error's name (errors.ts, the "errors" catalogue).
    worker.addEventListener('error', (event) => {
      event.preventDefault();
      if (worker === this.#worker) this.#kill(new EngineCrashedError(event.message || 'The engine worker crashed.'));
    });
    worker.addEventListener('messageerror', () => {
      if (worker === this.#worker) this.#kill(new EngineCrashedError('The engine worker sent an unreadable message.'));
    });
  }

  #call<T>(run: (api: Comlink.Remote<EngineWorkerApi>) => Promise<T>): Promise<T> {
    return Promise.race([run(this.#api), this.#death]);
  }

  isCached(model: ModelSpec): Promise<boolean> {
    return this.#call((api) => api.isCached(model));
  }

  load(spec: ModelSpec, onProgress: (progress: LoadProgress) => void): Promise<LoadResult> {
    // Downloaded from the sources chosen in the storage panel (the worker still prefers a copy
    // already cached from another source: workers/source-cache.ts).
    const model = onActiveSource(spec);
    // Last line of defence: whatever path built this spec, one that breaks the model rules (a
    // host outside the privacy policy, credentials in a URL) never reaches the worker.
    const problems = validateModelSpec(model);
    if (problems.length > 0) return Promise.reject(new ModelNotAllowedError(problems, model.id));
    return this.#call((api) => api.load(model, Comlink.proxy(onProgress)));
  }

  generate(request: GenerateRequest, onDelta: (delta: string, pieces: number) => void): Promise<GenerateResult> {
    return this.#call((api) => api.generate(request, Comlink.proxy(onDelta)));
  }

  stop(): Promise<void> {
    return this.#call((api) => api.stop());
  }

  unload(): Promise<void> {
    return this.#call((api) => api.unload());
  }

  /**
   * Stop a download or compilation right away. web-llm has no reliable mid-shard abort, so the
   * worker is terminated (its GPU memory goes with it) and replaced; shards already stored in the
   * cache stay there for the next attempt.
   */
  cancel(): void {
    this.#replace(new LoadCancelledError());
  }

  /** Replace a worker whose GPU device or thread is gone. */
  restart(): void {
    this.#replace(new EngineCrashedError('The engine was restarted.'));
  }

  #replace(reason: Error): void {
    this.#kill(reason);
    this.#api[Comlink.releaseProxy]();
    this.#worker.terminate();
    this.#start();
  }

  dispose(): void {
    this.#kill(new EngineCrashedError('The engine was closed.'));
    this.#api[Comlink.releaseProxy]();
    this.#worker.terminate();
  }
}
