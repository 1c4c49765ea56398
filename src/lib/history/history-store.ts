import { clear, createStore, del, entries, get, set, type UseStore } from 'idb-keyval';
import { uniqueOnRead } from '../files/unique-on-read';
import { parseRunRecord, checkRunRecord } from './history-schema';
import { RUN_IDENTITY } from './run-identity';
import type { RunRecord } from './run-record';

/**
 * Run history in IndexedDB, one entry per run keyed by its id, in a database of its own (so it
 * never collides with idb-keyval's default store or with web-llm's caches). Reads go through the
 * schema: a damaged or unknown record is skipped and counted, never allowed to break the list.
 */
export const HISTORY_DB_NAME = 'lineup-history';
export const HISTORY_STORE_NAME = 'runs';

let store: UseStore | null = null;

/** Opened on first use, not at import: importing must not touch IndexedDB (tests, SSR, old browsers). */
function runsStore(): UseStore {
  store ??= createStore(HISTORY_DB_NAME, HISTORY_STORE_NAME);
  return store;
}

/**
 * Store (insert or replace) a run. The record is validated first, and the validated copy is what
 * is written: a plain object with known fields only, so what is saved is always listable again
 * (and a stray reactive proxy never reaches structured clone). Throws InvalidRecordError if invalid.
 */
export async function saveRun(record: RunRecord): Promise<void> {
  const clean = parseRunRecord(record);
  await set(clean.id, clean, runsStore());
}

/**
 * All readable runs, newest first, each id once (see uniqueOnRead: a stray entry with a taken id
 * is kept as a copy); `skipped` counts records that could not be read or upgraded.
 */
export async function listRuns(): Promise<{ runs: RunRecord[]; skipped: number }> {
  const stored = await entries<IDBValidKey, unknown>(runsStore());
  const read = (raw: unknown) => {
    const result = checkRunRecord(raw);
    return result.ok ? result.record : null;
  };
  const { items: runs, skipped } = await uniqueOnRead(stored, read, RUN_IDENTITY, {
    put: (id, run) => set(id, run, runsStore()),
    remove: (key) => del(key, runsStore()),
  });
  // createdAt is canonical ISO 8601 after parsing, so string order is time order.
  runs.sort((a, b) => (a.createdAt === b.createdAt ? a.id.localeCompare(b.id) : a.createdAt < b.createdAt ? 1 : -1));
  return { runs, skipped };
}

/** One run, or undefined when there is none with this id. Throws InvalidRecordError if it is damaged. */
export async function getRun(id: string): Promise<RunRecord | undefined> {
  const raw: unknown = await get(id, runsStore());
  return raw === undefined ? undefined : parseRunRecord(raw);
}

export async function deleteRun(id: string): Promise<void> {
  await del(id, runsStore());
}

export async function clearRuns(): Promise<void> {
  await clear(runsStore());
}

/** Lower-cased searchable text per record; records are immutable snapshots, so this never goes stale. */
const haystacks = new WeakMap<RunRecord, string>();

function haystack(run: RunRecord): string {
  let text = haystacks.get(run);
  if (text === undefined) {
    const parts = [run.prompt, run.systemPrompt, ...run.panes.flatMap((pane) => [pane.modelId, pane.label, pane.output, pane.thinking])];
    // Joined with newlines: a query word holds no whitespace, so it can never match across two fields.
    text = parts.join('\n').toLowerCase();
    haystacks.set(run, text);
  }
  return text;
}

/**
 * Runs matching every word of the query (case-insensitive, anywhere in the prompt, system prompt,
 * model ids and labels, or outputs), in the order given. A blank query matches everything.
 */
export function searchRuns(runs: readonly RunRecord[], query: string): RunRecord[] {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  if (words.length === 0) return [...runs];
  return runs.filter((run) => {
    const text = haystack(run);
    return words.every((word) => text.includes(word));
  });
}
