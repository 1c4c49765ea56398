// @vitest-environment node
import 'fake-indexeddb/auto'; // an in-memory IndexedDB on globalThis, before the store opens it
import { createStore, keys, set } from 'idb-keyval';
import { beforeEach, describe, expect, it } from 'vitest';
import { InvalidRecordError } from '../../src/lib/history/history-schema';
import {
  HISTORY_DB_NAME,
  HISTORY_STORE_NAME,
  clearRuns,
  deleteRun,
  getRun,
  listRuns,
  saveRun,
  searchRuns,
} from '../../src/lib/history/history-store';
import type { PaneRecord, RunRecord } from '../../src/lib/history/run-record';
import { emptyMetrics } from '../../src/lib/metrics/run-metrics';

function pane(overrides: Partial<PaneRecord> = {}): PaneRecord {
  return {
    modelId: 'Qwen2.5-0.5B-Instruct-q4f16_1-MLC',
    label: 'Qwen2.5 0.5B',
    weightsUrl: '',
    libraryUrl: '',
    output: 'An answer.',
    thinking: '',
    outcome: 'finished',
    finishReason: 'stop',
    error: null,
    metrics: emptyMetrics(),
    ...overrides,
  };
}

function run(id: string, createdAt: string, overrides: Partial<RunRecord> = {}): RunRecord {
  return {
    version: 2,
    id,
    createdAt,
    updatedAt: createdAt,
    systemPrompt: '',
    prompt: `Prompt of ${id}`,
    settings: { temperature: 0.7, topP: 0.95, maxTokens: 256 },
    parallel: false,
    panes: [pane()],
    device: null,
    appVersion: '0.1.0',
    engineVersion: 'web-llm 0.2.86',
    ...overrides,
  };
}

/** The very store the history uses, opened separately: what a damaged or older database holds. */
const rawStore = createStore(HISTORY_DB_NAME, HISTORY_STORE_NAME);

beforeEach(async () => {
  await clearRuns();
});

describe('history store', () => {
  it('saves and reads back a run', async () => {
    const record = run('a', '2024-05-01T10:00:00.000Z');
    await saveRun(record);
    expect(await getRun('a')).toStrictEqual(record);
    expect(await getRun('missing')).toBeUndefined();
  });

  it('lists newest first, and a save with the same id replaces the run', async () => {
    await saveRun(run('old', '2024-01-01T00:00:00.000Z'));
    await saveRun(run('new', '2024-06-01T00:00:00.000Z'));
    await saveRun(run('mid', '2024-03-01T00:00:00.000Z'));
    await saveRun(run('mid', '2024-03-01T00:00:00.000Z', { prompt: 'edited' }));
    const { runs, skipped } = await listRuns();
    expect(runs.map((r) => r.id)).toEqual(['new', 'mid', 'old']);
    expect(runs[1]!.prompt).toBe('edited');
    expect(skipped).toBe(0);
  });

  it('deletes one run, and clears them all', async () => {
    await saveRun(run('a', '2024-01-01T00:00:00.000Z'));
    await saveRun(run('b', '2024-01-02T00:00:00.000Z'));
    await deleteRun('a');
    expect((await listRuns()).runs.map((r) => r.id)).toEqual(['b']);
    await clearRuns();
    expect(await listRuns()).toEqual({ runs: [], skipped: 0 });
  });

  it('refuses to save an invalid record, and writes nothing', async () => {
    const bad = { ...run('bad', '2024-01-01T00:00:00.000Z'), panes: Array.from({ length: 5 }, () => pane()) };
    await expect(saveRun(bad)).rejects.toThrow(InvalidRecordError);
    expect(await keys(rawStore)).toEqual([]);
  });

  it('stores a plain copy, so later changes to the caller’s object do not leak in', async () => {
    const record = run('a', '2024-01-01T00:00:00.000Z');
    await saveRun(record);
    record.prompt = 'changed after saving';
    expect((await getRun('a'))!.prompt).toBe('Prompt of a');
  });
});

describe('damaged and older records', () => {
  it('skips and counts records that cannot be read, and lists the good ones', async () => {
    await saveRun(run('good-1', '2024-02-01T00:00:00.000Z'));
    await saveRun(run('good-2', '2024-02-02T00:00:00.000Z'));
    await set('garbage-string', 'not a run at all', rawStore);
    await set('garbage-number', 42, rawStore);
    await set('garbage-null', null, rawStore);
    await set('no-prompt', { ...run('no-prompt', '2024-02-03T00:00:00.000Z'), prompt: undefined }, rawStore);
    await set('future', { ...run('future', '2024-02-04T00:00:00.000Z'), version: 99 }, rawStore);
    await set('hostile', JSON.parse('{"__proto__":{"polluted":1},"version":1}'), rawStore);
    await set('too-long', run('too-long', '2024-02-05T00:00:00.000Z', { panes: [pane({ output: 'x'.repeat(2 * 1024 * 1024 + 1) })] }), rawStore);

    const { runs, skipped } = await listRuns();
    expect(runs.map((r) => r.id)).toEqual(['good-2', 'good-1']);
    expect(skipped).toBe(7);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('lists a record written by a pre-release (v0) build, upgraded', async () => {
    const { settings, updatedAt: _, panes, ...rest } = run('v0', '2024-01-05T00:00:00.000Z');
    const { modelId, ...paneRest } = panes[0]!;
    await set('v0', { ...rest, version: 0, ...settings, panes: [{ ...paneRest, model: modelId }] }, rawStore);
    const { runs, skipped } = await listRuns();
    expect(skipped).toBe(0);
    expect(runs).toStrictEqual([run('v0', '2024-01-05T00:00:00.000Z')]);
  });

  it('getRun throws InvalidRecordError for a damaged record instead of returning junk', async () => {
    await set('junk', { version: 1, id: 'junk' }, rawStore);
    await expect(getRun('junk')).rejects.toThrow(InvalidRecordError);
  });
});

describe('searchRuns', () => {
  const runs = [
    run('haiku', '2024-01-01T00:00:00.000Z', { prompt: 'Write a HAIKU about autumn', panes: [pane({ label: 'Llama 3.2 1B', modelId: 'Llama-3.2-1B', output: 'Leaves drift down' })] }),
    run('code', '2024-01-02T00:00:00.000Z', { prompt: 'Sort a list in Python', systemPrompt: 'You are a senior engineer', panes: [pane(), pane({ label: 'Phi 3.5', modelId: 'Phi-3.5-mini', output: 'Use sorted()' })] }),
    run('plain', '2024-01-03T00:00:00.000Z', { prompt: 'Hello' }),
  ];
  const ids = (query: string) => searchRuns(runs, query).map((r) => r.id);

  it('matches prompt, system prompt, model ids, labels and output, case-insensitively', () => {
    expect(ids('haiku')).toEqual(['haiku']);
    expect(ids('SENIOR')).toEqual(['code']);
    expect(ids('phi-3.5-MINI')).toEqual(['code']);
    expect(ids('llama')).toEqual(['haiku']);
    expect(ids('drift')).toEqual(['haiku']);
    expect(ids('qwen2.5')).toEqual(['code', 'plain']);
  });

  it('ANDs the words, each matching anywhere in the run', () => {
    expect(ids('python   phi')).toEqual(['code']);
    expect(ids('python llama')).toEqual([]);
    expect(ids('autumn leaves llama')).toEqual(['haiku']);
  });

  it('returns every run, in order, for a blank query, and does not match across fields', () => {
    expect(ids('  ')).toEqual(['haiku', 'code', 'plain']);
    expect(ids('autumn\nllama')).toEqual(['haiku']); // whitespace in a query separates words
    expect(ids('autumnllama')).toEqual([]);
  });
});
