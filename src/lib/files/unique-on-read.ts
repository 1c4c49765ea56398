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
  try {
    for (const [index, { key }] of readable.entries()) {
      const decision = decisions[index]!;
      if (key === identity.id(decision.item)) continue;
      if (decision.kind !== 'skipped') await shelf.put(identity.id(decision.item), decision.item);
      await shelf.remove(key);
    }
  } catch {
    // Best effort: storage stays as it was, and the list is right either way (repaired next time).
  }
  return { items: added, skipped };
}
