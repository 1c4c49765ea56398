/**
 * A scripted stand-in for web-llm, for fast UI tests only. vite.config.ts swaps it in for
 * `#engine-runtime` when LINEUP_ENGINE=fake, so the app's real worker, comlink protocol, state
 * machine and components all run; only the model maths is replaced. Users never get this build.
 *
 * Behaviour is scripted by the model's weights URL (custom models let a test pick any URL):
 *   ".../fail-download/..."  load rejects like a network failure
 *   ".../no-webgpu/..."      load rejects with WebGPUNotAvailableError
 *   ".../device-lost/..."    generation rejects with DeviceLostError after a few tokens
 *   ".../crash/..."          the worker dies with an uncaught error while loading
 *   ".../quota/..."          storing the weights fails with QuotaExceededError
 *   ".../oom/..."            the GPU runs out of memory while loading
 *   ".../corrupt/..."        once cached, reading the cache fails (a damaged entry)
 *   ".../flood/..."          a 100,000-token answer at 20,000 tokens/s (responsiveness)
 *   ".../slow/..."           shards take 500 ms and tokens arrive every 250 ms (to test Stop/Cancel)
 * The answer is deterministic: it quotes the prompt, so tests can assert what each pane shows.
 */
import type { AppConfig, ChatCompletionRequestStreaming, InitProgressReport } from '@mlc-ai/web-llm';

// Same cache and keys as web-llm (weights under their /resolve/main/ folder in "webllm/model"),
// so the app's storage panel sees, sizes and deletes the fake's downloads like real ones.
const CACHE_NAME = 'webllm/model';
const TOTAL_MB = 48;
const STORED_BYTES = 2 * 1024 * 1024;

function shardUrl(appConfig: AppConfig | undefined): string {
  const base = appConfig?.model_list[0]?.model ?? 'https://fake.invalid/';
  return new URL('params_shard_0.bin', base.endsWith('/') ? base : `${base}/`).href;
}

function namedError(name: string, message: string): Error {
  const error = new Error(message);
  error.name = name;
  return error;
}

/** Markdown-heavy filler: paragraphs, lists, code and a very long line, 1 token per piece. */
function floodPieces(count: number): string[] {
  const cycle = ['Lorem ', 'ipsum ', '**bold** ', '`code` ', '\n- item ', 'x'.repeat(40), '\n\n', '<b>tag</b> '];
  return Array.from({ length: count }, (_, index) => cycle[index % cycle.length]!);
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export async function hasModelInCache(_modelId: string, appConfig?: AppConfig): Promise<boolean> {
  const cache = await caches.open(CACHE_NAME);
  return (await cache.match(shardUrl(appConfig))) !== undefined;
}

export class MLCEngine {
  #appConfig: AppConfig;
  #progress: (report: InitProgressReport) => void;
  #modelId: string | null = null;
  #interrupted = false;

  constructor(config: { appConfig: AppConfig; initProgressCallback?: (report: InitProgressReport) => void }) {
    this.#appConfig = config.appConfig;
    this.#progress = config.initProgressCallback ?? (() => undefined);
  }

  #weightsUrl(): string {
    return this.#appConfig.model_list[0]?.model ?? '';
  }

  async reload(modelId: string): Promise<void> {
    const url = this.#weightsUrl();
    if (url.includes('/no-webgpu/')) throw namedError('WebGPUNotAvailableError', 'WebGPU is not supported in your current environment');
    if (url.includes('/crash/')) {
      setTimeout(() => {
        throw new Error('simulated worker crash');
      });
      return new Promise<void>(() => undefined); // never settles: only the crash ends this load
    }
    const cached = await hasModelInCache(modelId, this.#appConfig);
    if (cached && url.includes('/corrupt/')) throw new SyntaxError('Unexpected end of JSON input');
    if (!cached) {
      if (url.includes('/quota/')) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      for (let shard = 1; shard <= 6; shard++) {
        if (url.includes('/fail-download/') && shard === 3) throw new TypeError('Failed to fetch');
        await sleep(url.includes('/slow/') ? 500 : 60);
        const mb = (TOTAL_MB / 6) * shard;
        this.#progress({ progress: shard / 6, timeElapsed: 0, text: `Fetching param cache[${shard}/6]: ${mb}MB fetched. ${Math.floor((shard / 6) * 100)}% completed` });
      }
      const body = new Uint8Array(STORED_BYTES);
      await (await caches.open(CACHE_NAME)).put(shardUrl(this.#appConfig), new Response(body, { headers: { 'content-length': String(STORED_BYTES) } }));
    }
    for (let shard = 1; shard <= 2; shard++) {
      await sleep(20);
      this.#progress({ progress: shard / 2, timeElapsed: 0, text: `Loading model from cache[${shard}/2]` });
    }
    if (url.includes('/oom/')) throw new Error('GPUOutOfMemoryError: Out of memory while allocating a buffer');
    for (let step = 1; step <= 3; step++) {
      await sleep(url.includes('/slow/') ? 700 : 30);
      this.#progress({ progress: step / 3, timeElapsed: 0, text: `Loading GPU shader modules[${step}/3]` });
    }
    this.#modelId = modelId;
  }

  async resetChat(): Promise<void> {}

  async interruptGenerate(): Promise<void> {
    this.#interrupted = true;
  }

  async unload(): Promise<void> {
    this.#modelId = null;
  }

  chat = {
    completions: {
      create: (request: ChatCompletionRequestStreaming) => this.#stream(request),
    },
  };

  async *#stream(request: ChatCompletionRequestStreaming) {
    if (!this.#modelId) throw namedError('ModelNotLoadedError', 'Model not loaded before trying to complete');
    this.#interrupted = false;
    const url = this.#weightsUrl();
    const flood = url.includes('/flood/');
    // Flood: bursts of 500 tokens every 25 ms, i.e. 20,000 tokens/s for 5 s.
    const delay = url.includes('/slow/') ? 250 : flood ? 25 : 15;
    const prompt = String(request.messages.at(-1)?.content ?? '');
    const answer = `**${this.#modelId}** says: ${prompt}\n\n- first point\n- second point\n\nDone.`;
    const pieces = flood ? floodPieces(100_000) : (answer.match(/\S+\s*/g) ?? []);
    // A flooding engine also ignores max_tokens: the app must survive a misbehaving engine.
    const limit = flood ? pieces.length : Math.min(pieces.length, request.max_tokens ?? pieces.length);
    const started = performance.now();
    let firstTokenAt = started;
    let produced = 0;
    let finish: 'stop' | 'length' | 'abort' = limit < pieces.length ? 'length' : 'stop';
    for (let i = 0; i < limit; i++) {
      // A flood yields to the event loop every 500 tokens only, like a very fast GPU would.
      if (!flood || i % 500 === 0) await sleep(i === 0 ? 40 : delay);
      if (this.#interrupted) { finish = 'abort'; break; }
      if (url.includes('/device-lost/') && i === 3) throw namedError('DeviceLostError', 'Device was lost');
      if (i === 0) firstTokenAt = performance.now();
      produced++;
      yield { id: 'fake', object: 'chat.completion.chunk', created: 0, model: this.#modelId, choices: [{ index: 0, delta: { role: 'assistant', content: pieces[i] }, finish_reason: null }] };
    }
    const ended = performance.now();
    yield { id: 'fake', object: 'chat.completion.chunk', created: 0, model: this.#modelId, choices: [{ index: 0, delta: {}, finish_reason: finish }] };
    const decodeSeconds = Math.max((ended - firstTokenAt) / 1000, 1e-3);
    const promptTokens = prompt.split(/\s+/).length + 10;
    yield {
      id: 'fake', object: 'chat.completion.chunk', created: 0, model: this.#modelId, choices: [],
      usage: {
        prompt_tokens: promptTokens, completion_tokens: produced, total_tokens: promptTokens + produced,
        extra: {
          e2e_latency_s: (ended - started) / 1000,
          prefill_tokens_per_s: promptTokens / ((firstTokenAt - started) / 1000 || 1e-3),
          decode_tokens_per_s: produced > 1 ? (produced - 1) / decodeSeconds : 0,
          time_to_first_token_s: (firstTokenAt - started) / 1000,
          time_per_output_token_s: decodeSeconds / Math.max(produced, 1),
        },
      },
    };
  }
}
