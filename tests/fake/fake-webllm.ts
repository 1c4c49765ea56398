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
 *   ".../models/synth/..."   downloads for real, like web-llm, from the local model server (tests/support/
 *                            model-server.mjs): the config, the manifest and its smallest shard, through
 *                            Cache.add, so the app's download checks meet the server's injected faults
 *   ".../hf/mlc-ai/..."     the same, from the classroom server (scripts/classroom.mjs, whose build points
 *                            the catalog at <server>/hf/): a catalog model really crosses the LAN
 *   ".../real-files/..."     the same, from whatever host the URL names (the download-source test stands in
 *                            for Hugging Face, hf-mirror.com, GitHub and jsDelivr with Playwright routes), the
 *                            model library too (into "webllm/wasm", like web-llm); cached means the manifest and
 *                            the shard it took are in the cache, as web-llm's hasModelInCache asks of all shards
 *   ".../wrong-library/..."  instantiating the model library fails like a library built for another
 *                            web-llm version (the LinkError web-llm 0.2.86 raises for a v0_2_48 one)
 *   ".../verbatim/..."       the answer is the prompt itself, in 40 pieces cut anywhere (hostile output);
 *                            "⟦N×text⟧" in the prompt stands for text repeated N times (answers longer than a prompt may be)
 *   ".../thinking/..."       a reasoning model: "<think>", reasoning, "</think>", then the answer, the tags cut
 *                            across pieces ("<thi" + "nk>"), reasoning pieces every 80 ms; with
 *                            extra_body.enable_thinking false it answers at once, like Qwen3 does
 *   ".../thinking-implicit/..." the same, but the template opened the thinking: only "</think>" is written
 *   ".../oracle/<table>/..." answers from the table: base64url JSON {"marker": "answer"}; a prompt
 *                            holding a marker gets its answer, any other "I don't know." (graded-set tests)
 *   ".../rate300/..."        a steady 300 tokens/s of markdown-heavy text for 20 s ("rate<N>x<S>": N tokens/s for S s);
 *                            every token carries its number ("w17"), and when the answer ends the times the
 *                            tokens were produced are posted on BroadcastChannel "lineup-bench-rate" (npm run bench)
 *   ".../probe-network/..."  the answer reports, per channel, whether this worker could reach the
 *                            origin named in the prompt (network-probe.ts; the privacy test)
 * The answer is deterministic: it quotes the prompt, so tests can assert what each pane shows.
 */
import type { AppConfig, ChatCompletionRequestStreaming, InitProgressReport } from '@mlc-ai/web-llm';
import { probeNetwork, probeReport } from './network-probe';

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

/** A reasoning model's pieces: thinking (tags split across pieces) then the answer; null: no thinking. */
function thinkingPieces(url: string, request: ChatCompletionRequestStreaming, answer: string[]): string[] | null {
  const implicit = url.includes('/thinking-implicit/');
  if (!implicit && !url.includes('/thinking/')) return null;
  if (request.extra_body?.enable_thinking === false) return answer;
  const reasoning = 'Okay, the user asks something. Let me think it through step by step before I answer. The answer should be short.'.match(/\S+\s*/g) ?? [];
  const open = implicit ? [] : ['<thi', 'nk>\n'];
  return [...open, ...reasoning, '\n</th', 'ink>\n\n', ...answer];
}

/** Markdown-heavy text, one numbered marker per token (w0, w1, …) so a watcher can tell which tokens are on screen. */
function ratePiece(index: number): string {
  const word = `w${index}`;
  const forms = [`**${word}** `, `\`${word}\` `, `\n- ${word} `, `_${word}_ `, `\n\n### ${word}\n\n`, `${word} `, `\n1. ${word} `, `[${word}](#${word}) `];
  return forms[index % forms.length]!;
}

/** Tokens/s and seconds of a "rate" model, or null. */
function rateOf(url: string): { perSecond: number; seconds: number } | null {
  const match = /\/rate(\d+)(?:x(\d+))?\//.exec(url);
  return match ? { perSecond: Number(match[1]), seconds: Number(match[2] ?? 20) } : null;
}

/** The prompt as the answer, "⟦N×text⟧" expanded, in 40 pieces of about equal length cut anywhere. */
function verbatimPieces(prompt: string): string[] {
  const text = prompt.replace(/⟦(\d+)×([^⟧]*)⟧/g, (_, times: string, unit: string) => unit.repeat(Number(times)));
  const size = Math.max(1, Math.ceil(text.length / 40));
  return Array.from({ length: Math.ceil(text.length / size) }, (_, index) => text.slice(index * size, (index + 1) * size));
}

/** The oracle's answer to a prompt: the first table entry whose marker the prompt contains. */
function oracleAnswer(table: string, prompt: string): string {
  const bytes = Uint8Array.from(atob(table.replace(/-/g, '+').replace(/_/g, '/')), (char) => char.charCodeAt(0));
  const answers = JSON.parse(new TextDecoder().decode(bytes)) as Record<string, string>;
  return Object.entries(answers).find(([marker]) => prompt.includes(marker))?.[1] ?? "I don't know.";
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Not a web-llm model version: the worker's library check (workers/library-check.ts) has no ABI
 * table for it and leaves the fake's libraries (which are not served) alone.
 */
export const modelVersion = 'fake-engine';

export async function hasModelInCache(_modelId: string, appConfig?: AppConfig): Promise<boolean> {
  const folder = appConfig?.model_list[0]?.model ?? '';
  if (folder.includes('/real-files/')) return realFilesCached(folder);
  if (usesOpfs(appConfig)) return opfsHas(CACHE_NAME, shardUrl(appConfig));
  const cache = await caches.open(CACHE_NAME);
  return (await cache.match(shardUrl(appConfig))) !== undefined;
}

/** A "real files" model is cached when its manifest and the shard the fake downloads are (web-llm checks every shard). */
async function realFilesCached(folder: string): Promise<boolean> {
  const base = folder.endsWith('/') ? folder : `${folder}/`;
  const models = await caches.open(CACHE_NAME);
  const manifest = await models.match(new URL('tensor-cache.json', base).href);
  if (!manifest) return false;
  const records = ((await manifest.json()) as { records?: Array<{ dataPath: string; nbytes: number }> }).records ?? [];
  const smallest = [...records].sort((a, b) => a.nbytes - b.nbytes)[0];
  return smallest !== undefined && (await models.match(new URL(smallest.dataPath, base).href)) !== undefined;
}

/*
 * cacheBackend 'opfs', stored exactly as web-llm 0.2.86's OPFSStore does (lib/index.js): under
 * "tvmjs-opfs-store/<scope parts, URI-encoded>/", "<sha256(url) hex>.bin" holds the bytes and
 * "<sha256(url) hex>.record.json" {url, nbytes, contentType}. Written here independently of the
 * app's reader (src/lib/storage/opfs-store.ts), so the storage test checks that reader against
 * web-llm's layout rather than against itself. (0.2.79, the offline real-engine runtime, has no OPFS.)
 */
function usesOpfs(appConfig: AppConfig | undefined): boolean {
  return (appConfig as { cacheBackend?: string } | undefined)?.cacheBackend === 'opfs';
}

async function opfsFolder(scope: string): Promise<FileSystemDirectoryHandle> {
  let folder = await (await navigator.storage.getDirectory()).getDirectoryHandle('tvmjs-opfs-store', { create: true });
  for (const part of scope.split('/').filter((piece) => piece.length > 0)) folder = await folder.getDirectoryHandle(encodeURIComponent(part), { create: true });
  return folder;
}

async function urlHash(url: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(url));
  return Array.from(new Uint8Array(digest)).map((byte) => byte.toString(16).padStart(2, '0')).join('');
}

async function opfsWrite(scope: string, url: string, body: Uint8Array, contentType: string): Promise<void> {
  const folder = await opfsFolder(scope);
  const hash = await urlHash(url);
  for (const [name, bytes] of [[`${hash}.bin`, body], [`${hash}.record.json`, new TextEncoder().encode(JSON.stringify({ url, nbytes: body.byteLength, contentType }))]] as const) {
    const writable = await (await folder.getFileHandle(name, { create: true })).createWritable();
    await writable.write(bytes as Uint8Array<ArrayBuffer>);
    await writable.close();
  }
}

async function opfsHas(scope: string, url: string): Promise<boolean> {
  try {
    const folder = await opfsFolder(scope);
    const hash = await urlHash(url);
    const record = JSON.parse(await (await (await folder.getFileHandle(`${hash}.record.json`)).getFile()).text()) as { url: string; nbytes: number };
    return record.url === url && (await (await folder.getFileHandle(`${hash}.bin`)).getFile()).size === record.nbytes;
  } catch {
    return false;
  }
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
    if (url.includes('/wrong-library/')) {
      await sleep(30);
      throw new WebAssembly.LinkError('WebAssembly.instantiate(): Import #0 "env" "_ZN3tvm7runtime9threading15ResetThreadPoolEv": function import requires a callable');
    }
    const forReal = /\/models\/synth\/|\/hf\/mlc-ai\/|\/real-files\//.test(url);
    if (forReal) await this.#downloadForReal(url);
    if (url.includes('/real-files/')) await this.#downloadLibrary();
    const cached = forReal || (await hasModelInCache(modelId, this.#appConfig));
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
      if (usesOpfs(this.#appConfig)) await opfsWrite(CACHE_NAME, shardUrl(this.#appConfig), body, 'application/octet-stream');
      else await (await caches.open(CACHE_NAME)).put(shardUrl(this.#appConfig), new Response(body, { headers: { 'content-length': String(STORED_BYTES) } }));
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

  /** web-llm keeps the model library in "webllm/wasm", keyed by its URL, and fetches it only when missing. */
  async #downloadLibrary(): Promise<void> {
    const url = this.#appConfig.model_list[0]?.model_lib;
    if (!url) return;
    const libraries = await caches.open('webllm/wasm');
    if (!(await libraries.match(url))) await libraries.add(url);
  }

  /** What web-llm does with a model folder, in small: store each file with Cache.add, then read it. */
  async #downloadForReal(folder: string): Promise<void> {
    const base = folder.endsWith('/') ? folder : `${folder}/`;
    const configs = await caches.open('webllm/config');
    const configUrl = new URL('mlc-chat-config.json', base).href;
    if (!(await configs.match(configUrl))) await configs.add(configUrl);
    const config = (await (await configs.match(configUrl))!.json()) as { tokenizer_files: string[] };
    if (!config.tokenizer_files.includes('tokenizer.json')) throw new Error('Unsupported tokenizer files');
    const models = await caches.open(CACHE_NAME);
    const manifestUrl = new URL('tensor-cache.json', base).href;
    if (!(await models.match(manifestUrl))) await models.add(manifestUrl);
    const manifest = (await (await models.match(manifestUrl))!.json()) as { records: Array<{ dataPath: string; nbytes: number }> };
    const smallest = [...manifest.records].sort((a, b) => a.nbytes - b.nbytes)[0]!;
    const shardUrl = new URL(smallest.dataPath, base).href;
    this.#progress({ progress: 0, timeElapsed: 0, text: 'Fetching param cache[0/1]: 0MB fetched. 0% completed' });
    if (!(await models.match(shardUrl))) await models.add(shardUrl);
    this.#progress({ progress: 1, timeElapsed: 0, text: `Fetching param cache[1/1]: ${Math.ceil(smallest.nbytes / 1048576)}MB fetched. 100% completed` });
  }

  /**
   * A steady rate, like a fast GPU: tokens fall due at start + i / rate, and every due token is
   * yielded when the timer fires (timers are clamped to 4 ms, so several at a time at 300/s).
   */
  async *#steady(rate: { perSecond: number; seconds: number }, url: string, request: ChatCompletionRequestStreaming) {
    const total = rate.perSecond * rate.seconds;
    const producedAt: number[] = [];
    const started = performance.now();
    let finish: 'stop' | 'abort' = 'stop';
    for (let i = 0; i < total; ) {
      const due = started + 40 + (i * 1000) / rate.perSecond;
      if (performance.now() < due) await sleep(due - performance.now());
      if (this.#interrupted) { finish = 'abort'; break; }
      while (i < total && performance.now() >= started + 40 + (i * 1000) / rate.perSecond) {
        producedAt.push(performance.timeOrigin + performance.now());
        yield { id: 'fake', object: 'chat.completion.chunk', created: 0, model: this.#modelId, choices: [{ index: 0, delta: { role: 'assistant', content: ratePiece(i) }, finish_reason: null }] };
        i++;
      }
    }
    const ended = performance.now();
    const channel = new BroadcastChannel('lineup-bench-rate');
    channel.postMessage({ weightsUrl: url, producedAt });
    channel.close();
    yield { id: 'fake', object: 'chat.completion.chunk', created: 0, model: this.#modelId, choices: [{ index: 0, delta: {}, finish_reason: finish }] };
    const promptTokens = String(request.messages.at(-1)?.content ?? '').split(/\s+/).length + 10;
    const decodeSeconds = Math.max((ended - started - 40) / 1000, 1e-3);
    yield {
      id: 'fake', object: 'chat.completion.chunk', created: 0, model: this.#modelId, choices: [],
      usage: {
        prompt_tokens: promptTokens, completion_tokens: producedAt.length, total_tokens: promptTokens + producedAt.length,
        extra: { e2e_latency_s: (ended - started) / 1000, prefill_tokens_per_s: promptTokens / 0.04, decode_tokens_per_s: producedAt.length / decodeSeconds, time_to_first_token_s: 0.04, time_per_output_token_s: decodeSeconds / Math.max(producedAt.length, 1) },
      },
    };
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
    const probeOrigin = url.includes('/probe-network/') ? /https?:\/\/[^\s/]+/.exec(prompt)?.[0] : undefined;
    const oracle = /\/oracle\/([A-Za-z0-9_-]+)\//.exec(url)?.[1];
    const answer = probeOrigin
      ? probeReport(await probeNetwork(probeOrigin, prompt))
      : oracle
        ? oracleAnswer(oracle, prompt)
        : `**${this.#modelId}** says: ${prompt}\n\n- first point\n- second point\n\nDone.`;
    const answerPieces = answer.match(/\S+\s*/g) ?? [];
    const thinking = thinkingPieces(url, request, answerPieces);
    const rate = rateOf(url);
    if (rate) {
      yield* this.#steady(rate, url, request);
      return;
    }
    const pieces = flood ? floodPieces(100_000) : url.includes('/verbatim/') ? verbatimPieces(prompt) : (thinking ?? answerPieces);
    // A flooding engine also ignores max_tokens: the app must survive a misbehaving engine.
    const limit = flood ? pieces.length : Math.min(pieces.length, request.max_tokens ?? pieces.length);
    const started = performance.now();
    let firstTokenAt = started;
    let produced = 0;
    let finish: 'stop' | 'length' | 'abort' = limit < pieces.length ? 'length' : 'stop';
    for (let i = 0; i < limit; i++) {
      // A flood yields to the event loop every 500 tokens only, like a very fast GPU would.
      // A thinking model reasons slowly enough for a test to watch the live section.
      const thinkingDelay = thinking !== null && i < pieces.length - answerPieces.length ? 80 : delay;
      if (!flood || i % 500 === 0) await sleep(i === 0 ? 40 : thinkingDelay);
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
