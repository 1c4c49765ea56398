import { checkFile, looksLikeHtml, shardsOf, type FileProblem, type FileRole, type ShardRecord } from './file-checks';
import { Md5 } from './md5';
import { modelFileError, type ModelFileDamagedError, type ModelFileInvalidError } from './model-file-error';

type ModelFileError = ModelFileInvalidError | ModelFileDamagedError;

/** Which small file a URL in the weights folder is, by name (web-llm's names for them). */
export function roleOf(fileName: string): FileRole | null {
  if (fileName === 'mlc-chat-config.json') return 'config';
  if (fileName === 'tensor-cache.json' || fileName === 'ndarray-cache.json') return 'manifest';
  if (fileName === 'tokenizer.model') return 'tokenizer-binary';
  if (/^(tokenizer|tokenizer_config|vocab|added_tokens|special_tokens_map)\.json$/.test(fileName)) return 'tokenizer-json';
  return null;
}

/**
 * Watches every download of one load as it streams through the worker: counts bytes (for speed
 * and stall detection) and checks each model file before the engine gets it, so a bad file never
 * reaches the engine and never lands in the cache (the body errors, so the cache write fails).
 * Small files are buffered and checked whole; shards are checked on the fly (size, md5sum).
 */
export class DownloadGuard {
  readonly #folder: string;
  readonly #libraryUrl: string;
  readonly #shards = new Map<string, ShardRecord>();
  /** URLs whose bytes passed their checks during this load. */
  readonly verified = new Set<string>();
  failure: ModelFileError | null = null;
  receivedBytes = 0;
  #open = 0;
  #lastByteAt = performance.now();

  constructor(weightsFolder: string, libraryUrl: string) {
    this.#folder = weightsFolder;
    this.#libraryUrl = libraryUrl;
  }

  /** Shard sizes and hashes from a manifest that passed its checks (read from the cache or the network). */
  expectShards(manifest: unknown): void {
    for (const shard of shardsOf(manifest)) this.#shards.set(new URL(shard.dataPath, this.#folder).href, shard);
  }

  /** Milliseconds since the last byte arrived while a download is open; 0 when none is. */
  idleMs(now = performance.now()): number {
    return this.#open > 0 ? Math.max(0, now - this.#lastByteAt) : 0;
  }

  get downloading(): boolean {
    return this.#open > 0;
  }

  concerns(url: string): boolean {
    return url.startsWith(this.#folder) || url === this.#libraryUrl;
  }

  /** A download is starting: the stall clock runs from here until bytes arrive. */
  opened(): () => void {
    if (this.#open++ === 0) this.#lastByteAt = performance.now();
    let closed = false;
    return () => {
      if (closed) return;
      closed = true;
      this.#open--;
    };
  }

  /** The same response, with a body that is counted and checked as it is read. */
  watch(url: string, response: Response, close: () => void): Response {
    if (!response.body) {
      close();
      return response;
    }
    const name = url.startsWith(this.#folder) ? decodeURIComponent(url.slice(this.#folder.length).split(/[?#]/)[0] ?? '') : '';
    const role = roleOf(name);
    const shard = this.#shards.get(url.split(/[?#]/)[0] ?? url);
    const check = role ? this.#wholeFileCheck(url, role, response.headers.get('content-type'))
      : shard ? this.#shardCheck(url, shard, response.headers.get('content-type'))
        : null;
    const guard = this;
    const body = response.body.pipeThrough(new TransformStream<Uint8Array, Uint8Array>({
      transform(chunk, controller) {
        guard.receivedBytes += chunk.byteLength;
        guard.#lastByteAt = performance.now();
        if (!check) return controller.enqueue(chunk);
        const problem = check.push(chunk, controller);
        if (problem) guard.#reject(url, problem, controller, close);
      },
      flush(controller) {
        close();
        const problem = check?.end(controller) ?? null;
        if (problem) return guard.#reject(url, problem, controller, close);
        if (check) guard.verified.add(url);
      },
      cancel: close,
    } as Transformer<Uint8Array, Uint8Array>));
    return new Response(body, { status: response.status, statusText: response.statusText, headers: response.headers });
  }

  #reject(url: string, problem: FileProblem, controller: TransformStreamDefaultController<Uint8Array>, close: () => void): void {
    close();
    const error = modelFileError(url, problem);
    this.failure ??= error;
    controller.error(error);
  }

  #wholeFileCheck(url: string, role: FileRole, contentType: string | null): Check {
    const chunks: Uint8Array[] = [];
    return {
      push: (chunk) => {
        chunks.push(chunk);
        return null;
      },
      end: (controller) => {
        const bytes = concat(chunks);
        const problem = checkFile(role, bytes, contentType);
        if (problem) return problem;
        if (role === 'manifest') this.expectShards(JSON.parse(new TextDecoder().decode(bytes)));
        controller.enqueue(bytes);
        return null;
      },
    };
  }

  #shardCheck(_url: string, shard: ShardRecord, contentType: string | null): Check {
    const md5 = shard.md5sum ? new Md5() : null;
    let received = 0;
    return {
      push: (chunk, controller) => {
        if (received === 0 && looksLikeHtml(chunk, contentType)) return { kind: 'html-page', detail: 'a web page came instead of weights' };
        received += chunk.byteLength;
        if (received > shard.nbytes) return sizeProblem(received, shard.nbytes, 'more than');
        md5?.update(chunk);
        controller.enqueue(chunk);
        return null;
      },
      end: () => {
        if (received !== shard.nbytes) return sizeProblem(received, shard.nbytes, 'only');
        const digest = md5?.hex();
        if (digest && digest !== shard.md5sum) {
          return { kind: 'wrong-hash', detail: `its MD5 checksum is ${digest}, but tensor-cache.json says ${shard.md5sum}` };
        }
        return null;
      },
    };
  }
}

interface Check {
  push(chunk: Uint8Array, controller: TransformStreamDefaultController<Uint8Array>): FileProblem | null;
  end(controller: TransformStreamDefaultController<Uint8Array>): FileProblem | null;
}

function sizeProblem(received: number, expected: number, word: string): FileProblem {
  return { kind: 'wrong-size', detail: `${word} ${received.toLocaleString('en')} bytes arrived, but tensor-cache.json says ${expected.toLocaleString('en')}` };
}

function concat(chunks: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(chunks.reduce((sum, chunk) => sum + chunk.byteLength, 0));
  let offset = 0;
  for (const chunk of chunks) {
    out.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return out;
}
