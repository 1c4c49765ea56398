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
  await expect(target.locator('[data-metric="load"] th')).toContainText(/\(.*downloaded\)/); // a cold load again
});

test('cancelling during shader compilation stops the load cleanly', async ({ page }) => {
  const target = await runAlone(page, 'slow', 'compile-q4f32_1');
  await expect(target.getByTestId('pane-status')).toHaveText('Compiling shaders', { timeout: 15_000 });
  await target.getByRole('button', { name: 'Cancel' }).click();
  await expect(target.getByTestId('pane-error')).toContainText('Loading cancelled');
  await expect(page.getByTestId('run')).toBeEnabled();
  // The person's own choice: a neutral "Cancelled", not a red error, and not an alert.
  await expect(target.getByTestId('pane-status')).toHaveText('Cancelled');
  await expect(target.getByTestId('pane-status')).toHaveAttribute('data-state', 'cancelled');
  await expect(target.getByTestId('pane-error')).toHaveAttribute('data-tone', 'neutral');
  await expect(target.getByRole('alert')).toHaveCount(0);
  // A run that produced nothing is not history.
  await expect(page.getByTestId('history-count')).toHaveText('0 runs saved on this device');
});

test('a failed download names the host to ask IT to allow; offline is said as offline', async ({ page, context }) => {
  const target = await runAlone(page, 'fail-download', 'blocked-q4f32_1');
  const error = target.getByTestId('pane-error');
  await expect(error).toContainText('Download failed: could not reach 127.0.0.1:4310', { timeout: 20_000 });
  await expect(error).toContainText('ask IT to allow this address (127.0.0.1:4310)');
  await expect(error).toHaveAttribute('data-tone', 'error');
  await expect(target.getByTestId('pane-status')).toHaveText('Error');
  await expect(error.getByTestId('error-action')).toHaveText('Try again');

  await context.setOffline(true);
  await error.getByTestId('error-action').click();
  await expect(error).toContainText('This device is offline', { timeout: 20_000 });
  await expect(error).toContainText('models already downloaded still run offline');
  await context.setOffline(false);
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
