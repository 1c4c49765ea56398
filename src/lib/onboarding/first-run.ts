import { get, set } from 'idb-keyval';

/**
 * Whether this device has run a comparison yet: the three-step hint (pick models, pick or type
 * a prompt, Run) is shown until it has. Kept apart from the preferences: it is written once,
 * and a damaged or missing record only means the hint shows again, never an error.
 */
export interface FirstRunRecord {
  version: 1;
  /** When the first run was started (ms since the epoch). */
  ranAt: number;
}

const KEY = 'lineup:first-run';

/** The one validator for the stored record: anything but a well-formed record reads as "not yet". */
export function parseFirstRun(raw: unknown): FirstRunRecord | null {
  if (!raw || typeof raw !== 'object') return null;
  const { version, ranAt } = raw as Record<string, unknown>;
  if (version !== 1 || typeof ranAt !== 'number' || !Number.isFinite(ranAt) || ranAt < 0) return null;
  return { version: 1, ranAt };
}

export async function loadFirstRun(): Promise<FirstRunRecord | null> {
  try {
    return parseFirstRun(await get(KEY));
  } catch {
    return null; // IndexedDB blocked (private mode): the hint shows, which is harmless
  }
}

export async function saveFirstRun(record: FirstRunRecord): Promise<void> {
  try {
    await set(KEY, record);
  } catch {
    // Storage unavailable: the hint comes back next visit, nothing worse.
  }
}
