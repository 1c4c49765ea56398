import { expect, test } from '@playwright/test';
import { startForeignOrigin, type ForeignOrigin } from '../../support/foreign-origin';
import { openApp } from '../support/lineup';

// `frame-ancestors` cannot be set in a <meta> policy, so the page refuses foreign frames itself.

let foreign: ForeignOrigin;
test.beforeEach(async () => {
  foreign = await startForeignOrigin();
});
test.afterEach(async () => {
  await foreign.close();
});

test('inside another site\'s page, Lineup does not start and links to its own tab', async ({ page, baseURL }) => {
  const workers: string[] = [];
  page.on('worker', (worker) => workers.push(worker.url()));
  const appUrl = new URL('./#from-a-frame', baseURL).href;
  await page.goto(`${foreign.origin}/frame?src=${encodeURIComponent(appUrl)}`);
  const framed = page.frameLocator('#framed');

  await expect(framed.getByTestId('framed-notice')).toContainText("Lineup does not run inside another site's page.");
  const link = framed.getByTestId('open-in-own-tab');
  await expect(link).toHaveAttribute('href', appUrl);
  await expect(link).toHaveAttribute('target', '_blank');
  await expect(link).toHaveAttribute('rel', 'noopener');
  await expect(framed.getByTestId('prompt-input')).toHaveCount(0);
  await expect(framed.getByTestId('pane')).toHaveCount(0);
  expect(workers, 'no engine started').toEqual([]);

  // The link opens the app in a tab of its own, where it runs.
  const [tab] = await Promise.all([page.context().waitForEvent('page'), link.click()]);
  await expect(tab.getByTestId('prompt-input')).toBeVisible();
  await expect(tab.getByTestId('framed-notice')).toHaveCount(0);
});

test('a frame of Lineup\'s own origin still runs', async ({ page }) => {
  await openApp(page);
  await page.evaluate(() => {
    const frame = document.createElement('iframe');
    frame.id = 'own';
    frame.src = location.href;
    document.body.append(frame);
  });
  const own = page.frameLocator('#own');
  await expect(own.getByTestId('prompt-input')).toBeVisible();
  await expect(own.getByTestId('framed-notice')).toHaveCount(0);
});
