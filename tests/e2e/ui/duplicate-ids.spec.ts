import { expect, test, type Page } from '@playwright/test';
import { openApp } from '../support/lineup';

/**
 * Two history records with one run id used to blank the whole history list (Svelte refuses a
 * keyed list with a repeated key). Whichever way they arrive, both must show.
 */

function record(id: string, prompt: string, createdAt: string) {
  return {
    version: 1, id, createdAt, updatedAt: createdAt, systemPrompt: '', prompt,
    settings: { temperature: 0.7, topP: 0.95, maxTokens: 256 }, parallel: false,
    panes: [{ modelId: 'some-model', label: 'Some model', weightsUrl: '', libraryUrl: '', output: `Answer to ${prompt}`, outcome: 'finished', finishReason: 'stop', error: null }],
    device: null, appVersion: 'test', engineVersion: 'test',
  };
}

async function openHistory(page: Page) {
  const panel = page.getByTestId('history-panel');
  if ((await panel.getAttribute('open')) === null) await panel.locator('summary').click();
  return panel;
}

test('an imported file with two runs under one id: both are listed, and the notice says one was kept as a copy', async ({ page }) => {
  await openApp(page);
  const panel = await openHistory(page);
  const file = {
    format: 'lineup-runs', version: 1, exportedAt: '2026-01-01T00:00:00.000Z',
    runs: [record('same-id', 'Twin prompt one', '2026-01-01T10:00:00.000Z'), record('same-id', 'Twin prompt two', '2026-01-01T11:00:00.000Z')],
  };
  const buffer = Buffer.from(JSON.stringify(file));
  await panel.getByTestId('history-import').setInputFiles({ name: 'twins.json', mimeType: 'application/json', buffer });
  await expect(panel.getByTestId('history-import-message')).toContainText('Imported 2 run(s): 1 added, 0 skipped (identical to one already here), 1 kept as a copy');
  const runs = panel.getByTestId('history-run');
  await expect(runs).toHaveCount(2);
  await expect(runs.nth(0)).toContainText('Twin prompt two');
  await expect(runs.nth(1)).toContainText('Twin prompt one');

  // The same file again: nothing added, nothing replaced.
  await panel.getByTestId('history-import').setInputFiles({ name: 'twins.json', mimeType: 'application/json', buffer });
  await expect(panel.getByTestId('history-import-message')).toContainText('Imported 0 run(s): 0 added, 2 skipped');
  await expect(runs).toHaveCount(2);

  await page.reload();
  await expect(page.locator('main')).toHaveAttribute('data-restored', 'true');
  await expect((await openHistory(page)).getByTestId('history-run')).toHaveCount(2);
});

test('two runs with one id written straight into IndexedDB both render after a reload', async ({ page }) => {
  await openApp(page);
  const first = record('dup-id', 'Stored under its id', '2026-02-01T10:00:00.000Z');
  const second = record('dup-id', 'Stored under another key', '2026-02-01T11:00:00.000Z');
  // idb-keyval's format: database "lineup-history", object store "runs", out-of-line keys.
  await page.evaluate(async ([a, b]) => {
    await new Promise<void>((resolve, reject) => {
      const open = indexedDB.open('lineup-history');
      open.onupgradeneeded = () => open.result.createObjectStore('runs');
      open.onsuccess = () => {
        const tx = open.result.transaction('runs', 'readwrite');
        tx.objectStore('runs').put(a, 'dup-id');
        tx.objectStore('runs').put(b, 'some-other-key');
        tx.oncomplete = () => {
          open.result.close();
          resolve();
        };
        tx.onerror = () => reject(tx.error);
      };
    });
  }, [first, second]);
  await page.reload();
  await expect(page.locator('main')).toHaveAttribute('data-restored', 'true');
  const panel = await openHistory(page);
  await expect(panel.getByTestId('history-count')).toHaveText('2 runs saved on this device');
  const runs = panel.getByTestId('history-run');
  await expect(runs).toHaveCount(2);
  await expect(runs.nth(0)).toContainText('Stored under another key');
  await expect(runs.nth(1)).toContainText('Stored under its id');
  const ids = await runs.evaluateAll((items) => items.map((item) => item.getAttribute('data-run-id')));
  expect(ids).toContain('dup-id');
  expect(new Set(ids).size).toBe(2);
  // Deleting the copy deletes only it (it was moved under its own id, so delete finds it).
  await runs.filter({ hasText: 'Stored under another key' }).getByTestId('history-delete').click();
  await expect(runs).toHaveCount(1);
  await page.reload();
  await expect((await openHistory(page)).getByTestId('history-run')).toHaveText([/Stored under its id/]);
});

test('arena: a classmate vote reusing an id is kept as a copy, and the board counts both', async ({ page }) => {
  await openApp(page);
  await page.getByTestId('mode-arena').click();
  const vote = (id: string, outcome: string) => ({ id, createdAt: '2026-03-01T10:00:00.000Z', modelA: 'model-one', modelB: 'model-two', outcome, prompt: 'Which is better?' });
  const file = (votes: unknown[]) => ({ name: 'votes.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify({ format: 'lineup-arena-votes', version: 1, exportedAt: '2026-03-01T12:00:00.000Z', votes })) });
  await page.getByTestId('arena-import').setInputFiles(file([vote('v-1', 'a')]));
  await expect(page.getByTestId('arena-notice')).toContainText('Imported 1 vote: 1 added');
  await page.getByTestId('arena-import').setInputFiles(file([vote('v-1', 'a'), vote('v-1', 'b')]));
  await expect(page.getByTestId('arena-notice')).toContainText('Imported 1 vote: 0 added, 1 skipped (identical to one already here), 1 kept as a copy');
  await expect(page.getByTestId('leaderboard-row')).toHaveCount(2);
  await expect(page.getByTestId('leaderboard-votes')).toHaveText(['2', '2']);
  await page.reload();
  await expect(page.locator('main')).toHaveAttribute('data-restored', 'true');
  await expect(page.getByTestId('leaderboard-votes')).toHaveText(['2', '2']);
});

test('benchmark: a report naming one model twice, and reports whose old composite keys collide, all render', async ({ page }) => {
  await openApp(page);
  await page.getByTestId('mode-benchmark').click();
  const model = (modelId: string, decode: number) => ({
    modelId, weightBytes: null, loads: [],
    runs: [{ promptId: 'short', runIndex: 0, ttftMs: 10, prefillTokensPerSecond: 100, decodeTokensPerSecond: decode, promptTokens: 5, completionTokens: 5 }],
  });
  const report = (id: string, label: string, models: unknown[]) => ({
    format: 'lineup-benchmark', version: 1, id, createdAt: '2026-03-01T10:00:00.000Z', suiteId: 'lineup-suite-1',
    options: { runsPerPrompt: 1, warmup: false, measureColdLoad: false },
    device: { gpuVendor: '', gpuArchitecture: '', gpuDescription: '', isFallbackAdapter: false, shaderF16: false, userAgent: 'UA', label },
    appVersion: 'test', engineVersion: 'test', models,
  });
  const upload = (data: unknown) => page.getByTestId('bench-import').setInputFiles({ name: 'report.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(data)) });
  // "x/y" + "z" and "x" + "y/z" were one key when keys were built as `${reportId}/${modelId}`.
  await upload(report('x/y', 'Device one', [model('z', 11), model('z', 12)]));
  await expect(page.getByTestId('bench-notice')).toContainText('Imported results from “Device one”');
  await expect(page.getByTestId('bench-results').getByTestId('bench-row')).toHaveCount(2);
  await upload(report('x', 'Device two', [model('y/z', 13)]));
  await expect(page.getByTestId('bench-notice')).toContainText('Imported results from “Device two”');
  const rows = page.getByTestId('bench-compare-row');
  await expect(rows).toHaveCount(3);
  await expect(rows.filter({ hasText: 'Device one' })).toHaveCount(2);
  await expect(rows.filter({ hasText: 'Device two' })).toHaveCount(1);
});
