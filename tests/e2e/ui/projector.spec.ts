import { expect, test } from '@playwright/test';
import { openApp } from '../support/lineup';

const rootFontSize = (page: import('@playwright/test').Page) => page.evaluate(() => getComputedStyle(document.documentElement).fontSize);

test('projector view: large type and high contrast, bookkeeping panels out of the way, Alt+P toggles it, remembered', async ({ page }) => {
  await openApp(page);
  expect(await rootFontSize(page)).toBe('16px');
  await expect(page.getByTestId('history-panel')).toBeVisible();

  await page.getByTestId('projector-toggle').check();
  expect(await rootFontSize(page)).toBe('22px');
  const heading = await page.locator('h1').evaluate((node) => parseFloat(getComputedStyle(node).fontSize));
  expect(heading).toBeGreaterThanOrEqual(36); // readable from the back of a room
  // Text is pure black on white (or white on black): the highest contrast there is.
  const colors = await page.locator('body').evaluate((node) => [getComputedStyle(node).color, getComputedStyle(document.documentElement).backgroundColor]);
  expect(colors).toEqual(['rgb(0, 0, 0)', 'rgb(255, 255, 255)']);
  await expect(page.getByTestId('history-panel')).toHaveCount(0);
  await expect(page.getByTestId('storage-panel')).toHaveCount(0);
  await expect(page.getByTestId('prompt-input')).toBeVisible();
  // The model catalog is folded into one line naming the line-up; it opens on demand.
  await expect(page.getByTestId('picker-fold')).toBeVisible();
  await expect(page.getByTestId('tab-custom')).toBeHidden();
  await expect(page.getByTestId('shortcuts')).toContainText('Alt+P projector');

  await page.waitForTimeout(500); // preferences are saved shortly after a change
  await page.reload();
  await expect(page.locator('main')).toHaveAttribute('data-restored', 'true');
  expect(await rootFontSize(page)).toBe('22px');

  await page.keyboard.press('Alt+p');
  expect(await rootFontSize(page)).toBe('16px');
  await expect(page.getByTestId('history-panel')).toBeVisible();
});
