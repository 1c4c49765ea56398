// @vitest-environment node
import 'fake-indexeddb/auto'; // an in-memory IndexedDB on globalThis, before the stores open it
import { createStore, entries, get, set } from 'idb-keyval';
import { beforeEach, describe, expect, it } from 'vitest';
import { clearVotes, listVotes, saveVote } from '../../src/lib/arena/vote-store';
import type { ArenaVote } from '../../src/lib/arena/vote';
import type { BenchmarkReport } from '../../src/lib/benchmark/benchmark-result';
import { toReportFile } from '../../src/lib/benchmark/report-file';
import { BENCHMARK_DB_NAME, BENCHMARK_STORE_NAME, deleteReport, listReports, saveReport } from '../../src/lib/benchmark/report-store';
import { contentHash, describeCounts, mergeById, type Identity } from '../../src/lib/files/merge-by-id';
import { clearRuns, HISTORY_DB_NAME, HISTORY_STORE_NAME, listRuns, saveRun } from '../../src/lib/history/history-store';
import { RUN_IDENTITY } from '../../src/lib/history/run-identity';
import type { RunRecord } from '../../src/lib/history/run-record';
import { emptyMetrics } from '../../src/lib/metrics/run-metrics';
import { builtinPresetSets, exportPresetSets, importPresetSets } from '../../src/lib/presets/presets';
import { HistoryState } from '../../src/lib/state/history.svelte';

/**
 * Two records with one id used to reach lists keyed by id (Svelte's each_key_duplicate: the
 * list renders nothing). Every path that fills a store keeps ids unique and loses nothing.
 */

function run(id: string, prompt = `Prompt of ${id}`, createdAt = '2024-05-01T10:00:00.000Z'): RunRecord {
  return {
    version: 2, id, createdAt, updatedAt: createdAt, systemPrompt: '', prompt,
    settings: { temperature: 0.7, topP: 0.95, maxTokens: 256 }, parallel: false,
    panes: [{ modelId: 'm', label: 'M', weightsUrl: '', libraryUrl: '', output: 'out', thinking: '', outcome: 'finished', finishReason: 'stop', error: null, metrics: emptyMetrics() }],
    device: null, appVersion: '0.1.0', engineVersion: 'web-llm 0.2.86',
  };
}

function vote(id: string, outcome: ArenaVote['outcome'] = 'a'): ArenaVote {
  return { id, createdAt: '2024-05-01T09:00:00.000Z', modelA: 'Qwen', modelB: 'Llama', outcome, prompt: 'P' };
}

function report(id: string, label = 'Desk PC'): BenchmarkReport {
  return {
    format: 'lineup-benchmark', version: 1, id, createdAt: '2025-03-01T10:00:00.000Z', suiteId: 'lineup-suite-1',
    options: { runsPerPrompt: 2, warmup: true, measureColdLoad: false },
    device: { gpuVendor: '', gpuArchitecture: '', gpuDescription: 'GPU', isFallbackAdapter: false, shaderF16: false, userAgent: 'UA', label },
    appVersion: '1', engineVersion: 'e', models: [{ modelId: 'm', weightBytes: null, loads: [], runs: [] }, { modelId: 'm', weightBytes: null, loads: [], runs: [] }],
  };
}

const historyRaw = createStore(HISTORY_DB_NAME, HISTORY_STORE_NAME);
const votesRaw = createStore('lineup-arena', 'votes');
const reportsRaw = createStore(BENCHMARK_DB_NAME, BENCHMARK_STORE_NAME);

beforeEach(async () => {
  await clearRuns();
  await clearVotes();
  for (const [key] of await entries(reportsRaw)) await deleteReport(String(key));
});

describe('mergeById', () => {
  it('adds new ids, skips identical records, keeps a different record under a taken id as a copy', () => {
    const { added, counts } = mergeById([run('a')], [run('b'), run('a'), run('a', 'edited elsewhere')], RUN_IDENTITY);
    expect(counts).toEqual({ added: 1, skipped: 1, copied: 1 });
    expect(added.map((r) => r.prompt)).toEqual(['Prompt of b', 'edited elsewhere']);
    expect(added[1]!.id).toBe(`a~copy-${contentHash(RUN_IDENTITY.content(run('a', 'edited elsewhere')))}`);
    expect(describeCounts(counts)).toBe('1 added, 1 skipped (identical to one already here), 1 kept as a copy (same id as one here but different content, so added under a new id); nothing was replaced.');
  });

  it('importing the same batch again changes nothing, conflicting copies included', () => {
    const batch = [run('a', 'one'), run('a', 'two'), run('a', 'three')];
    const first = mergeById([], batch, RUN_IDENTITY);
    expect(first.counts).toEqual({ added: 1, skipped: 0, copied: 2 });
    expect(new Set(first.added.map((r) => r.id)).size).toBe(3);
    const second = mergeById(first.added, batch, RUN_IDENTITY);
    expect(second.counts).toEqual({ added: 0, skipped: 3, copied: 0 });
  });
});

describe('history', () => {
  it('two stored runs with one id both come back, each id once, and storage is put right', async () => {
    await saveRun(run('twin', 'first'));
    await set('stray-key', run('twin', 'second'), historyRaw); // e.g. written by another tool
    await set('stray-identical', run('twin', 'first'), historyRaw);
    const { runs, skipped } = await listRuns();
    expect(skipped).toBe(0);
    expect(runs.map((r) => r.prompt).sort()).toEqual(['first', 'second']);
    expect(new Set(runs.map((r) => r.id)).size).toBe(2);
    expect(runs.find((r) => r.prompt === 'first')!.id).toBe('twin'); // the one stored under its id keeps it
    // Every entry now sits under its own id; the identical stray copy is gone.
    const stored = await entries<string, RunRecord>(historyRaw);
    expect(stored).toHaveLength(2);
    for (const [key, value] of stored) expect(value.id).toBe(key);
    expect((await listRuns()).runs).toStrictEqual(runs); // stable
  });

  it('an import never replaces a saved run and reports exactly what it did', async () => {
    const history = new HistoryState();
    await history.save(run('local', 'mine'));
    const counts = await history.addImported([run('local', 'mine'), run('local', 'theirs'), run('new')]);
    expect(counts).toEqual({ added: 1, skipped: 1, copied: 1 });
    expect(history.runs.map((r) => r.prompt).sort()).toEqual(['Prompt of new', 'mine', 'theirs']);
    expect(history.runs.find((r) => r.id === 'local')!.prompt).toBe('mine');
    expect((await listRuns()).runs).toHaveLength(3);
    expect(await history.addImported([run('local', 'theirs')])).toEqual({ added: 0, skipped: 1, copied: 0 });
    expect(history.runs).toHaveLength(3);
  });
});

describe('votes', () => {
  it('two stored votes with one id both count; an identical stray copy counts once', async () => {
    await saveVote(vote('v'));
    await set('other-key', vote('v', 'b'), votesRaw);
    await set('again', vote('v'), votesRaw);
    const { votes } = await listVotes();
    expect(votes.map((v) => v.outcome).sort()).toEqual(['a', 'b']);
    expect(new Set(votes.map((v) => v.id)).size).toBe(2);
    for (const [key, value] of await entries<string, ArenaVote>(votesRaw)) expect(value.id).toBe(key);
  });
});

describe('benchmark reports', () => {
  it('two stored reports with one id both come back under distinct ids', async () => {
    await saveReport(report('r'));
    await set('elsewhere', toReportFile(report('r', 'Room 12')), reportsRaw);
    const { reports, skipped } = await listReports();
    expect(skipped).toBe(0);
    expect(reports.map((r) => r.device.label).sort()).toEqual(['Desk PC', 'Room 12']);
    expect(new Set(reports.map((r) => r.id)).size).toBe(2);
    const copy = reports.find((r) => r.device.label === 'Room 12')!;
    expect(JSON.parse((await get<string>(copy.id, reportsRaw))!)).toMatchObject({ id: copy.id, device: { label: 'Room 12' } });
    expect(await get('elsewhere', reportsRaw)).toBeUndefined();
  });
});

describe('prompt sets', () => {
  it('importing "Export all sets" back adds nothing; a changed set under a taken id is added as a copy', () => {
    const builtins = builtinPresetSets();
    const again = importPresetSets(exportPresetSets(builtins), builtins);
    expect(again.problems).toEqual([]);
    expect(again.counts).toEqual({ added: 0, skipped: builtins.length, copied: 0 });

    const changed = { ...builtins[0]!, title: 'My version' };
    const file = exportPresetSets([changed]);
    const first = importPresetSets(file, builtins);
    expect(first.counts).toEqual({ added: 0, skipped: 0, copied: 1 });
    expect(first.sets[0]).toMatchObject({ title: 'My version', builtin: false });
    expect(first.sets[0]!.id).toMatch(/^[A-Za-z0-9][A-Za-z0-9._-]{0,79}$/);
    expect(first.sets[0]!.id).not.toBe(builtins[0]!.id);
    // The same file again finds that copy.
    expect(importPresetSets(file, [...builtins, ...first.sets]).counts).toEqual({ added: 0, skipped: 1, copied: 0 });
  });
});

describe('uniqueOnRead repairs storage without writing over anything', () => {
  type Item = { id: string; text: string };
  const identity: Identity<Item> = {
    id: (item) => item.id,
    withId: (item, id) => ({ ...item, id }),
    content: (item) => JSON.stringify(item),
    copyId: (id, hash) => `${id}~copy-${hash}`,
  };
  const read = (raw: unknown) => (raw && typeof raw === 'object' && 'id' in raw ? (raw as Item) : null);

  async function repair(initial: [string, unknown][]) {
    const store = new Map<IDBValidKey, unknown>(initial);
    const { uniqueOnRead } = await import('../../src/lib/files/unique-on-read');
    const shelf = { put: async (id: string, item: Item) => void store.set(id, item), remove: async (key: IDBValidKey) => void store.delete(key) };
    const result = await uniqueOnRead<Item>([...store.entries()] as [IDBValidKey, unknown][], read, identity, shelf);
    return { result, store };
  }

  it('a chain of strays (X under K1 with id K2, Y under K2 with id K3) loses neither', async () => {
    const x = { id: 'K2', text: 'x' };
    const y = { id: 'K3', text: 'y' };
    const { result, store } = await repair([['K1', x], ['K2', y]]);
    expect(result.items.map((item) => item.text).sort()).toEqual(['x', 'y']);
    const kept = [...store.values()].map((item) => (item as Item).text).sort();
    expect(kept).toEqual(['x', 'y']);
  });

  it('never writes over an unreadable record that holds the stray\'s id', async () => {
    const { store } = await repair([['K1', { id: 'B', text: 'stray' }], ['B', 'a record from a newer build']]);
    expect(store.get('B')).toBe('a record from a newer build');
    expect(store.get('K1')).toEqual({ id: 'B', text: 'stray' });
  });
});
