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
import { normalizeWeightsUrl } from '../src/lib/engine/weights-url';

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

  async isCached(model: ModelSpec): Promise<boolean> {
    try {
      return await hasModelInCache(model.id, appConfigFor(model));
    } catch {
      return false; // No cache API (private mode) or unreadable cache: treat as not cached.
    }
  }

  async load(model: ModelSpec, onProgress: (progress: LoadProgress) => void): Promise<LoadResult> {
    const started = performance.now();
    await this.unload();
    const fromCache = await this.isCached(model);
    // Only a cold load downloads; reading the manifest then lets us show real byte counts.
    const totalBytes = fromCache ? null : await fetchWeightsSize(normalizeWeightsUrl(model.weightsUrl));
    let receivedBytes = 0;
    const engine = new MLCEngine({
      appConfig: appConfigFor(model),
      initProgressCallback: (report) => {
        const progress = toLoadProgress(report, totalBytes);
        receivedBytes = Math.max(receivedBytes, progress.receivedBytes);
        void Promise.resolve(onProgress(progress)).catch(() => undefined);
      },
    });
    this.#engine = engine;
    this.#deviceLost = false;
    try {
      await engine.reload(model.id, chatOptionsFor(model));
    } catch (error) {
      this.#engine = null;
      await engine.unload().catch(() => undefined);
      throw error;
    }
    const loadMs = performance.now() - started;
    // A cached load skipped the manifest; read it now, outside the timed part (null when offline).
    const weightsBytes = totalBytes ?? (await fetchWeightsSize(normalizeWeightsUrl(model.weightsUrl)));
    return { fromCache, loadMs, receivedBytes, weightsBytes };
  }

  async generate(request: GenerateRequest, onDelta: (delta: string) => void): Promise<GenerateResult> {
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
    });
    let text = '';
    let finishReason: FinishReason = null;
    let usage: EngineUsage | null = null;
    const deltas = new DeltaBatcher((batch) => void Promise.resolve(onDelta(batch)).catch(() => undefined));
    try {
      for await (const chunk of stream) {
        const choice = chunk.choices[0];
        const delta = choice?.delta?.content;
        if (delta) {
          text += delta;
          deltas.push(delta);
        }
        if (choice?.finish_reason) finishReason = choice.finish_reason as FinishReason;
        if (chunk.usage) usage = toUsage(chunk.usage);
      }
    } finally {
      deltas.flush(); // everything streamed reaches the page before generate resolves
    }
    if (this.#deviceLost) throw new DeviceLostError('The GPU device was lost during generation.');
    return { text, finishReason, usage };
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
