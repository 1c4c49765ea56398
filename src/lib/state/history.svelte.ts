import type { ImportCounts } from '../files/merge-by-id';
import type { RunRecord } from '../history/run-record';
import { t } from '../i18n/i18n.svelte';

/**
 * The store with its record schema (validation, repair, search) and the record builder: not
 * part of the first page load. They load with the first read of the history (at start, next to
 * the GPU check) or the first save, whichever comes first.
 */
const historyModules = () =>
  Promise.all([import('../history/history-store'), import('../history/record-builder'), import('../history/run-identity'), import('../files/merge-by-id')]).then(
    ([store, builder, identity, merge]) => ({ ...store, ...builder, ...identity, ...merge }),
  );
type HistoryModules = Awaited<ReturnType<typeof historyModules>>;
let loading: Promise<HistoryModules> | null = null;
/** The history code, loaded once. */
export function loadHistoryModules(): Promise<HistoryModules> {
  loading ??= historyModules();
  return loading;
}

/**
 * Run history, kept in IndexedDB on this device. A run is saved as it streams, so a reload
 * mid-run keeps the partial output (marked interrupted when read back). Unreadable records are
 * skipped with a notice; they never stop the app.
 */
export class HistoryState {
  runs = $state.raw<RunRecord[]>([]);
  skipped = $state(0);
  query = $state('');
  error = $state<string | null>(null);
  #modules = $state.raw<HistoryModules | null>(null);

  // The search box is in the panel's body, which shows after the store has loaded.
  visible = $derived(this.query.trim() && this.#modules ? this.#modules.searchRuns(this.runs, this.query) : this.runs);

  async #load(): Promise<HistoryModules> {
    const modules = await loadHistoryModules();
    this.#modules = modules;
    return modules;
  }

  async load(): Promise<void> {
    try {
      const { listRuns, markInterrupted, saveRun } = await this.#load();
      const { runs, skipped } = await listRuns();
      const repaired = runs.map(markInterrupted);
      // Runs cut off by a reload or crash are stored back as interrupted, once.
      await Promise.all(repaired.filter((run, index) => run !== runs[index]).map((run) => saveRun(run)));
      this.runs = repaired;
      this.skipped = skipped;
    } catch (error) {
      this.error = t('history.readFailed', { detail: (error as Error).message });
    }
  }

  /** Insert or update a run (newest first), in memory and on disk. */
  async save(record: RunRecord): Promise<void> {
    this.runs = [record, ...this.runs.filter((run) => run.id !== record.id)].sort((a, b) => b.createdAt.localeCompare(a.createdAt));
    try {
      await (await this.#load()).saveRun(record);
      this.error = null;
    } catch (error) {
      this.error = t('history.saveFailed', { detail: (error as Error).message });
    }
  }

  async remove(id: string): Promise<void> {
    this.runs = this.runs.filter((run) => run.id !== id);
    await (await this.#load()).deleteRun(id);
  }

  async clear(): Promise<void> {
    this.runs = [];
    await (await this.#load()).clearRuns();
  }

  /**
   * Add imported runs. A run already here (same id, same content) is skipped; one with a saved
   * run's id but different content is kept as a copy under a new id, never over the saved one.
   */
  async addImported(records: RunRecord[]): Promise<ImportCounts> {
    const { listRuns, mergeById, RUN_IDENTITY } = await this.#load();
    // Against what is stored now, not the list on screen (it may not have loaded yet): an import
    // never lands on a saved run. Unreadable storage throws, and nothing is imported.
    const { runs: stored } = await listRuns();
    const { added, counts } = mergeById(stored, records, RUN_IDENTITY);
    for (const record of added) await this.save(record);
    return counts;
  }
}
