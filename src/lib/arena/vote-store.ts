import { clear, createStore, del, entries, setMany, set, type UseStore } from 'idb-keyval';
import { uniqueOnRead } from '../files/unique-on-read';
import { checkVote, compareVotes, parseVote, VOTE_IDENTITY, type ArenaVote } from './vote';

/**
 * Arena votes in IndexedDB, one entry per vote keyed by its id, in a database of their own (apart
 * from the run history, idb-keyval's default store and web-llm's caches). Votes never leave the
 * device unless the user exports them. Keying by id makes re-saving an imported vote harmless.
 */
export const ARENA_DB_NAME = 'lineup-arena';
export const ARENA_STORE_NAME = 'votes';

let store: UseStore | null = null;

/** Opened on first use, not at import: importing must not touch IndexedDB (tests, SSR, old browsers). */
function votesStore(): UseStore {
  store ??= createStore(ARENA_DB_NAME, ARENA_STORE_NAME);
  return store;
}

/**
 * Store (insert or replace) one vote. The validated copy is what is written: a plain object with
 * known fields only, so what is saved can always be listed again. Throws InvalidVoteError.
 */
export async function saveVote(vote: ArenaVote): Promise<void> {
  const clean = parseVote(vote);
  await set(clean.id, clean, votesStore());
}

/**
 * Store many votes (an import) in one transaction. All are validated before anything is written,
 * so an invalid vote (InvalidVoteError) leaves the store as it was instead of half-imported.
 */
export async function saveVotes(votes: readonly ArenaVote[]): Promise<void> {
  const entries = votes.map((vote): [string, ArenaVote] => {
    const clean = parseVote(vote);
    return [clean.id, clean];
  });
  if (entries.length) await setMany(entries, votesStore());
}

/**
 * All readable votes, oldest first, each id once (a stray entry with a taken id is kept as a copy,
 * see uniqueOnRead); `skipped` counts entries that are damaged or not votes.
 */
export async function listVotes(): Promise<{ votes: ArenaVote[]; skipped: number }> {
  const stored = await entries<IDBValidKey, unknown>(votesStore());
  const read = (raw: unknown) => {
    const result = checkVote(raw);
    return result.ok ? result.vote : null;
  };
  const { items, skipped } = await uniqueOnRead(stored, read, VOTE_IDENTITY, {
    put: (id, vote) => set(id, vote, votesStore()),
    remove: (key) => del(key, votesStore()),
  });
  return { votes: items.sort(compareVotes), skipped };
}

export async function clearVotes(): Promise<void> {
  await clear(votesStore());
}
