/**
 * What web-llm keeps in the browser's Cache API, read from the page without loading web-llm.
 * web-llm stores weights and tokenizer under "webllm/model", chat configs under "webllm/config"
 * and compiled libraries under "webllm/wasm", each keyed by the file's URL. A model's files all
 * live under its weights folder (".../resolve/main/"), so grouping by that prefix gives one
 * entry per model.
 */

// Loaded on first use: the OPFS reader stays out of the first page load.
const opfs = () => import('./opfs-store');

export const WEBLLM_CACHES = ['webllm/model', 'webllm/config', 'webllm/wasm'] as const;

export interface CachedModel {
  /** The weights folder URL (ends in /resolve/<rev>/), or the library URL for a lone .wasm. */
  key: string;
  /** Bytes in the Cache API (IndexedDB copies are counted in the browser's total, not here). */
  bytes: number;
  files: number;
  backend: 'cache' | 'indexeddb' | 'opfs';
}

export interface StorageFigures {
  usage: number | null;
  quota: number | null;
  persisted: boolean | null;
}

/** Weights folder a cached URL belongs to, or the URL itself (model libraries). */
export function modelKeyOf(url: string): string {
  const match = /^(.*?\/resolve\/[^/]+\/)/.exec(url);
  return match?.[1] ?? url;
}

async function sizeOf(response: Response): Promise<number> {
  const header = Number(response.headers.get('content-length'));
  if (Number.isFinite(header) && header > 0) return header;
  return (await response.blob()).size; // only for the small files stored without a length
}

/** Every model with files in web-llm's caches, largest first. */
export async function listCachedModels(cacheStorage: CacheStorage = caches): Promise<CachedModel[]> {
  const byKey = new Map<string, CachedModel>();
  for (const name of WEBLLM_CACHES) {
    if (!(await cacheStorage.has(name))) continue;
    const cache = await cacheStorage.open(name);
    for (const request of await cache.keys()) {
      const response = await cache.match(request);
      if (!response) continue;
      const key = modelKeyOf(request.url);
      const entry = byKey.get(key) ?? { key, bytes: 0, files: 0, backend: 'cache' as const };
      entry.bytes += await sizeOf(response);
      entry.files += 1;
      byKey.set(key, entry);
    }
  }
  for (const url of await indexedDbUrls()) {
    const key = modelKeyOf(url);
    const entry = byKey.get(key) ?? { key, bytes: 0, files: 0, backend: 'indexeddb' as const };
    entry.files += 1;
    byKey.set(key, entry);
  }
  // web-llm 0.2.86's OPFS backend records each file's size, so these are sized exactly.
  for (const { url, nbytes } of await (await opfs()).listOpfsEntries()) {
    const key = modelKeyOf(url);
    const entry = byKey.get(key) ?? { key, bytes: 0, files: 0, backend: 'opfs' as const };
    entry.bytes += nbytes;
    entry.files += 1;
    byKey.set(key, entry);
  }
  return [...byKey.values()].sort((a, b) => b.bytes - a.bytes);
}

/*
 * web-llm's IndexedDB backend: one database per scope (same names as the caches), object store
 * "urls" keyed by file URL. Only keys are read: the values are the weights themselves.
 */
const IDB_STORE = 'urls';

async function existingDatabases(): Promise<string[]> {
  if (typeof indexedDB === 'undefined' || !indexedDB.databases) return [];
  const names = (await indexedDB.databases()).map((db) => db.name ?? '');
  return WEBLLM_CACHES.filter((name) => names.includes(name));
}

function openDb(name: string): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const request = indexedDB.open(name);
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
}

function done<T>(request: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
}

async function indexedDbUrls(): Promise<string[]> {
  const urls: string[] = [];
  for (const name of await existingDatabases()) {
    const db = await openDb(name);
    try {
      if (db.objectStoreNames.contains(IDB_STORE)) {
        const keys = await done(db.transaction(IDB_STORE).objectStore(IDB_STORE).getAllKeys());
        urls.push(...keys.map(String));
      }
    } finally {
      db.close();
    }
  }
  return urls;
}

async function deleteFromIndexedDb(key: string | null): Promise<number> {
  let removed = 0;
  for (const name of await existingDatabases()) {
    const db = await openDb(name);
    try {
      if (!db.objectStoreNames.contains(IDB_STORE)) continue;
      const store = db.transaction(IDB_STORE, 'readwrite').objectStore(IDB_STORE);
      for (const url of (await done(store.getAllKeys())).map(String)) {
        if (key !== null && modelKeyOf(url) !== key) continue;
        await done(store.delete(url));
        removed++;
      }
    } finally {
      db.close();
    }
  }
  return removed;
}

/** Remove every cached file of one model (weights, tokenizer, config) or one library. */
export async function deleteCachedModel(key: string, cacheStorage: CacheStorage = caches): Promise<number> {
  let removed = 0;
  for (const name of WEBLLM_CACHES) {
    if (!(await cacheStorage.has(name))) continue;
    const cache = await cacheStorage.open(name);
    for (const request of await cache.keys()) {
      if (modelKeyOf(request.url) === key && (await cache.delete(request))) removed++;
    }
  }
  return removed + (await deleteFromIndexedDb(key)) + (await (await opfs()).deleteOpfsEntries((url) => modelKeyOf(url) === key));
}

/**
 * Remove one cached model library (exactly this URL, from web-llm's "webllm/wasm" cache and
 * database): a stale or damaged library is deleted without touching the model's weights.
 */
export async function deleteCachedLibrary(url: string, cacheStorage: CacheStorage = caches): Promise<number> {
  let removed = (await cacheStorage.has('webllm/wasm')) && (await (await cacheStorage.open('webllm/wasm')).delete(url)) ? 1 : 0;
  if (await (await opfs()).deleteOpfsEntry('webllm/wasm', url)) removed++;
  if (!(await existingDatabases()).includes('webllm/wasm')) return removed;
  const db = await openDb('webllm/wasm');
  try {
    if (db.objectStoreNames.contains(IDB_STORE)) {
      const store = db.transaction(IDB_STORE, 'readwrite').objectStore(IDB_STORE);
      if ((await done(store.getKey(url))) !== undefined) {
        await done(store.delete(url));
        removed++;
      }
    }
  } finally {
    db.close();
  }
  return removed;
}

export async function deleteAllCachedModels(cacheStorage: CacheStorage = caches): Promise<void> {
  for (const name of WEBLLM_CACHES) await cacheStorage.delete(name);
  await deleteFromIndexedDb(null);
  await (await opfs()).deleteOpfsEntries(() => true);
}

export async function storageFigures(storage: StorageManager | undefined = globalThis.navigator?.storage): Promise<StorageFigures> {
  if (!storage) return { usage: null, quota: null, persisted: null };
  const [estimate, persisted] = await Promise.all([
    storage.estimate().catch(() => ({}) as StorageEstimate),
    storage.persisted?.().catch(() => null) ?? Promise.resolve(null),
  ]);
  return { usage: estimate.usage ?? null, quota: estimate.quota ?? null, persisted };
}

/** Ask the browser not to evict the cache under storage pressure. Resolves to whether it agreed. */
export async function requestPersistence(storage: StorageManager | undefined = globalThis.navigator?.storage): Promise<boolean> {
  return (await storage?.persist?.().catch(() => false)) ?? false;
}

/**
 * Will `bytes` more fit? null when the browser does not say. Browsers evict or refuse at the
 * quota, so a download that would cross it is worth a warning before it starts, not after.
 */
export function fitsInQuota(bytes: number, figures: StorageFigures): boolean | null {
  if (figures.usage === null || figures.quota === null) return null;
  return figures.usage + bytes <= figures.quota;
}
