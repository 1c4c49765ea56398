/**
 * Saves one cached model to a folder in the layout "Add a model from a folder" reads (and the
 * classroom server serves): `<repository name>/` holding the config, tokenizer, manifest, shards
 * and the model library, byte for byte as they are cached. A teacher fills a USB stick or a
 * shared folder from their own browser this way.
 */
import type { CacheBackend } from '../engine/protocol';
import { listEntries, readEntry, type Entry } from '../../../workers/model-files/cache-entries';
import { repoNameOf } from './folder-check';

export interface SaveReport {
  folder: string;
  files: number;
  bytes: number;
  /** The library was not cached, so the saved folder lacks it (named, for the message). */
  missingLibrary: string | null;
}

/** A file name inside the model folder: nothing that could climb out of it or be hidden. */
const safeName = (name: string) => name.length > 0 && !name.includes('/') && !name.includes('\\') && !name.startsWith('.');

export async function saveModelToFolder(
  directory: FileSystemDirectoryHandle,
  model: { weightsUrl: string; libraryUrl: string | null },
  backend: CacheBackend,
  onProgress: (file: string) => void = () => undefined,
): Promise<SaveReport> {
  const folder = repoNameOf(model.weightsUrl) || 'model';
  const weights = await listEntries(backend, (url) => url.startsWith(model.weightsUrl));
  const libraries = model.libraryUrl ? await listEntries(backend, (url) => url === model.libraryUrl) : [];
  const files: Array<{ name: string; entry: Entry }> = [
    ...weights.filter((entry) => entry.scope !== 'webllm/wasm').map((entry) => ({ name: decodeURIComponent(entry.url.slice(model.weightsUrl.length)), entry })),
    ...libraries.filter((entry) => entry.scope === 'webllm/wasm').map((entry) => ({ name: decodeURIComponent(new URL(entry.url).pathname.split('/').pop() ?? ''), entry })),
  ].filter((file) => safeName(file.name));
  const target = await directory.getDirectoryHandle(folder, { create: true });
  let bytes = 0;
  for (const { name, entry } of files) {
    onProgress(name);
    const data = await readEntry(backend, entry);
    if (!data) continue;
    const writable = await (await target.getFileHandle(name, { create: true })).createWritable();
    await writable.write(data as Uint8Array<ArrayBuffer>);
    await writable.close();
    bytes += data.byteLength;
  }
  const libraryName = model.libraryUrl ? decodeURIComponent(new URL(model.libraryUrl).pathname.split('/').pop() ?? '') : null;
  return { folder, files: files.length, bytes, missingLibrary: libraries.length === 0 ? libraryName : null };
}

/** The directory picker (File System Access API), where the browser has one. */
export async function pickFolderToSave(): Promise<FileSystemDirectoryHandle> {
  const picker = (globalThis as unknown as { showDirectoryPicker: (options: object) => Promise<FileSystemDirectoryHandle> }).showDirectoryPicker;
  return picker({ mode: 'readwrite', id: 'lineup-models' });
}
