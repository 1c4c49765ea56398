import { expect, test, type Page } from '@playwright/test';
import { addCustomModel, clearLineup, fakeModel, openApp, pane, typePrompt } from '../support/lineup';
import { downloaded } from '../support/downloads';

async function measure(page: Page): Promise<number> {
  await page.getByTestId('bandwidth-measure').click();
  const figure = page.getByTestId('check-bandwidth');
  await expect(figure).toBeVisible({ timeout: 60_000 });
  return Number(await figure.getAttribute('data-gbps'));
}

test('the readiness check measures bandwidth in a worker, gives a verdict and exports a device card', async ({ page }) => {
  const workers: string[] = [];
  page.on('worker', (worker) => workers.push(worker.url()));
  await openApp(page);
  await page.getByTestId('check-link').click();
  await expect(page).toHaveURL(/#check$/);
  await expect(page.getByTestId('readiness-view')).toBeVisible();
  await expect(page.getByTestId('check-webgpu')).toHaveText('available');
  await expect(page.getByTestId('readiness-verdict')).not.toBeEmpty();

  const gbps = await measure(page);
  expect(gbps).toBeGreaterThan(0);
  // SwiftShader has no timestamp queries: the method used is named either way.
  await expect(page.getByTestId('check-bandwidth-method')).toContainText(/timed with (GPU timestamp queries|wall clock around onSubmittedWorkDone)/);
  expect(workers.some((url) => url.startsWith('blob:')), 'the probe runs in a blob: worker').toBe(true);
  // Models that fit get a ceiling: bandwidth ÷ weight bytes.
  const ceilings = page.getByTestId('check-model').filter({ hasText: /^(?!.*no:)/ }).getByTestId('check-ceiling');
  await expect(ceilings.first()).toHaveText(/^≈ [\d.,]+ tok\/s$/);

  await page.getByTestId('check-device-name').fill('Room 12, laptop 3');
  const card = JSON.parse(await downloaded(page, () => page.getByTestId('check-export').click())) as Record<string, any>;
  expect(card.format).toBe('lineup-device-card');
  expect(card.name).toBe('Room 12, laptop 3');
  expect(card.bandwidth.gbps).toBeCloseTo(gbps, 6);
  expect(card.models.length).toBeGreaterThan(0);
  expect(card.verdict).toBe(await page.getByTestId('readiness-verdict').innerText());

  // Back in the app, each catalog card shows its ceiling, labelled as an upper bound.
  await page.getByTestId('readiness-close').click();
  await expect(page.getByTestId('readiness-view')).toHaveCount(0);
  await expect(page.getByTestId('model-ceiling').first()).toHaveText(/^At most ≈ [\d.,]+ tok\/s here \(upper bound\)$/);

  // "#check" opens the view directly (a fresh page load), is not taken for a share link, and the
  // figure is cached per adapter.
  await page.goto('./#check');
  await page.reload();
  await expect(page.getByTestId('readiness-view')).toBeVisible();
  await expect(page.getByTestId('check-bandwidth-method')).toContainText('measured on an earlier visit');
  await expect(page.getByTestId('share-notice')).toHaveCount(0);
  await expect(page).toHaveURL(/#check$/);
});

test('importing two device cards gives the class table, exported as CSV', async ({ page }) => {
  await page.goto('./#check');
  await expect(page.getByTestId('readiness-verdict')).not.toBeEmpty();
  const mine = JSON.parse(await downloaded(page, () => page.getByTestId('check-export').click())) as Record<string, any>;
  const other = {
    ...mine,
    id: 'card-other-machine',
    name: 'Desktop',
    bandwidth: { gbps: 400, method: 'timestamp-query' },
    models: (mine.models as Array<Record<string, unknown>>).map((model) => ({ ...model, runnable: true, ceilingTps: 123 })),
  };
  await page.getByTestId('check-import').setInputFiles([
    { name: 'mine.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify({ ...mine, name: 'Laptop' })) },
    { name: 'desktop.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(other)) },
  ]);
  const rows = page.getByTestId('class-row');
  await expect(rows).toHaveCount(2);
  await expect(rows.first()).toContainText('Desktop'); // runs every model: first
  await expect(rows.first()).toContainText('400 GB/s');
  await expect(rows.first()).toContainText('fits, ≤ 123 tok/s');

  const csv = await downloaded(page, () => page.getByTestId('class-csv').click());
  const lines = csv.trimEnd().split('\r\n');
  expect(lines).toHaveLength(3);
  expect(lines[0]).toMatch(/^Device,GPU,Bandwidth \(GB\/s\),Models that fit,/);
  expect(lines[1]).toMatch(/^Desktop,/);

  // A file that is not a card changes nothing and says why.
  await page.getByTestId('check-import').setInputFiles({ name: 'bad.json', mimeType: 'application/json', buffer: Buffer.from('{"format":"lineup-benchmark"}') });
  await expect(page.getByTestId('check-notice')).toContainText('bad.json was not added: This is not a Lineup device card');
  await expect(rows).toHaveCount(2);
});

test('panes show decode speed as a share of the measured ceiling', async ({ page }) => {
  await page.goto('./#check');
  await measure(page);
  await page.getByTestId('readiness-close').click();
  await typePrompt(page, 'how fast');
  await page.getByTestId('run').click();
  await expect(page.getByTestId('pane-status').first()).toHaveText('Finished');
  await expect(page.getByTestId('pane-ceiling-share').first()).toHaveText(/^Decode: \d+ % of this GPU's limit \(≈ [\d.,]+ tok\/s\)$/);
});

test('OPFS backend: a model is stored the way web-llm 0.2.86 stores it, listed, sized and deleted', async ({ page }) => {
  await openApp(page);
  await clearLineup(page);
  await addCustomModel(page, fakeModel('opfs', 'opfs-model'));
  const panel = page.getByTestId('storage-panel');
  await panel.locator('summary').click();
  await expect(page.getByTestId('storage-backend-tradeoffs')).toContainText('OPFS');
  await page.getByTestId('storage-backend').selectOption('opfs');
  await typePrompt(page, 'keep me in OPFS');
  await page.getByTestId('run').click();
  await expect(pane(page, 'opfs-model').getByTestId('pane-status')).toHaveText('Finished');

  const opfsFiles = () =>
    page.evaluate(async () => {
      try {
        let folder = await (await navigator.storage.getDirectory()).getDirectoryHandle('tvmjs-opfs-store');
        for (const part of ['webllm', 'model']) folder = await folder.getDirectoryHandle(part);
        const names: string[] = [];
        for await (const name of (folder as unknown as { keys(): AsyncIterable<string> }).keys()) names.push(name);
        return names.sort();
      } catch {
        return [];
      }
    });
  const files = await opfsFiles();
  expect(files).toHaveLength(2);
  expect(files[0]).toMatch(/^[0-9a-f]{64}\.bin$/);
  expect(files[1]).toMatch(/^[0-9a-f]{64}\.record\.json$/);
  const cachesHaveIt = await page.evaluate(async () => (await caches.has('webllm/model')) && (await (await caches.open('webllm/model')).keys()).length > 0);
  expect(cachesHaveIt, 'nothing went to the Cache API').toBe(false);

  const cached = panel.getByTestId('cached-model');
  await expect(cached).toHaveCount(1);
  await expect(cached).toContainText('2.00 MB in OPFS');
  page.once('dialog', (dialog) => void dialog.accept());
  await cached.getByTestId('cached-model-delete').click();
  await expect(cached).toHaveCount(0);
  expect(await opfsFiles()).toEqual([]);
});
