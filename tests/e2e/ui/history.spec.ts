import { expect, test } from '@playwright/test';
import { addCustomModel, clearLineup, fakeModel, openApp, pane, typePrompt } from '../support/lineup';

async function openHistory(page: import('@playwright/test').Page) {
  const panel = page.getByTestId('history-panel');
  if ((await panel.getAttribute('open')) === null) await panel.locator('summary').click();
  return panel;
}

test('a run is in history after a reload, with outputs and metrics, and can be re-run', async ({ page }) => {
  await openApp(page);
  await typePrompt(page, 'History question one');
  await page.getByTestId('run').click();
  await expect(page.getByTestId('pane-status').nth(1)).toHaveText('Finished');

  await page.reload();
  await expect(page.locator('main')).toHaveAttribute('data-restored', 'true');
  const panel = await openHistory(page);
  const run = panel.getByTestId('history-run');
  await expect(run).toHaveCount(1);
  await expect(run).toContainText('History question one');
  await expect(run.getByTestId('history-outcome')).toHaveText(['finished', 'finished']);
  await run.locator('button.link').click();
  await expect(run).toContainText('says: History question one');
  await expect(run.locator('[data-metric="decode"] .value').first()).toHaveText(/tok\/s/);

  await typePrompt(page, 'something else');
  await run.getByTestId('history-rerun').click();
  await expect(page.getByTestId('prompt-input')).toHaveValue('History question one');
  await expect(page.getByTestId('pane-status').nth(1)).toHaveText('Finished');
  await expect(panel.getByTestId('history-run')).toHaveCount(2);
  await panel.getByTestId('history-search').fill('nothing matches this');
  await expect(panel.getByTestId('history-run')).toHaveCount(0);
});

test('a reload mid-run keeps the partial output, marked interrupted', async ({ page }) => {
  await openApp(page);
  await clearLineup(page);
  await addCustomModel(page, fakeModel('slow', 'slow-history-q4f32_1'));
  await typePrompt(page, 'alpha beta gamma delta epsilon zeta eta theta iota kappa lambda mu');
  await page.getByTestId('run').click();
  await expect(pane(page, 'slow-history-q4f32_1').getByTestId('pane-output')).toContainText('alpha', { timeout: 20_000 });
  await page.waitForTimeout(2500); // at least one periodic save (every 2 s) with text in it
  await page.reload();
  await expect(page.locator('main')).toHaveAttribute('data-restored', 'true');
  const run = (await openHistory(page)).getByTestId('history-run');
  await expect(run.getByTestId('history-outcome')).toHaveText('interrupted');
  await run.locator('button.link').click();
  await expect(run).toContainText('says:');
});

test('export as JSON and import it into another browser; bad files get a clear error', async ({ page, browser }) => {
  await openApp(page);
  await typePrompt(page, 'Export me');
  await page.getByTestId('run').click();
  await expect(page.getByTestId('pane-status').nth(1)).toHaveText('Finished');
  const panel = await openHistory(page);
  const download = page.waitForEvent('download');
  await panel.getByTestId('history-export-all').click();
  const file = await (await download).path();

  const other = await browser.newContext();
  const theirs = await other.newPage();
  await openApp(theirs);
  const theirPanel = await openHistory(theirs);
  await theirPanel.getByTestId('history-import').setInputFiles({ name: 'bad.json', mimeType: 'application/json', buffer: Buffer.from('{"format":"something-else"}') });
  await expect(theirPanel.getByTestId('history-import-message')).toContainText(/not a Lineup|format/i);
  await theirPanel.getByTestId('history-import').setInputFiles(file);
  await expect(theirPanel.getByTestId('history-import-message')).toContainText('Imported 1 run');
  await expect(theirPanel.getByTestId('history-run')).toContainText('Export me');
  await other.close();
});

test('a damaged history record is skipped with a notice; the app still starts', async ({ page }) => {
  await openApp(page);
  await page.evaluate(async () => {
    await new Promise<void>((resolve, reject) => {
      const open = indexedDB.open('lineup-history');
      open.onupgradeneeded = () => open.result.createObjectStore('runs');
      open.onsuccess = () => {
        const tx = open.result.transaction('runs', 'readwrite');
        tx.objectStore('runs').put({ version: 1, id: 42, prompt: null }, 'broken');
        tx.oncomplete = () => resolve();
        tx.onerror = () => reject(tx.error);
      };
    });
  });
  await page.reload();
  await expect(page.locator('main')).toHaveAttribute('data-restored', 'true');
  await expect(page.getByTestId('history-skipped')).toContainText('1 saved run');
  await typePrompt(page, 'still works');
  await page.getByTestId('run').click();
  await expect(page.getByTestId('pane-status').nth(1)).toHaveText('Finished');
});
