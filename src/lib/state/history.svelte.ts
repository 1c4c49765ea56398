import { mergeById, type ImportCounts } from '../files/merge-by-id';
import { clearRuns, deleteRun, listRuns, saveRun, searchRuns } from '../history/history-store';
import { RUN_IDENTITY } from '../history/run-identity';
import { markInterrupted } from '../history/record-builder';
import type { RunRecord } from '../history/run-record';

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

  visible = $derived(this.query.trim() ? searchRuns(this.runs, this.query) : this.runs);

  async load(): Promise<void> {
    try {
      const { runs, skipped } = await listRuns();
      const repaired = runs.map(markInterrupted);
      // Runs cut off by a reload or crash are stored back as interrupted, once.
      await Promise.all(repaired.filter((run, index) => run !== runs[index]).map((run) => saveRun(run)));
      this.runs = repaired;
      this.skipped = skipped;
    } catch (error) {
      this.error = `History could not be read: ${(error as Error).message}`;
    }
  }

  /** Insert or update a run (newest first), in memory and on disk. */
  async save(record: RunRecord): Promise<void> {
    this.runs = [record, ...this.runs.filter((run) => run.id !== record.id)].sort((a, b) => b.createdAt.localeCompare(a.createdAt));
    try {
      await saveRun(record);
      this.error = null;
    } catch (error) {
      this.error = `This run could not be saved to history: ${(error as Error).message}`;
    }
  }

  async remove(id: string): Promise<void> {
    this.runs = this.runs.filter((run) => run.id !== id);
    await deleteRun(id);
  }

  async clear(): Promise<void> {
    this.runs = [];
    await clearRuns();
  }

  /**
   * Add imported runs. A run already here (same id, same content) is skipped; one with a saved
   * run's id but different content is kept as a copy under a new id, never over the saved one.
   */
  async addImported(records: RunRecord[]): Promise<ImportCounts> {
    // Against what is stored now, not the list on screen (it may not have loaded yet): an import
    // never lands on a saved run. Unreadable storage throws, and nothing is imported.
    const { runs: stored } = await listRuns();
    const { added, counts } = mergeById(stored, records, RUN_IDENTITY);
    for (const record of added) await this.save(record);
    return counts;
  }
}
