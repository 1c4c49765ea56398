/**
 * Adding records that carry an id (runs, votes, benchmark reports, prompt sets) to ones already
 * here, from an import or from storage read back, so that ids stay unique (lists are keyed by
 * them) and nothing is lost or silently replaced:
 * - a new id is added;
 * - the same id with identical content is skipped (importing a file twice changes nothing);
 * - the same id with different content is kept as a copy under a new id derived from the content,
 *   so importing that file again finds the copy and skips it instead of piling up copies.
 */

import { formatNumber, i18n, t, tn } from '../i18n/i18n.svelte';

// describeCounts' words are in the storage namespace: asked for with the code, so they are
// there by the time an import has been read (whichever view imports this).
void i18n.need(['storage']).catch(() => undefined);

export interface ImportCounts {
  added: number;
  /** Identical to a record already here (or earlier in the same batch). */
  skipped: number;
  /** Same id as a record here but different content: added under a new id. */
  copied: number;
}

export type MergeDecision<T> = { kind: 'added' | 'copied'; item: T } | { kind: 'skipped'; item: T };

export interface Identity<T> {
  id: (item: T) => string;
  withId: (item: T, id: string) => T;
  /** Canonical text of the whole record: equal text means the same record. */
  content: (item: T) => string;
  /** The id a conflicting copy gets, from its own id and a hash of its content; must be a valid id. */
  copyId: (id: string, hash: string) => string;
}

export interface MergeResult<T> {
  /** What to add, in the order given: new records and renamed copies. */
  added: T[];
  /** One per incoming record, in order (stores use it to repair what they read back). */
  decisions: MergeDecision<T>[];
  counts: ImportCounts;
}

export function mergeById<T>(existing: readonly T[], incoming: readonly T[], identity: Identity<T>): MergeResult<T> {
  const byId = new Map<string, string>(); // id → content
  for (const item of existing) byId.set(identity.id(item), identity.content(item));
  const added: T[] = [];
  const decisions: MergeDecision<T>[] = [];
  const counts: ImportCounts = { added: 0, skipped: 0, copied: 0 };
  for (const item of incoming) {
    const id = identity.id(item);
    const content = identity.content(item);
    const known = byId.get(id);
    if (known === undefined) {
      byId.set(id, content);
      added.push(item);
      decisions.push({ kind: 'added', item });
      counts.added++;
      continue;
    }
    if (known === content) {
      decisions.push({ kind: 'skipped', item });
      counts.skipped++;
      continue;
    }
    const copy = placeCopy(item, id, byId, identity);
    if (copy === null) {
      decisions.push({ kind: 'skipped', item }); // this very copy was made by an earlier import
      counts.skipped++;
    } else {
      added.push(copy);
      decisions.push({ kind: 'copied', item: copy });
      counts.copied++;
    }
  }
  return { added, decisions, counts };
}

/** The renamed copy (its id now taken in byId), or null when an identical copy is already here. */
function placeCopy<T>(item: T, id: string, byId: Map<string, string>, identity: Identity<T>): T | null {
  const base = identity.copyId(id, contentHash(identity.content(item)));
  for (let attempt = 1; ; attempt++) {
    const candidateId = attempt === 1 ? base : identity.copyId(id, contentHash(`${attempt}:${identity.content(item)}`));
    const copy = identity.withId(item, candidateId);
    const copyContent = identity.content(copy);
    const known = byId.get(candidateId);
    if (known === copyContent) return null;
    if (known === undefined) {
      byId.set(candidateId, copyContent);
      return copy;
    }
  }
}

/** 64 bits of FNV-1a as 16 hex digits: not cryptographic, only a stable name for one content. */
export function contentHash(text: string): string {
  let high = 0xcbf29ce4;
  let low = 0x84222325;
  for (let i = 0; i < text.length; i++) {
    low = (low ^ text.charCodeAt(i)) >>> 0;
    // Multiply the 64-bit (high, low) by the FNV prime 2^40 + 0x1b3, in 32-bit halves.
    const lowTimes = low * 0x1b3;
    const carry = Math.floor(lowTimes / 0x100000000);
    high = (high * 0x1b3 + (low << 8) + carry) >>> 0;
    low = lowTimes >>> 0;
  }
  return high.toString(16).padStart(8, '0') + low.toString(16).padStart(8, '0');
}

/** "2 added, 1 skipped (…), 0 kept as copies (…); nothing was replaced." */
export function describeCounts(counts: ImportCounts): string {
  return t('storage.importCounts', { added: formatNumber(counts.added), skipped: formatNumber(counts.skipped), copied: tn('storage.importCopied', counts.copied) });
}

/** JSON with object keys sorted at every level: the same record always gives the same text. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, inner: unknown) => {
    if (typeof inner !== 'object' || inner === null || Array.isArray(inner)) return inner;
    const sorted: Record<string, unknown> = {};
    // Keys copied with defineProperty, so a "__proto__" key stays an own key, not a prototype.
    for (const key of Object.keys(inner).sort()) Object.defineProperty(sorted, key, { value: (inner as Record<string, unknown>)[key], enumerable: true });
    return sorted;
  });
}
