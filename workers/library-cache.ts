/**
 * web-llm's own storage for model libraries: the Cache API cache "webllm/wasm", or the
 * IndexedDB database of that name (store "urls", records `{ url, data }`), keyed by the
 * library URL. The library check reads a cached copy from here instead of downloading it again,
 * stores a checked download where web-llm will look for it, and drops a copy that fails.
 */
import type { CacheBackend } from '../src/lib/engine/protocol';
import { deleteOpfsEntry, readOpfsEntry } from '../src/lib/storage/opfs-store';

const SCOPE = 'webllm/wasm';
const STORE = 'urls';

/** web-llm keeps libraries only for absolute URLs, and never for localhost (see its reload()). */
export function webllmCachesLibrary(url: string): boolean {
  return url.startsWith('http') && !url.includes('localhost');
}

function openDb(): Promise<IDBDatabase | null> {
  if (typeof indexedDB === 'undefined') return Promise.resolve(null);
  return new Promise((resolve) => {
    const request = indexedDB.open(SCOPE, 1);
    // Same schema as web-llm's ArtifactIndexedDBCache, so either side may create the database.
    request.onupgradeneeded = () => {
      if (!request.result.objectStoreNames.contains(STORE)) request.result.createObjectStore(STORE, { keyPath: 'url' });
    };
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => resolve(null);
  });
}

function done<T>(request: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
}

async function withStore<T>(mode: IDBTransactionMode, use: (store: IDBObjectStore) => Promise<T>): Promise<T | null> {
  const db = await openDb();
  if (!db) return null;
  try {
    if (!db.objectStoreNames.contains(STORE)) return null;
    return await use(db.transaction(STORE, mode).objectStore(STORE));
  } finally {
    db.close();
  }
}

/** The cached bytes of this library, or null when it is not cached (or the cache is unreadable). */
export async function readCachedLibrary(url: string, backend: CacheBackend): Promise<ArrayBuffer | null> {
  try {
    if (backend === 'opfs') {
      const bytes = await readOpfsEntry(SCOPE, url);
      return bytes ? (bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer) : null;
    }
    if (backend === 'indexeddb') {
      const record = await withStore('readonly', (store) => done(store.get(url)) as Promise<{ data?: unknown } | undefined>);
      return record?.data instanceof ArrayBuffer ? record.data : null;
    }
    const response = await (await caches.open(SCOPE)).match(url);
    return response ? await response.arrayBuffer() : null;
  } catch {
    return null; // no storage (private mode): the check downloads the library instead
  }
}

/** Is this library in web-llm's store (without reading its bytes where the store allows)? */
export async function hasCachedLibrary(url: string, backend: CacheBackend): Promise<boolean> {
  try {
    if (backend === 'opfs') return (await readOpfsEntry(SCOPE, url)) !== null;
    if (backend === 'indexeddb') {
      const key = await withStore('readonly', (store) => done(store.getKey(url)));
      return key !== undefined && key !== null;
    }
    if (!(await caches.has(SCOPE))) return false;
    return (await (await caches.open(SCOPE)).match(url)) !== undefined;
  } catch {
    return false;
  }
}

/** Store a checked library under the key web-llm reads, so it does not download it again. */
export async function storeLibrary(url: string, bytes: ArrayBuffer, backend: CacheBackend): Promise<void> {
  // OPFS: web-llm writes its own records there (SHA-256 names, sizes); it downloads the library once more itself.
  if (!webllmCachesLibrary(url) || backend === 'opfs') return;
  try {
    if (backend === 'indexeddb') {
      await withStore('readwrite', (store) => done(store.put({ url, data: bytes })));
      return;
    }
    const headers = { 'Content-Type': 'application/wasm', 'Content-Length': String(bytes.byteLength) };
    await (await caches.open(SCOPE)).put(url, new Response(bytes, { headers }));
  } catch {
    // Storage full or unavailable: web-llm then downloads the library itself (and reports why).
  }
}

/** Remove this library from both of web-llm's stores; true when a copy was removed. */
export async function deleteCachedLibrary(url: string): Promise<boolean> {
  let removed = false;
  try {
    removed = await (await caches.open(SCOPE)).delete(url);
  } catch {
    // no Cache API here
  }
  try {
    const had = await withStore('readwrite', async (store) => {
      const found = (await done(store.getKey(url))) !== undefined;
      if (found) await done(store.delete(url));
      return found;
    });
    removed ||= had === true;
  } catch {
    // no IndexedDB here
  }
  try {
    removed = (await deleteOpfsEntry(SCOPE, url)) || removed;
  } catch {
    // no OPFS here
  }
  return removed;
}
