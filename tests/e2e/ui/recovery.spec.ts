import { expect, test } from '@playwright/test';
import { addCustomModel, clearLineup, fakeModel, openApp, pane, typePrompt } from '../support/lineup';

// Each failure gets a clear message and one recovery action, and the app keeps working.

async function runAlone(page: import('@playwright/test').Page, behaviour: string, id: string) {
  await openApp(page);
  await clearLineup(page);
  await addCustomModel(page, fakeModel(behaviour, id));
  await typePrompt(page, 'hello there');
  await page.getByTestId('run').click();
  return pane(page, id);
}

test('quota exceeded: explains the storage problem and opens the storage panel', async ({ page }) => {
  const target = await runAlone(page, 'quota', 'quota-q4f32_1');
  const error = target.getByTestId('pane-error');
  await expect(error).toContainText('Not enough storage space');
  await error.getByTestId('error-action').click();
  await expect(page.getByTestId('storage-panel')).toHaveAttribute('open', '');
});

test('out of GPU memory while loading: says so and offers to remove the model', async ({ page }) => {
  const target = await runAlone(page, 'oom', 'oom-q4f32_1');
  const error = target.getByTestId('pane-error');
  await expect(error).toContainText('Model too big for this GPU');
  await error.getByTestId('error-action').click();
  await expect(page.getByTestId('pane')).toHaveCount(0);
});

test('a damaged cache entry is detected, deleted on request, and the model downloads again', async ({ page }) => {
  const target = await runAlone(page, 'corrupt', 'corrupt-q4f32_1');
  await expect(target.getByTestId('pane-status')).toHaveText('Finished'); // first, cold load works
  await page.getByTestId('run').click();
  const error = target.getByTestId('pane-error');
  await expect(error).toContainText('The cached model looks damaged');
  await error.getByTestId('error-action').click();
  await expect(target.getByTestId('pane-status')).toHaveText('Finished');
  await expect(target.locator('[data-metric="load"] th')).toHaveText('Load (cold, downloaded)');
});

test('cancelling during shader compilation stops the load cleanly', async ({ page }) => {
  const target = await runAlone(page, 'slow', 'compile-q4f32_1');
  await expect(target.getByTestId('pane-status')).toHaveText('Compiling shaders', { timeout: 15_000 });
  await target.getByRole('button', { name: 'Cancel' }).click();
  await expect(target.getByTestId('pane-error')).toContainText('Loading cancelled');
  await expect(page.getByTestId('run')).toBeEnabled();
});

test('Run, Stop all and Run again in quick succession ends with one clean answer per pane', async ({ page }) => {
  await openApp(page);
  await typePrompt(page, 'first attempt');
  await page.getByTestId('run').click();
  await page.getByTestId('stop-all').click();
  await expect(page.getByTestId('run')).toBeEnabled();
  await typePrompt(page, 'second attempt');
  await page.getByTestId('run').click();
  const outputs = page.getByTestId('pane-output');
  await expect(page.getByTestId('pane-status').nth(1)).toHaveText('Finished');
  for (const output of await outputs.all()) {
    await expect(output).toContainText('second attempt');
    await expect(output).not.toContainText('first attempt');
  }
});
