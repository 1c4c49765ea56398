/**
 * Writes a checked folder into web-llm's storage exactly as web-llm would have after a download,
 * so its next load finds every file and fetches nothing:
 * - Cache API: cache "webllm/config" | "webllm/model" | "webllm/wasm", keyed by the file's URL,
 *   the response carrying content-length (the storage panel sizes entries by it);
 * - IndexedDB: database of the same name, store "urls" (keyPath "url"), value {url, data}, where
 *   data is what web-llm's fetchWithCache stored: the parsed JSON for the tensor manifest (and
 *   for mlc-chat-config.json before 0.2.80), an ArrayBuffer for everything else;
 * - OPFS (web-llm 0.2.86's OPFSStore): the bytes and their record, via src/lib/storage/opfs-store.ts.
 * If any write fails (quota, a file that vanished from the USB stick), every entry written so far
 * is removed again: nothing half-written stays.
 */
import type { CacheBackend } from '../engine/protocol';
import type { FolderPlan, PlannedFile } from './folder-check';
import { deleteOpfsEntry, writeOpfsEntry } from '../storage/opfs-store';
import { opfsAvailable } from '../storage/opfs-support';
import { t } from '../i18n/i18n.svelte';

export interface WriteProgress {
  writtenBytes: number;
  totalBytes: number;
  file: string;
}

/** web-llm before 0.2.80 (the offline test runtime) reads the chat config from IndexedDB as parsed JSON. */
export function storesConfigAsJson(engineVersion: string): boolean {
  const match = /(\d+)\.(\d+)\.(\d+)/.exec(engineVersion);
  if (!match) return false;
  const [major, minor, patch] = match.slice(1).map(Number) as [number, number, number];
  return major === 0 && minor <= 2 && (minor < 2 || patch < 80);
}

export async function writeModelFiles(
  plan: FolderPlan,
  backend: CacheBackend,
  onProgress: (progress: WriteProgress) => void,
  engineVersion: string = __ENGINE_VERSION__,
): Promise<void> {
  // Said here in the interface language (opfs-store.ts, shared with the engine worker, has no i18n).
  if (backend === 'opfs' && !opfsAvailable()) throw new Error(t('storage.noOpfs'));
  const written: PlannedFile[] = [];
  let writtenBytes = 0;
  try {
    for (const entry of plan.files) {
      onProgress({ writtenBytes, totalBytes: plan.totalBytes, file: entry.name });
      written.push(entry);
      if (backend === 'cache') await putInCache(entry);
      else if (backend === 'opfs') await writeOpfsEntry(entry.scope, entry.url, new Uint8Array(await entry.file.arrayBuffer()), contentTypeOf(entry.name));
      else await putInIndexedDb(entry, storesConfigAsJson(engineVersion));
      writtenBytes += entry.file.size;
    }
    onProgress({ writtenBytes, totalBytes: plan.totalBytes, file: '' });
  } catch (error) {
    await removeEntries(written, backend).catch(() => undefined);
    throw error;
  }
}

const contentTypeOf = (name: string) => (name.endsWith('.json') ? 'application/json' : name.endsWith('.wasm') ? 'application/wasm' : 'application/octet-stream');

async function putInCache(entry: PlannedFile): Promise<void> {
  const cache = await caches.open(entry.scope);
  const type = contentTypeOf(entry.name);
  // A Response over the File streams it from disk: a 1 GB shard is never held in memory whole.
  await cache.put(entry.url, new Response(entry.file, { headers: { 'content-length': String(entry.file.size), 'content-type': type } }));
}

async function putInIndexedDb(entry: PlannedFile, configAsJson: boolean): Promise<void> {
  const asJson = entry.role === 'manifest' || (entry.role === 'config' && configAsJson);
  const data = asJson ? JSON.parse(await entry.file.text()) : await entry.file.arrayBuffer();
  const db = await openWebllmDb(entry.scope);
  try {
    await new Promise<void>((resolve, reject) => {
      const transaction = db.transaction('urls', 'readwrite');
      transaction.objectStore('urls').put({ url: entry.url, data });
      transaction.oncomplete = () => resolve();
      transaction.onerror = () => reject(transaction.error);
      transaction.onabort = () => reject(transaction.error ?? new Error(t('storage.writeAborted')));
    });
  } finally {
    db.close();
  }
}

/** Opens (creating like web-llm does: version 1, store "urls" keyed by "url") one of its databases. */
function openWebllmDb(name: string): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const request = indexedDB.open(name, 1);
    request.onupgradeneeded = () => {
      if (!request.result.objectStoreNames.contains('urls')) request.result.createObjectStore('urls', { keyPath: 'url' });
    };
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
}

export async function removeEntries(entries: readonly PlannedFile[], backend: CacheBackend): Promise<void> {
  for (const entry of entries) {
    if (backend === 'opfs') {
      await deleteOpfsEntry(entry.scope, entry.url);
      continue;
    }
    if (backend === 'cache') {
      if (await caches.has(entry.scope)) await (await caches.open(entry.scope)).delete(entry.url);
      continue;
    }
    const db = await openWebllmDb(entry.scope);
    try {
      await new Promise<void>((resolve, reject) => {
        const transaction = db.transaction('urls', 'readwrite');
        transaction.objectStore('urls').delete(entry.url);
        transaction.oncomplete = () => resolve();
        transaction.onerror = () => reject(transaction.error);
      });
    } finally {
      db.close();
    }
  }
}
