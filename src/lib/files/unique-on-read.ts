import { mergeById, type Identity } from './merge-by-id';

/**
 * Records read back from an IndexedDB store keyed by id, each id once. Entries stored under a key
 * other than their own id (written by hand, by another tool, or damaged) are moved under their
 * id; when that id is taken by a different record the entry is kept as a copy under a new id,
 * and a stray copy identical to a kept record is dropped: nothing readable is lost, and a list
 * keyed by id never sees one twice.
 */
export interface Shelf<T> {
  put: (id: string, item: T) => Promise<void>;
  remove: (key: IDBValidKey) => Promise<void>;
}

export async function uniqueOnRead<T>(
  stored: readonly [IDBValidKey, unknown][],
  read: (raw: unknown) => T | null,
  identity: Identity<T>,
  shelf: Shelf<T>,
): Promise<{ items: T[]; skipped: number }> {
  const readable: { key: IDBValidKey; item: T }[] = [];
  let skipped = 0;
  for (const [key, raw] of stored) {
    const item = read(raw);
    if (item === null) skipped++;
    else readable.push({ key, item });
  }
  // Entries under their own id go first: they own that id (IndexedDB keys are unique).
  const stray = (entry: { key: IDBValidKey; item: T }) => Number(entry.key !== identity.id(entry.item));
  readable.sort((a, b) => stray(a) - stray(b));
  const { added, decisions } = mergeById([], readable.map((entry) => entry.item), identity);
  // Every key in the store, readable or not: a stray is only ever moved to a free key, so the
  // repair never writes over anything (an unreadable record, another stray not yet moved).
  const occupied = new Set<IDBValidKey>(stored.map(([key]) => key));
  try {
    for (const [index, { key }] of readable.entries()) {
      const decision = decisions[index]!;
      const target = identity.id(decision.item);
      if (key === target) continue;
      if (decision.kind === 'skipped') {
        await shelf.remove(key); // an identical copy of a record that stays stored
        continue;
      }
      if (occupied.has(target)) continue; // left where it is; shown under its id all the same
      await shelf.put(target, decision.item);
      occupied.add(target);
      await shelf.remove(key);
    }
  } catch {
    // Best effort: storage stays as it was, and the list is right either way (repaired next time).
  }
  return { items: added, skipped };
}
