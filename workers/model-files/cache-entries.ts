import type { CacheBackend } from '../../src/lib/engine/protocol';
import { WEBLLM_CACHES } from '../../src/lib/storage/model-cache';
import { deleteOpfsEntry, listOpfsEntries, readOpfsEntry } from '../../src/lib/storage/opfs-store';

/**
 * web-llm's stored files, from inside the worker: one "scope" per kind (webllm/config,
 * webllm/model, webllm/wasm), keyed by URL, in the Cache API or in IndexedDB (database = scope,
 * store "urls", value {url, data}). Used to read the small files back for checking and to remove
 * exactly the entries a failed load left behind.
 */
export type Scope = (typeof WEBLLM_CACHES)[number];
export interface Entry {
  scope: Scope;
  url: string;
}

const IDB_STORE = 'urls';
const keyOf = (entry: Entry) => `${entry.scope} ${entry.url}`;

/** Every stored entry whose URL `belongs` says is this model's. */
export async function listEntries(backend: CacheBackend, belongs: (url: string) => boolean): Promise<Entry[]> {
  const entries: Entry[] = [];
  if (backend === 'opfs') return (await listOpfsEntries()).filter((entry) => belongs(entry.url)).map(({ scope, url }) => ({ scope, url }));
  for (const scope of WEBLLM_CACHES) {
    const urls = backend === 'indexeddb' ? await idbKeys(scope) : await cacheKeys(scope);
    entries.push(...urls.filter(belongs).map((url) => ({ scope, url })));
  }
  return entries;
}

/** Entries in `after` that were not in `before`. */
export function added(before: Entry[], after: Entry[]): Entry[] {
  const old = new Set(before.map(keyOf));
  return after.filter((entry) => !old.has(keyOf(entry)));
}

/** The stored bytes of one entry, or null when it is not stored. */
export async function readEntry(backend: CacheBackend, entry: Entry): Promise<Uint8Array | null> {
  if (backend === 'opfs') return readOpfsEntry(entry.scope, entry.url);
  if (backend === 'cache') {
    if (!(await caches.has(entry.scope))) return null;
    const response = await (await caches.open(entry.scope)).match(entry.url);
    return response ? new Uint8Array(await response.arrayBuffer()) : null;
  }
  const value = await withStore(entry.scope, 'readonly', (store) => done(store.get(entry.url)));
  return value === undefined || value === null ? null : toBytes((value as { data?: unknown }).data);
}

export async function deleteEntries(backend: CacheBackend, entries: Entry[]): Promise<void> {
  for (const entry of entries) {
    if (backend === 'opfs') {
      await deleteOpfsEntry(entry.scope, entry.url);
    } else if (backend === 'cache') {
      if (await caches.has(entry.scope)) await (await caches.open(entry.scope)).delete(entry.url);
    } else {
      await withStore(entry.scope, 'readwrite', (store) => done(store.delete(entry.url)));
    }
  }
}

/** web-llm stores JSON parsed (0.2.79) or as an ArrayBuffer (0.2.86, and all binary files). */
function toBytes(data: unknown): Uint8Array {
  if (data instanceof ArrayBuffer) return new Uint8Array(data);
  if (ArrayBuffer.isView(data)) return new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
  if (typeof data === 'string') return new TextEncoder().encode(data);
  return new TextEncoder().encode(JSON.stringify(data ?? null));
}

async function cacheKeys(scope: Scope): Promise<string[]> {
  if (typeof caches === 'undefined' || !(await caches.has(scope))) return [];
  return (await (await caches.open(scope)).keys()).map((request) => request.url);
}

async function idbKeys(scope: Scope): Promise<string[]> {
  return (await withStore(scope, 'readonly', (store) => done(store.getAllKeys())))?.map(String) ?? [];
}

/**
 * Runs `use` on the scope's store, or resolves undefined when the database does not exist yet.
 * Never opens a missing database: that would create it without its store, and web-llm (which
 * creates the store on upgrade only) could then never write to it.
 */
async function withStore<T>(scope: Scope, mode: IDBTransactionMode, use: (store: IDBObjectStore) => Promise<T>): Promise<T | undefined> {
  if (typeof indexedDB === 'undefined' || !indexedDB.databases) return undefined;
  if (!(await indexedDB.databases()).some((db) => db.name === scope)) return undefined;
  const db = await done(indexedDB.open(scope));
  try {
    if (!db.objectStoreNames.contains(IDB_STORE)) return undefined;
    return await use(db.transaction(IDB_STORE, mode).objectStore(IDB_STORE));
  } finally {
    db.close();
  }
}

function done<T>(request: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
}
