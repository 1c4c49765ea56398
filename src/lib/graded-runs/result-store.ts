import { createStore, del, entries, set, type UseStore } from 'idb-keyval';
import { uniqueOnRead } from '../files/unique-on-read';
import type { GradedRun } from './graded-run';
import { parseResultFile, RUN_IDENTITY, toResultFile } from './result-file';

/**
 * Graded runs (this device's and imported ones) in a database of their own, each stored as its
 * file text and read back through the import's validation: a damaged entry is skipped and counted.
 */
let store: UseStore | null = null;
const runs = (): UseStore => (store ??= createStore('lineup-grades', 'runs'));

export async function saveRun(run: GradedRun): Promise<void> {
  await set(run.id, toResultFile(run), runs());
}

export async function listRuns(): Promise<{ runs: GradedRun[]; skipped: number }> {
  const read = (raw: unknown): GradedRun | null => {
    try {
      return typeof raw === 'string' ? parseResultFile(raw) : null;
    } catch {
      return null;
    }
  };
  const { items, skipped } = await uniqueOnRead(await entries<IDBValidKey, unknown>(runs()), read, RUN_IDENTITY, {
    put: (id, run) => set(id, toResultFile(run), runs()),
    remove: (key) => del(key, runs()),
  });
  items.sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id));
  return { runs: items, skipped };
}

export async function deleteRun(id: string): Promise<void> {
  await del(id, runs());
}
