import { expect, test } from '@playwright/test';
import { metric, openApp, pane, typePrompt } from '../support/lineup';

test('the storage panel lists cached models, and deleting one frees its space', async ({ page }) => {
  await openApp(page);
  await typePrompt(page, 'cache me');
  await page.getByTestId('run').click();
  await expect(page.getByTestId('pane-status').nth(1)).toHaveText('Finished');

  const panel = page.getByTestId('storage-panel');
  await panel.locator('summary').click();
  const cached = panel.getByTestId('cached-model');
  await expect(cached).toHaveCount(2);
  const ids = await page.getByTestId('pane').evaluateAll((nodes) => nodes.map((node) => node.getAttribute('data-model-id')!));
  await expect(cached.first()).toContainText(/MLC/);
  await expect(panel.getByTestId('storage-cached-total')).toHaveText('4.00 MB');

  page.once('dialog', (dialog) => void dialog.accept());
  await cached.filter({ hasText: ids[0]! }).getByTestId('cached-model-delete').click();
  await expect(cached).toHaveCount(1);
  await expect(panel.getByTestId('storage-cached-total')).toHaveText('2.00 MB');

  // The deleted model downloads again; the other still loads from the cache.
  await page.getByTestId('run').click();
  await expect(pane(page, ids[1]!).getByTestId('pane-status')).toHaveText('Finished');
  await expect(pane(page, ids[0]!).locator('[data-metric="load"] .plain')).toHaveText('Load time (downloaded)');
  await expect(pane(page, ids[1]!).locator('[data-metric="load"] .plain')).toHaveText('Load time (from cache)');
  expect(await metric(page, ids[0]!, 'load')).toContain('MB');
});

test('warns before a download that will not fit in the storage quota', async ({ page }) => {
  await page.addInitScript(() => {
    const estimate = async () => ({ usage: 900 * 1024 * 1024, quota: 1024 * 1024 * 1024 });
    Object.defineProperty(StorageManager.prototype, 'estimate', { value: estimate, configurable: true });
  });
  await openApp(page);
  await typePrompt(page, 'big download');
  await expect(page.getByTestId('run-warning')).toContainText('of browser storage is free');
  await expect(page.getByTestId('run')).toBeEnabled(); // a warning, the person decides
});

test('the cache backend choice (Cache API or IndexedDB) is remembered', async ({ page }) => {
  await openApp(page);
  await page.getByTestId('storage-panel').locator('summary').click();
  await expect(page.getByTestId('storage-backend')).toHaveValue('cache');
  await page.getByTestId('storage-backend').selectOption('indexeddb');
  await page.waitForTimeout(500); // preferences are saved shortly after a change
  await page.reload();
  await expect(page.locator('main')).toHaveAttribute('data-restored', 'true');
  // The panel's contents load when it is opened.
  await page.getByTestId('storage-panel').locator('summary').click();
  await expect(page.getByTestId('storage-backend')).toHaveValue('indexeddb');
});
