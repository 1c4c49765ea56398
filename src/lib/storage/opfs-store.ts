/**
 * web-llm 0.2.86's OPFS backend (`cacheBackend: 'opfs'`, its OPFSStore), read and pruned from
 * the page and the worker without loading web-llm. Its layout, from @mlc-ai/web-llm lib/index.js:
 * the origin's private file system holds "tvmjs-opfs-store/<scope parts, URI-encoded>/", and each
 * stored file is two files named by the SHA-256 (hex) of its URL: "<hash>.bin" (the bytes) and
 * "<hash>.record.json" ({url, nbytes, contentType?}). Scopes are the same as the caches'
 * ("webllm/model", "webllm/config", "webllm/wasm"). Records are read as untrusted.
 */
import { opfsAvailable } from './opfs-support';

export const OPFS_ROOT = 'tvmjs-opfs-store';
/** Same names as model-cache.ts's WEBLLM_CACHES (not imported from there: model-cache imports this). */
const OPFS_SCOPES = ['webllm/model', 'webllm/config', 'webllm/wasm'] as const;
export type OpfsScope = (typeof OPFS_SCOPES)[number];

export interface OpfsEntry {
  scope: OpfsScope;
  url: string;
  nbytes: number;
}

export { opfsAvailable };

export async function sha256Hex(text: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  return Array.from(new Uint8Array(digest), (byte) => byte.toString(16).padStart(2, '0')).join('');
}

const isNotFound = (error: unknown) => (error as { name?: string } | null)?.name === 'NotFoundError' || (error as { name?: string } | null)?.name === 'TypeMismatchError';

/** The scope's folder, or null when nothing was ever stored there (never created by reading). */
async function scopeFolder(scope: OpfsScope): Promise<FileSystemDirectoryHandle | null> {
  if (!opfsAvailable()) return null;
  try {
    let folder = await (await navigator.storage.getDirectory()).getDirectoryHandle(OPFS_ROOT);
    for (const part of scope.split('/').filter(Boolean)) folder = await folder.getDirectoryHandle(encodeURIComponent(part));
    return folder;
  } catch {
    // Not found, or OPFS refused (some private modes throw SecurityError although the API is
    // there): no OPFS models, and the other backends' models still list, load and delete.
    return null;
  }
}

function fileNames(folder: FileSystemDirectoryHandle): AsyncIterable<string> {
  // keys() is in the DOM.AsyncIterable lib, which this project does not load.
  return (folder as unknown as { keys(): AsyncIterable<string> }).keys();
}

async function readRecord(folder: FileSystemDirectoryHandle, name: string): Promise<{ url: string; nbytes: number } | null> {
  try {
    const parsed: unknown = JSON.parse(await (await (await folder.getFileHandle(name)).getFile()).text());
    if (typeof parsed !== 'object' || parsed === null) return null;
    const { url, nbytes } = parsed as { url?: unknown; nbytes?: unknown };
    if (typeof url !== 'string' || typeof nbytes !== 'number' || !Number.isSafeInteger(nbytes) || nbytes < 0) return null;
    return { url, nbytes };
  } catch {
    return null; // unreadable or damaged record: web-llm treats it as a miss too
  }
}

/** Every stored file (by its record), in every scope. */
export async function listOpfsEntries(): Promise<OpfsEntry[]> {
  const entries: OpfsEntry[] = [];
  for (const scope of OPFS_SCOPES) {
    const folder = await scopeFolder(scope);
    if (!folder) continue;
    for await (const name of fileNames(folder)) {
      if (!name.endsWith('.record.json')) continue;
      const record = await readRecord(folder, name);
      // A record stored under another URL's hash is not what web-llm would read: leave it out.
      if (record && name === `${await sha256Hex(record.url)}.record.json`) entries.push({ scope, ...record });
    }
  }
  return entries;
}

/** The stored bytes of one file, or null when it is not stored (or its record does not match). */
export async function readOpfsEntry(scope: OpfsScope, url: string): Promise<Uint8Array | null> {
  const folder = await scopeFolder(scope);
  if (!folder) return null;
  const hash = await sha256Hex(url);
  const record = await readRecord(folder, `${hash}.record.json`);
  if (!record || record.url !== url) return null;
  try {
    const bytes = new Uint8Array(await (await (await folder.getFileHandle(`${hash}.bin`)).getFile()).arrayBuffer());
    return bytes.byteLength === record.nbytes ? bytes : null;
  } catch {
    // Not found, or OPFS refused (some private modes throw SecurityError although the API is
    // there): no OPFS models, and the other backends' models still list, load and delete.
    return null;
  }
}

/** Remove one file (payload and record); true when something was removed. */
export async function deleteOpfsEntry(scope: OpfsScope, url: string): Promise<boolean> {
  const folder = await scopeFolder(scope);
  if (!folder) return false;
  const hash = await sha256Hex(url);
  let removed = false;
  for (const name of [`${hash}.bin`, `${hash}.record.json`]) {
    try {
      await folder.removeEntry(name);
      removed = true;
    } catch (error) {
      if (!isNotFound(error)) throw error;
    }
  }
  return removed;
}

/** Remove every stored file whose URL `matches`; returns how many were removed. */
export async function deleteOpfsEntries(matches: (url: string) => boolean): Promise<number> {
  let removed = 0;
  for (const entry of await listOpfsEntries()) {
    if (matches(entry.url) && (await deleteOpfsEntry(entry.scope, entry.url))) removed++;
  }
  return removed;
}

/** Store one file the way web-llm's OPFSStore.write does (payload first, then its record). */
export async function writeOpfsEntry(scope: OpfsScope, url: string, bytes: Uint8Array<ArrayBuffer>, contentType?: string): Promise<void> {
  if (!opfsAvailable()) throw new Error('This browser has no origin private file system (OPFS).');
  let folder = await (await navigator.storage.getDirectory()).getDirectoryHandle(OPFS_ROOT, { create: true });
  for (const part of scope.split('/').filter(Boolean)) folder = await folder.getDirectoryHandle(encodeURIComponent(part), { create: true });
  const hash = await sha256Hex(url);
  const record = { url, nbytes: bytes.byteLength, ...(contentType ? { contentType } : {}) };
  for (const [name, body] of [[`${hash}.bin`, bytes], [`${hash}.record.json`, new TextEncoder().encode(JSON.stringify(record))]] as const) {
    const writable = await (await folder.getFileHandle(name, { create: true })).createWritable();
    await writable.write(body);
    await writable.close();
  }
}
