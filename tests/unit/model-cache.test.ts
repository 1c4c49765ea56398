// @vitest-environment node
import 'fake-indexeddb/auto'; // an in-memory IndexedDB, as web-llm's IndexedDB backend would use
import { describe, expect, it } from 'vitest';
import { deleteCachedModel, fitsInQuota, listCachedModels, modelKeyOf } from '../../src/lib/storage/model-cache';

/** A minimal in-memory CacheStorage with the calls model-cache.ts makes. */
function fakeCaches(files: Record<string, Record<string, number>>): CacheStorage {
  const stores = new Map(Object.entries(files).map(([name, entries]) => [name, new Map(Object.entries(entries))]));
  const cacheFor = (store: Map<string, number>) =>
    ({
      keys: async () => [...store.keys()].map((url) => ({ url }) as Request),
      match: async (request: Request) => {
        const size = store.get(request.url);
        return size === undefined ? undefined : new Response(null, { headers: { 'content-length': String(size) } });
      },
      delete: async (request: Request) => store.delete(request.url),
    }) as unknown as Cache;
  return {
    has: async (name: string) => stores.has(name),
    open: async (name: string) => cacheFor(stores.get(name)!),
    delete: async (name: string) => stores.delete(name),
  } as unknown as CacheStorage;
}

const QWEN = 'https://huggingface.co/mlc-ai/Qwen3-0.6B-q4f32_1-MLC/resolve/main/';
const LLAMA = 'https://huggingface.co/mlc-ai/Llama-3.2-1B-Instruct-q4f32_1-MLC/resolve/main/';
const LIB = 'https://raw.githubusercontent.com/mlc-ai/binary-mlc-llm-libs/main/web-llm-models/v0_2_86/base/Qwen3-0.6B-q4f32_1-ctx4k_cs1k-webgpu.wasm';

describe('model cache', () => {
  it('groups cached files by model folder and sums their sizes, largest first', async () => {
    const caches = fakeCaches({
      'webllm/model': { [`${QWEN}params_shard_0.bin`]: 30_000_000, [`${QWEN}params_shard_1.bin`]: 20_000_000, [`${LLAMA}params_shard_0.bin`]: 90_000_000 },
      'webllm/config': { [`${QWEN}mlc-chat-config.json`]: 2_000 },
      'webllm/wasm': { [LIB]: 5_000_000 },
    });
    const models = await listCachedModels(caches);
    expect(models.map((model) => [model.key, model.bytes, model.files])).toEqual([
      [LLAMA, 90_000_000, 1],
      [QWEN, 50_002_000, 3],
      [LIB, 5_000_000, 1],
    ]);
  });

  it('deleting a model removes its files from every cache and nothing else', async () => {
    const caches = fakeCaches({
      'webllm/model': { [`${QWEN}params_shard_0.bin`]: 10, [`${LLAMA}params_shard_0.bin`]: 20 },
      'webllm/config': { [`${QWEN}mlc-chat-config.json`]: 1 },
    });
    expect(await deleteCachedModel(QWEN, caches)).toBe(2);
    expect((await listCachedModels(caches)).map((model) => model.key)).toEqual([LLAMA]);
  });

  it('keys a URL by its /resolve/<rev>/ folder', () => {
    expect(modelKeyOf(`${QWEN}tokenizer.json`)).toBe(QWEN);
    expect(modelKeyOf(LIB)).toBe(LIB);
  });

  it('says whether a download fits the quota, or that it cannot tell', () => {
    expect(fitsInQuota(100, { usage: 800, quota: 1000, persisted: false })).toBe(true);
    expect(fitsInQuota(300, { usage: 800, quota: 1000, persisted: false })).toBe(false);
    expect(fitsInQuota(300, { usage: null, quota: null, persisted: null })).toBeNull();
  });
});

describe('model cache, IndexedDB backend', () => {
  it('lists models stored by web-llm in IndexedDB (keys only) and deletes them', async () => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open('webllm/model', 1);
      request.onupgradeneeded = () => request.result.createObjectStore('urls', { keyPath: 'url' });
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    await new Promise<void>((resolve) => {
      const tx = db.transaction('urls', 'readwrite');
      tx.objectStore('urls').put({ url: `${QWEN}params_shard_0.bin`, data: new ArrayBuffer(8) });
      tx.objectStore('urls').put({ url: `${QWEN}tokenizer.json`, data: '{}' });
      tx.oncomplete = () => resolve();
    });
    db.close();
    const empty = fakeCaches({});
    expect(await listCachedModels(empty)).toEqual([{ key: QWEN, bytes: 0, files: 2, backend: 'indexeddb' }]);
    expect(await deleteCachedModel(QWEN, empty)).toBe(2);
    expect(await listCachedModels(empty)).toEqual([]);
  });
});
