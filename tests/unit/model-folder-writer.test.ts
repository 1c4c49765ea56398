// @vitest-environment node
import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it } from 'vitest';
import { removeEntries, storesConfigAsJson, writeModelFiles } from '../../src/lib/model-folder/cache-writer';
import type { FolderPlan, PlannedFile } from '../../src/lib/model-folder/folder-check';

const BASE = 'https://huggingface.co/mlc-ai/M-MLC/resolve/main/';

/** A file on a USB stick pulled out mid-copy: reading it fails. */
class VanishedFile extends Blob {
  override arrayBuffer(): Promise<ArrayBuffer> {
    return Promise.reject(new DOMException('A requested file or directory could not be found', 'NotFoundError'));
  }
  override stream(): ReadableStream<Uint8Array<ArrayBuffer>> {
    throw new DOMException('A requested file or directory could not be found', 'NotFoundError');
  }
}

/** The Cache API as far as the writer uses it, in memory (Node has none). */
class MemoryCaches {
  stores = new Map<string, Map<string, Response>>();
  async open(name: string) {
    const store = this.stores.get(name) ?? new Map<string, Response>();
    this.stores.set(name, store);
    return {
      put: async (url: string, response: Response) => void store.set(url, new Response(await response.arrayBuffer(), { headers: response.headers })),
      delete: async (url: string) => store.delete(url),
    };
  }
  async has(name: string) {
    return this.stores.has(name);
  }
}

function plan(files: Array<[string, PlannedFile['scope'], PlannedFile['role'], Blob]>): FolderPlan {
  const planned = files.map(([name, scope, role, file]) => ({ name, scope, role, file, url: BASE + name }));
  return { target: { id: 'M', weightsUrl: BASE, libraryUrl: BASE + 'lib.wasm', quantization: null }, files: planned, totalBytes: planned.reduce((sum, file) => sum + file.file.size, 0) };
}

const CONFIG = new Blob([JSON.stringify({ tokenizer_files: ['tokenizer.json'] })]);
const MANIFEST = new Blob([JSON.stringify({ records: [{ dataPath: 'params_shard_0.bin', nbytes: 4, records: [] }] })]);
const SHARD = new Blob([new Uint8Array([1, 2, 3, 4])]);

function readIdb(db: string, url: string): Promise<{ url: string; data: unknown } | undefined> {
  return new Promise((resolve, reject) => {
    const open = indexedDB.open(db);
    open.onsuccess = () => {
      const request = open.result.transaction('urls').objectStore('urls').get(url);
      request.onsuccess = () => {
        open.result.close();
        resolve(request.result);
      };
      request.onerror = () => reject(request.error);
    };
  });
}

beforeEach(() => {
  (globalThis as { caches?: unknown }).caches = new MemoryCaches();
});

describe('writeModelFiles', () => {
  const files = plan([
    ['mlc-chat-config.json', 'webllm/config', 'config', CONFIG],
    ['tensor-cache.json', 'webllm/model', 'manifest', MANIFEST],
    ['params_shard_0.bin', 'webllm/model', 'bytes', SHARD],
  ]);

  it('stores each file in the IndexedDB form web-llm reads back (JSON parsed where it parses it)', async () => {
    await writeModelFiles(files, 'indexeddb', () => undefined, 'web-llm 0.2.86');
    const config = await readIdb('webllm/config', BASE + 'mlc-chat-config.json');
    expect(config?.data).toBeInstanceOf(ArrayBuffer); // 0.2.86 decodes the config's bytes itself
    expect((await readIdb('webllm/model', BASE + 'tensor-cache.json'))?.data).toEqual({ records: [{ dataPath: 'params_shard_0.bin', nbytes: 4, records: [] }] });
    const shard = await readIdb('webllm/model', BASE + 'params_shard_0.bin');
    expect([...new Uint8Array(shard!.data as ArrayBuffer)]).toEqual([1, 2, 3, 4]);

    await writeModelFiles(files, 'indexeddb', () => undefined, 'web-llm 0.2.79');
    expect((await readIdb('webllm/config', BASE + 'mlc-chat-config.json'))?.data).toEqual({ tokenizer_files: ['tokenizer.json'] });
  });

  it('stores Cache API entries with their length, and reports progress up to the total', async () => {
    const seen: number[] = [];
    await writeModelFiles(files, 'cache', (progress) => seen.push(progress.writtenBytes));
    const memory = (globalThis as unknown as { caches: MemoryCaches }).caches;
    const shard = memory.stores.get('webllm/model')!.get(BASE + 'params_shard_0.bin')!;
    expect(shard.headers.get('content-length')).toBe('4');
    expect(seen.at(-1)).toBe(files.totalBytes);
    expect(seen).toEqual([...seen].sort((a, b) => a - b));
  });

  it('removes everything it wrote when a file cannot be read, in either backend', async () => {
    const broken = plan([
      ['mlc-chat-config.json', 'webllm/config', 'config', CONFIG],
      ['params_shard_0.bin', 'webllm/model', 'bytes', SHARD],
      ['params_shard_1.bin', 'webllm/model', 'bytes', new VanishedFile([new Uint8Array(8)])],
    ]);
    await expect(writeModelFiles(broken, 'indexeddb', () => undefined)).rejects.toThrow(/could not be found/);
    expect(await readIdb('webllm/model', BASE + 'params_shard_0.bin')).toBeUndefined();
    expect(await readIdb('webllm/config', BASE + 'mlc-chat-config.json')).toBeUndefined();

    await expect(writeModelFiles(broken, 'cache', () => undefined)).rejects.toThrow(/could not be found/);
    const memory = (globalThis as unknown as { caches: MemoryCaches }).caches;
    expect([...memory.stores.values()].every((store) => store.size === 0)).toBe(true);
  });

  it('removeEntries deletes exactly the planned URLs', async () => {
    await writeModelFiles(files, 'indexeddb', () => undefined);
    await removeEntries(files.files.slice(2), 'indexeddb');
    expect(await readIdb('webllm/model', BASE + 'params_shard_0.bin')).toBeUndefined();
    expect(await readIdb('webllm/model', BASE + 'tensor-cache.json')).toBeDefined();
  });
});

describe('storesConfigAsJson', () => {
  it('is true for web-llm before 0.2.80 only', () => {
    expect(storesConfigAsJson('web-llm 0.2.79')).toBe(true);
    expect(storesConfigAsJson('web-llm 0.2.80')).toBe(false);
    expect(storesConfigAsJson('web-llm 0.2.86')).toBe(false);
    expect(storesConfigAsJson('test engine')).toBe(false);
  });
});
