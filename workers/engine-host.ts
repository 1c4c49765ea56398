import {
  MLCEngine,
  hasModelInCache,
  type AppConfig,
  type ChatCompletionMessageParam,
  type ModelRecord,
} from '#engine-runtime';
import type {
  EngineUsage,
  EngineWorkerApi,
  FinishReason,
  GenerateRequest,
  GenerateResult,
  LoadProgress,
  LoadResult,
  ModelSpec,
} from '../src/lib/engine/protocol';
import { fetchWeightsSize, toLoadProgress } from './load-progress';
import { DeltaBatcher } from './delta-batcher';
import { LoadGuard } from './model-files/load-guard';
import { checkModelLibrary, explainLibraryFailure } from './library-check';
import { cachedOnAnySource, preferCachedSources } from './source-cache';
import { normalizeWeightsUrl } from '../src/lib/engine/weights-url';
import { assertModelSpecAllowed } from '../src/lib/security/model-spec-policy';
import { enableThinkingFor, splitModeFor } from '../src/lib/reasoning/reasoning-support';
import { ThinkingTokenCounter } from '../src/lib/reasoning/thinking-tokens';

/** A device lost outside of `reload()` only surfaces as an unhandled rejection or a log line. */
class DeviceLostError extends Error {
  override name = 'DeviceLostError';
}

/**
 * Owns at most one web-llm engine with one loaded model. The page gives each pane its own
 * worker, so "one model per host" keeps GPU memory easy to reason about and unloading simple.
 */
export class EngineHost implements EngineWorkerApi {
  #engine: MLCEngine | null = null;
  #deviceLost = false;

  constructor() {
    // web-llm reports a lost GPU device from a promise callback nobody awaits; remember it so
    // the next call fails with a clear DeviceLostError instead of a confusing "model not loaded".
    globalThis.addEventListener?.('unhandledrejection', (event: PromiseRejectionEvent) => {
      const reason = String((event.reason as Error | undefined)?.message ?? event.reason);
      if (/device (was )?lost/i.test(reason)) this.#deviceLost = true;
    });
  }

  /** Are this model's weights cached, under any download source's URLs? */
  async isCached(model: ModelSpec): Promise<boolean> {
    return cachedOnAnySource(model, weightsCachedAt);
  }

  async load(requested: ModelSpec, onProgress: (progress: LoadProgress) => void): Promise<LoadResult> {
    // The page checks this too; the worker does not trust its caller (nor a dev server's lack of CSP).
    assertModelSpecAllowed(requested);
    // A copy cached from another download source is used as it is, never downloaded again.
    const model = await preferCachedSources(requested, weightsCachedAt);
    assertModelSpecAllowed(model);
    const started = performance.now();
    await this.unload();
    // A library that cannot run on this web-llm (another version, not WebAssembly) fails here,
    // before any weights are downloaded, with a named error instead of "try again".
    await checkModelLibrary(model);
    // The manifest's byte count, for the progress bar: a nicety, read before the download guard
    // starts, so it can never fail a load (the engine's own read of the manifest is checked).
    const manifestBytes = await fetchWeightsSize(normalizeWeightsUrl(model.weightsUrl));
    // Checks cached model files and every download of this load; rolls back what a failed load stored.
    const files = await LoadGuard.begin(model);
    const fromCache = await weightsCachedAt(model);
    // Only a cold load downloads: the byte counts are shown then.
    const totalBytes = fromCache ? null : manifestBytes;
    let receivedBytes = 0;
    let last: LoadProgress | null = null;
    const send = (progress: LoadProgress) => void Promise.resolve(onProgress(progress)).catch(() => undefined);
    const engine = new MLCEngine({
      appConfig: appConfigFor(model),
      initProgressCallback: (report) => {
        last = toLoadProgress(report, totalBytes);
        const progress = files.decorate(last);
        receivedBytes = Math.max(receivedBytes, progress.receivedBytes);
        send(progress);
      },
    });
    this.#engine = engine;
    this.#deviceLost = false;
    files.startHeartbeat(() => last, send);
    try {
      await engine.reload(model.id, chatOptionsFor(model));
    } catch (error) {
      this.#engine = null;
      await engine.unload().catch(() => undefined);
      const reported = await files.rollBack(error);
      // A library that failed to link or compile is the cause, whatever else the load noticed.
      const library = await explainLibraryFailure(error, model);
      throw library === error ? reported : library;
    } finally {
      files.end();
    }
    const loadMs = performance.now() - started;
    // A manifest first read from the network (a cached load with IndexedDB) is in the cache by now.
    const weightsBytes = manifestBytes ?? (await fetchWeightsSize(normalizeWeightsUrl(model.weightsUrl)));
    return { fromCache, loadMs, receivedBytes, weightsBytes };
  }

  async generate(request: GenerateRequest, onDelta: (delta: string, pieces: number) => void): Promise<GenerateResult> {
    const engine = this.#requireEngine();
    // Every Run is a fresh conversation: no KV-cache reuse across runs, so speeds are comparable.
    await engine.resetChat();
    const { settings } = request;
    const stream = await engine.chat.completions.create({
      messages: messagesFor(request),
      stream: true,
      stream_options: { include_usage: true },
      temperature: settings.temperature,
      top_p: settings.topP,
      max_tokens: settings.maxTokens,
      ...(settings.seed === undefined ? {} : { seed: settings.seed }),
      ...thinkingSwitch(request),
      ...(request.responseFormat ? { response_format: request.responseFormat } : {}),
    });
    let text = '';
    let finishReason: FinishReason = null;
    let usage: EngineUsage | null = null;
    const thinking = new ThinkingTokenCounter();
    const deltas = new DeltaBatcher((batch, pieces) => void Promise.resolve(onDelta(batch, pieces)).catch(() => undefined));
    try {
      for await (const chunk of stream) {
        const choice = chunk.choices[0];
        const delta = choice?.delta?.content;
        if (delta) {
          text += delta;
          thinking.push(delta);
          deltas.push(delta);
        }
        if (choice?.finish_reason) finishReason = choice.finish_reason as FinishReason;
        if (chunk.usage) usage = toUsage(chunk.usage);
      }
    } finally {
      deltas.flush(); // everything streamed reaches the page before generate resolves
    }
    if (this.#deviceLost) throw new DeviceLostError('The GPU device was lost during generation.');
    const thinkingTokens = thinking.thinkingPieces(text, splitModeFor(request.reasoning));
    return { text, finishReason, usage, thinkingTokens };
  }

  async stop(): Promise<void> {
    await this.#engine?.interruptGenerate();
  }

  async unload(): Promise<void> {
    const engine = this.#engine;
    this.#engine = null;
    await engine?.unload();
  }

  #requireEngine(): MLCEngine {
    if (this.#deviceLost) throw new DeviceLostError('The GPU device was lost; the model must be loaded again.');
    if (!this.#engine) {
      const error = new Error('No model is loaded in this engine.');
      error.name = 'EngineNotLoadedError';
      throw error;
    }
    return this.#engine;
  }
}

/** The runtime's own test of these exact URLs (web-llm: the manifest and every shard it lists). */
async function weightsCachedAt(model: ModelSpec): Promise<boolean> {
  try {
    return await hasModelInCache(model.id, appConfigFor(model));
  } catch {
    return false; // No cache API (private mode) or unreadable cache: treat as not cached.
  }
}

function appConfigFor(model: ModelSpec): AppConfig {
  const record: ModelRecord = {
    model: model.weightsUrl,
    model_id: model.id,
    model_lib: model.libraryUrl,
    required_features: model.requiredFeatures,
    ...(model.vramRequiredMB === undefined ? {} : { vram_required_MB: model.vramRequiredMB }),
    ...(model.bufferSizeRequiredBytes === undefined
      ? {}
      : { buffer_size_required_bytes: model.bufferSizeRequiredBytes }),
    ...(model.overrides === undefined ? {} : { overrides: model.overrides }),
    ...(model.modelManifest === undefined ? {} : { model_manifest: model.modelManifest }),
  };
  const backend = model.cacheBackend ?? 'cache';
  // web-llm 0.2.80+ reads `cacheBackend`; 0.2.79 (the offline test runtime) reads `useIndexedDBCache`.
  return { model_list: [record], cacheBackend: backend, useIndexedDBCache: backend === 'indexeddb' } as AppConfig;
}

function chatOptionsFor(model: ModelSpec) {
  return model.contextWindowSize === undefined ? undefined : { context_window_size: model.contextWindowSize };
}

/** `extra_body.enable_thinking` for models whose reasoning can be switched (Qwen3), nothing for others. */
function thinkingSwitch(request: GenerateRequest): { extra_body?: { enable_thinking: boolean } } {
  const enable = enableThinkingFor(request.reasoning, request.settings);
  return enable === undefined ? {} : { extra_body: { enable_thinking: enable } };
}

function messagesFor(request: GenerateRequest): ChatCompletionMessageParam[] {
  const messages: ChatCompletionMessageParam[] = [];
  if (request.systemPrompt.trim()) messages.push({ role: 'system', content: request.systemPrompt });
  messages.push({ role: 'user', content: request.prompt });
  return messages;
}

function toUsage(usage: {
  prompt_tokens: number;
  completion_tokens: number;
  extra: {
    prefill_tokens_per_s: number;
    decode_tokens_per_s: number;
    time_to_first_token_s: number;
    e2e_latency_s: number;
  };
}): EngineUsage {
  return {
    promptTokens: usage.prompt_tokens,
    completionTokens: usage.completion_tokens,
    prefillTokensPerSecond: usage.extra.prefill_tokens_per_s,
    decodeTokensPerSecond: usage.extra.decode_tokens_per_s,
    timeToFirstTokenSeconds: usage.extra.time_to_first_token_s,
    e2eLatencySeconds: usage.extra.e2e_latency_s,
  };
}
