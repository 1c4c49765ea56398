// @vitest-environment node
import 'fake-indexeddb/auto'; // an in-memory IndexedDB on globalThis, before idb-keyval opens it
import { del, set } from 'idb-keyval';
import { beforeEach, describe, expect, it } from 'vitest';
import { loadFirstRun, parseFirstRun } from '../../src/lib/onboarding/first-run';
import { FirstRunState } from '../../src/lib/state/first-run.svelte';

describe('the first-run record (three-step hint)', () => {
  beforeEach(() => del('lineup:first-run'));

  it('reads back only a well-formed record; anything else means "not run yet"', () => {
    expect(parseFirstRun({ version: 1, ranAt: 1_700_000_000_000 })).toEqual({ version: 1, ranAt: 1_700_000_000_000 });
    for (const bad of [null, undefined, true, 'yes', [], {}, { version: 2, ranAt: 1 }, { version: 1, ranAt: -1 }, { version: 1, ranAt: Number.NaN }, { version: 1, ranAt: '1' }]) {
      expect(parseFirstRun(bad)).toBeNull();
    }
  });

  it('shows the hint on a first visit and hides it for good after the first run', async () => {
    const first = new FirstRunState();
    expect(first.showHint).toBe(false); // not before the record is read: it must never flash
    await first.load();
    expect(first.showHint).toBe(true);
    first.markRan(1234);
    expect(first.showHint).toBe(false);
    await new Promise((done) => setTimeout(done, 10)); // the write is not awaited by Run
    expect(await loadFirstRun()).toEqual({ version: 1, ranAt: 1234 });

    const nextVisit = new FirstRunState();
    await nextVisit.load();
    expect(nextVisit.showHint).toBe(false);
  });

  it('a damaged stored record shows the hint again instead of failing', async () => {
    await set('lineup:first-run', { version: 1, ranAt: 'soon' });
    const state = new FirstRunState();
    await state.load();
    expect(state.showHint).toBe(true);
  });
});
