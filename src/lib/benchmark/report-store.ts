import { createStore, del, entries, set, type UseStore } from 'idb-keyval';
import { uniqueOnRead } from '../files/unique-on-read';
import { parseReportFile, REPORT_IDENTITY, toReportFile } from './report-file';
import type { BenchmarkReport } from './benchmark-result';

/**
 * Benchmark reports (this device's and imported ones) in IndexedDB, in a database of their own.
 * Each is stored as its export text and read back through the same validation as an import, so
 * a damaged entry is skipped and counted rather than breaking the page.
 */
export const BENCHMARK_DB_NAME = 'lineup-benchmarks';
export const BENCHMARK_STORE_NAME = 'reports';

let store: UseStore | null = null;
const reportsStore = (): UseStore => (store ??= createStore(BENCHMARK_DB_NAME, BENCHMARK_STORE_NAME));

export async function saveReport(report: BenchmarkReport): Promise<void> {
  await set(report.id, toReportFile(report), reportsStore());
}

/** Every readable report, oldest first, each id once (a stray entry with a taken id is kept as a copy, see uniqueOnRead). */
export async function listReports(): Promise<{ reports: BenchmarkReport[]; skipped: number }> {
  const read = (raw: unknown): BenchmarkReport | null => {
    try {
      return typeof raw === 'string' ? parseReportFile(raw) : null;
    } catch {
      return null;
    }
  };
  const { items: reports, skipped } = await uniqueOnRead(await entries<IDBValidKey, unknown>(reportsStore()), read, REPORT_IDENTITY, {
    put: (id, report) => set(id, toReportFile(report), reportsStore()),
    remove: (key) => del(key, reportsStore()),
  });
  reports.sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id));
  return { reports, skipped };
}

export async function deleteReport(id: string): Promise<void> {
  await del(id, reportsStore());
}
