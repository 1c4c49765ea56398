import type { CacheBackend, LoadProgress, ModelSpec } from '../../src/lib/engine/protocol';
import { normalizeWeightsUrl } from '../../src/lib/engine/weights-url';
import { added, deleteEntries, listEntries, readEntry, type Entry } from './cache-entries';
import { DownloadGuard } from './download-guard';
import { checkFile, type FileRole } from './file-checks';
import { guardDownloads } from './guarded-fetch';
import { modelFileError } from './model-file-error';

const HEARTBEAT_MS = 1000;

/**
 * One load's safety net, around web-llm's reload:
 * 1. before: the model's small files already in the cache are read back and checked; a bad one
 *    is deleted and reported (so Try again fetches it afresh), a good manifest tells the guard
 *    what each shard must be;
 * 2. during: every download goes through the DownloadGuard (checked before it is kept), and a
 *    heartbeat keeps reporting bytes, so the page can tell a slow download from a stuck one;
 * 3. after a failure: every entry this load added that did not pass its checks is removed.
 */
export class LoadGuard {
  readonly guard: DownloadGuard;
  readonly #backend: CacheBackend;
  readonly #belongs: (url: string) => boolean;
  readonly #before: Entry[];
  #heartbeat: ReturnType<typeof setInterval> | null = null;

  private constructor(guard: DownloadGuard, backend: CacheBackend, belongs: (url: string) => boolean, before: Entry[]) {
    this.guard = guard;
    this.#backend = backend;
    this.#belongs = belongs;
    this.#before = before;
  }

  static async begin(model: ModelSpec): Promise<LoadGuard> {
    const folder = normalizeWeightsUrl(model.weightsUrl);
    const backend = model.cacheBackend ?? 'cache';
    const guard = new DownloadGuard(folder, model.libraryUrl);
    const belongs = (url: string) => url.startsWith(folder) || url === model.libraryUrl;
    await checkCachedFiles(folder, backend, guard);
    const before = await listEntries(backend, belongs).catch(() => []);
    guardDownloads(guard);
    return new LoadGuard(guard, backend, belongs, before);
  }

  /** web-llm's progress with the bytes that really came over the network and the idle time. */
  decorate(progress: LoadProgress): LoadProgress {
    const received = this.guard.receivedBytes;
    return { ...progress, receivedBytes: received > 0 ? received : progress.receivedBytes, idleMs: this.guard.idleMs() };
  }

  /** Re-sends the last progress once a second while a download is open (none arrive from web-llm mid-shard). */
  startHeartbeat(last: () => LoadProgress | null, send: (progress: LoadProgress) => void): void {
    this.#heartbeat = setInterval(() => {
      const progress = last();
      if (!this.guard.downloading || progress?.phase === 'compiling') return;
      send(this.decorate(progress ?? { phase: 'downloading', fraction: 0, receivedBytes: 0, totalBytes: null, text: 'Downloading model files' }));
    }, HEARTBEAT_MS);
  }

  end(): void {
    if (this.#heartbeat !== null) clearInterval(this.#heartbeat);
    this.#heartbeat = null;
  }

  /** After a failed load: remove what it stored without checking. Returns the error to report. */
  async rollBack(error: unknown): Promise<unknown> {
    this.end();
    try {
      const after = await listEntries(this.#backend, this.#belongs);
      const unchecked = added(this.#before, after).filter((entry) => !this.guard.verified.has(entry.url));
      await deleteEntries(this.#backend, unchecked);
    } catch {
      // The cache could not be read (private mode, evicted): nothing of ours to remove.
    }
    return this.guard.failure ?? error;
  }
}

/** Checks the cached config, manifests and tokenizer files; deletes and reports a bad one. */
async function checkCachedFiles(folder: string, backend: CacheBackend, guard: DownloadGuard): Promise<void> {
  const at = (name: string) => new URL(name, folder).href;
  const config = await checkCached(backend, { scope: 'webllm/config', url: at('mlc-chat-config.json') }, 'config');
  for (const name of ['tensor-cache.json', 'ndarray-cache.json']) {
    const manifest = await checkCached(backend, { scope: 'webllm/model', url: at(name) }, 'manifest');
    if (manifest) guard.expectShards(manifest);
  }
  const tokenizerFiles = (config as { tokenizer_files?: string[] } | null)?.tokenizer_files ?? [];
  for (const name of tokenizerFiles) {
    await checkCached(backend, { scope: 'webllm/model', url: at(name) }, name.endsWith('.json') ? 'tokenizer-json' : 'tokenizer-binary');
  }
}

async function checkCached(backend: CacheBackend, entry: Entry, role: FileRole): Promise<unknown> {
  const bytes = await readEntry(backend, entry).catch(() => null);
  if (!bytes) return null;
  const problem = checkFile(role, bytes);
  if (problem) {
    await deleteEntries(backend, [entry]);
    throw modelFileError(entry.url, problem);
  }
  return role === 'config' || role === 'manifest' ? JSON.parse(new TextDecoder().decode(bytes)) : null;
}
