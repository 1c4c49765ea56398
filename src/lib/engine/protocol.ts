/**
 * The one contract between the engine worker (workers/engine.worker.ts) and its client
 * (src/lib/engine/engine-client.ts). Both sides import these types; nothing else crosses.
 *
 * Callbacks (progress, token deltas) are passed with comlink's `proxy`, so the worker calls
 * back into the page while a promise is pending. Errors thrown in the worker reach the page
 * with their `name` intact (comlink serialises name, message and stack), and
 * src/lib/engine/errors.ts turns that name into a message a person can act on.
 */

/** A model as the engine needs it: where its weights and its compiled WebGPU library live. */
export interface ModelSpec {
  /** web-llm's model_id: unique, and the cache key. */
  id: string;
  /** Base URL of MLC weights (Hugging Face style, ending in `/resolve/main/`). */
  weightsUrl: string;
  /** URL of the compiled model library (`.wasm`). */
  libraryUrl: string;
  /** WebGPU features the library needs, e.g. `["shader-f16"]`. */
  requiredFeatures: string[];
  /** Largest single GPU buffer the model allocates, when web-llm knows it. */
  bufferSizeRequiredBytes?: number;
  vramRequiredMB?: number;
  /** Override of the context window (tokens), e.g. for small-memory loads. */
  contextWindowSize?: number;
  /** web-llm record overrides to pass through unchanged (e.g. Qwen3.5's sliding window). */
  overrides?: { context_window_size?: number; sliding_window_size?: number; max_history_size?: number };
  /** Where web-llm keeps the downloaded files: the Cache API (default) or IndexedDB. */
  cacheBackend?: CacheBackend;
  /** gemma-4: manifest next to the weights that web-llm reads to pick the right artifact. */
  modelManifest?: string;
}

/** 'opfs': web-llm 0.2.86's origin-private-file-system store (0.2.79, the offline test runtime, lacks it). */
export type CacheBackend = 'cache' | 'indexeddb' | 'opfs';

export interface LoadProgress {
  phase: 'downloading' | 'compiling';
  /** 0..1 as web-llm reports it (covers download, then shader compilation). */
  fraction: number;
  /** Bytes received from the network so far for this load (cache hits count 0). */
  receivedBytes: number;
  /** Total bytes of the weights when known (from the tensor cache manifest). */
  totalBytes: number | null;
  /** web-llm's own progress text, shown as detail. */
  text: string;
  /** Milliseconds since the last byte arrived while a download is open (0: none open, or bytes flowing). */
  idleMs?: number;
}

export interface LoadResult {
  /** True when the weights were already in the browser cache before this load. */
  fromCache: boolean;
  /** Wall-clock milliseconds from the start of load to a ready engine, measured in the worker. */
  loadMs: number;
  /** Bytes that came over the network during this load. */
  receivedBytes: number;
  /** Size of the model's weights (its tensor-cache manifest), when it could be read. */
  weightsBytes: number | null;
}

export interface GenerationSettings {
  temperature: number;
  topP: number;
  maxTokens: number;
  /** Only used when set; web-llm honours it for sampling. */
  seed?: number;
  /**
   * false: models whose reasoning is switchable (Qwen3) answer without thinking. Absent means on.
   * Ignored for other models. Kept only when false, so older records and links stay as they were.
   */
  thinking?: false;
}

/**
 * Whether the model thinks before answering (src/lib/catalog/reasoning-meta.ts); `unknown` for a
 * custom model no rule names, whose output is split only when it holds `<think>` tags.
 */
export type ReasoningSupport = 'always' | 'switchable' | 'none' | 'unknown';

export interface GenerateRequest {
  systemPrompt: string;
  prompt: string;
  settings: GenerationSettings;
  /** Set by the pane for its model; absent: treated as `unknown`. */
  reasoning?: ReasoningSupport;
  /** JSON mode (web-llm's `response_format`): decoding constrained to JSON, to `schema` (a JSON Schema string) when given. Graded JSON items only. */
  responseFormat?: { type: 'json_object'; schema?: string };
}

/** web-llm's own usage statistics for one completion (engine-measured). */
export interface EngineUsage {
  promptTokens: number;
  completionTokens: number;
  prefillTokensPerSecond: number;
  decodeTokensPerSecond: number;
  timeToFirstTokenSeconds: number;
  e2eLatencySeconds: number;
}

export type FinishReason = 'stop' | 'length' | 'abort' | 'error' | null;

export interface GenerateResult {
  text: string;
  finishReason: FinishReason;
  usage: EngineUsage | null;
  /** Streamed pieces (one per decoded token) before the answer began; 0 without reasoning. */
  thinkingTokens?: number;
}

/** What the worker exposes through comlink. Every method resolves or rejects. */
export interface EngineWorkerApi {
  /** Is this model's weights already in the browser cache? */
  isCached(model: ModelSpec): Promise<boolean>;
  /** Download (or read from cache) and compile a model; replaces any model loaded before. */
  load(model: ModelSpec, onProgress: (progress: LoadProgress) => void): Promise<LoadResult>;
  /**
   * Stream a completion; `onDelta` receives the new text as it is decoded, batched, with the
   * number of engine pieces (about one per token) in the batch.
   */
  generate(request: GenerateRequest, onDelta: (delta: string, pieces: number) => void): Promise<GenerateResult>;
  /** Ask a running generation to stop; its `generate` then resolves with finishReason "abort". */
  stop(): Promise<void>;
  /** Free the GPU memory held by the loaded model. */
  unload(): Promise<void>;
}
