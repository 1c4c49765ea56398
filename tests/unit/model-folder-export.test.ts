// @vitest-environment node
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { writeModelFiles } from '../../src/lib/model-folder/cache-writer';
import { checkModelFolder, type FolderTarget } from '../../src/lib/model-folder/folder-check';
import { folderFromHandle } from '../../src/lib/model-folder/folder-files';
import { saveModelToFolder } from '../../src/lib/model-folder/folder-export';

/** A directory handle in memory: what the File System Access API gives the page. */
class MemoryDirectory {
  readonly kind = 'directory';
  files = new Map<string, Blob>();
  dirs = new Map<string, MemoryDirectory>();
  constructor(readonly name: string) {}
  async getDirectoryHandle(name: string) {
    const dir = this.dirs.get(name) ?? new MemoryDirectory(name);
    this.dirs.set(name, dir);
    return dir;
  }
  async getFileHandle(name: string) {
    const files = this.files;
    return {
      kind: 'file', name,
      createWritable: async () => {
        const parts: BlobPart[] = [];
        return { write: async (data: BlobPart) => void parts.push(data), close: async () => void files.set(name, new Blob(parts)) };
      },
      getFile: async () => files.get(name)!,
    };
  }
  async *values() {
    for (const dir of this.dirs.values()) yield dir;
    for (const name of this.files.keys()) yield await this.getFileHandle(name);
  }
}

const TARGET: FolderTarget = {
  id: 'M-q4f32_1',
  weightsUrl: 'https://huggingface.co/mlc-ai/M-q4f32_1-MLC/resolve/main/',
  libraryUrl: 'https://raw.githubusercontent.com/mlc-ai/binary-mlc-llm-libs/main/web-llm-models/v0_2_86/base/M-webgpu.wasm',
  quantization: 'q4f32_1',
};
const CONFIG = { quantization: 'q4f32_1', tokenizer_files: ['tokenizer.json'], context_window_size: 1024, prefill_chunk_size: 128, vocab_size: 10, conv_template: {} };
const SOURCE: Record<string, Blob> = {
  'mlc-chat-config.json': new Blob([JSON.stringify(CONFIG)]),
  'tensor-cache.json': new Blob([JSON.stringify({ records: [{ dataPath: 'params_shard_0.bin', nbytes: 64, records: [] }] })]),
  'params_shard_0.bin': new Blob([Uint8Array.from({ length: 64 }, (_, i) => i)]),
  'tokenizer.json': new Blob(['{"model":{}}']),
  'M-webgpu.wasm': new Blob([new Uint8Array([0, 97, 115, 109])]),
};

async function contents(files: Map<string, Blob>): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const [name, blob] of [...files].sort(([a], [b]) => a.localeCompare(b))) out[name] = Buffer.from(await blob.arrayBuffer()).toString('hex');
  return out;
}

describe('saveModelToFolder', () => {
  it('writes a cached model (IndexedDB) back as the same set of files, which checks and adds again', async () => {
    const source = { name: 'M-q4f32_1-MLC', files: Object.entries(SOURCE).map(([path, file]) => ({ path, file })) };
    const verdict = await checkModelFolder(source, [TARGET]);
    if (!verdict.ok) throw new Error(verdict.problems.join('\n'));
    await writeModelFiles(verdict.plan, 'indexeddb', () => undefined);

    const usb = new MemoryDirectory('usb');
    const report = await saveModelToFolder(usb as unknown as FileSystemDirectoryHandle, TARGET, 'indexeddb');
    expect(report).toEqual({ folder: 'M-q4f32_1-MLC', files: 5, bytes: expect.any(Number), missingLibrary: null });
    const saved = usb.dirs.get('M-q4f32_1-MLC')!;
    const expected = await contents(new Map(Object.entries(SOURCE)));
    // The manifest was stored parsed (as web-llm does) and comes back as equivalent JSON.
    const savedFiles = await contents(saved.files);
    expect(Object.keys(savedFiles)).toEqual(Object.keys(expected));
    for (const name of Object.keys(expected).filter((file) => file !== 'tensor-cache.json')) expect(savedFiles[name]).toBe(expected[name]);
    expect(JSON.parse(await saved.files.get('tensor-cache.json')!.text())).toEqual(JSON.parse(await SOURCE['tensor-cache.json']!.text()));

    const again = await checkModelFolder(await folderFromHandle(usb as unknown as FileSystemDirectoryHandle), [TARGET]);
    expect(again.ok).toBe(true);
  });

  it('says when the library is not cached, so the saved folder lacks it', async () => {
    const other = { ...TARGET, libraryUrl: 'https://example.org/libs/Not-cached-webgpu.wasm' };
    const report = await saveModelToFolder(new MemoryDirectory('usb') as unknown as FileSystemDirectoryHandle, other, 'indexeddb');
    expect(report.missingLibrary).toBe('Not-cached-webgpu.wasm');
  });
});
