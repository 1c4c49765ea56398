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

test('teacher notes: behind "Show answer", never shown in projector view, gone once the prompt is edited', async ({ page }) => {
  await openApp(page);
  // The built-in Reasoning set: each prompt's note gives the answer away.
  await page.getByTestId('preset-set').selectOption({ label: 'Reasoning' });
  const chip = page.getByTestId('preset-prompt').first();
  await chip.click();
  const note = page.getByTestId('preset-note');
  const toggle = page.getByTestId('preset-answer-toggle');
  await expect(note).toHaveCount(0); // collapsed until asked for
  await expect(toggle).toHaveAttribute('aria-expanded', 'false');
  await toggle.click();
  await expect(note).toContainText('5 cents');

  // Projector view: collapsed, even though it was open a moment ago, and for the next prompt too.
  await page.getByTestId('projector-toggle').check();
  await expect(note).toHaveCount(0);
  await page.keyboard.press('Alt+n');
  await expect(page.getByTestId('preset-prompt').nth(1)).toHaveClass(/active/);
  await expect(note).toHaveCount(0);
  expect(await page.locator('body').innerText()).not.toContain('Correct:');

  // Outside projector view the choice is remembered for the set.
  await page.getByTestId('projector-toggle').uncheck();
  await expect(note).toContainText('Correct: 1.');

  // Editing the prompt makes it the person's own: no highlighted chip, no note.
  await page.getByTestId('prompt-input').press('End');
  await page.getByTestId('prompt-input').pressSequentially(' Explain.');
  await expect(page.getByTestId('preset-prompt').nth(1)).not.toHaveClass(/active/);
  await expect(toggle).toHaveCount(0);
  await expect(note).toHaveCount(0);
});
