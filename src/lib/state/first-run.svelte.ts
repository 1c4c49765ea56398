import { loadFirstRun, saveFirstRun } from '../onboarding/first-run';

/** The three-step hint's state: shown from the first visit until the first run, then never. */
export class FirstRunState {
  /** False until the stored record is read back (the hint waits, so it never flashes). */
  known = $state(false);
  /** A run has been started on this device (now or on an earlier visit). */
  ran = $state(false);

  /** The hint is shown: known, and nothing has run yet. */
  showHint = $derived(this.known && !this.ran);

  async load(): Promise<void> {
    const record = await loadFirstRun();
    // A run started while the record was being read wins over an empty record.
    this.ran ||= record !== null;
    this.known = true;
  }

  /** Called on every Run; writes the record only the first time. */
  markRan(now: number = Date.now()): void {
    if (this.ran) return;
    this.ran = true;
    void saveFirstRun({ version: 1, ranAt: now });
  }
}
