import { expect, test } from '@playwright/test';
import { addCustomModel, clearLineup, fakeModel, openApp } from '../support/lineup';

// Keyboard and screen-reader use (issue #13, item 10): what a person without a mouse relies on.

test('Ctrl+Enter runs from a prompt chip; focus goes to Stop all, then back to Run; one live region says what happened', async ({ page }) => {
  await openApp(page);
  await clearLineup(page);
  await addCustomModel(page, fakeModel('slow', 'slow-keys-q4f32_1'));
  const chip = page.getByTestId('preset-prompt').first();
  await chip.click();
  await expect(page.getByTestId('prompt-input')).not.toHaveValue('');
  await chip.focus();
  await page.keyboard.press('Control+Enter');
  await expect(page.getByTestId('stop-all')).toBeFocused();
  await expect(page.getByTestId('pane-status')).toHaveText('Finished', { timeout: 40_000 });
  await expect(page.getByTestId('run')).toBeFocused();

  // The badges are silent; the one polite region carries a sentence per pane and the end.
  await expect(page.locator('[aria-live]').filter({ has: page.getByTestId('pane-status') })).toHaveCount(0);
  await expect(page.getByTestId('pane-status')).not.toHaveAttribute('aria-live', /.*/);
  const live = page.getByTestId('live-region');
  await expect(live).toHaveAttribute('role', 'status');
  await expect(page.locator('[role="status"][data-testid="live-region"]')).toHaveCount(1);
  await expect(live).toContainText(/slow-keys.* finished: \d+ tokens at \d+ tokens per second\./);
  await expect(live).toContainText('Comparison done.');

  // Someone who starts typing the next prompt during a run keeps their place when it ends.
  await page.getByTestId('run').click();
  await expect(page.getByTestId('stop-all')).toBeFocused();
  await page.getByTestId('prompt-input').focus();
  await expect(page.getByTestId('run')).toBeVisible({ timeout: 40_000 });
  await expect(page.getByTestId('prompt-input')).toBeFocused();
});

test('the view tabs follow the WAI-ARIA tabs pattern: arrows, Home and End select, one tab stop, a labelled panel', async ({ page }) => {
  await openApp(page);
  const tab = (mode: string) => page.getByTestId(`mode-${mode}`);
  await expect(tab('compare')).toHaveAttribute('aria-selected', 'true');
  await expect(tab('compare')).toHaveAttribute('tabindex', '0');
  await expect(tab('arena')).toHaveAttribute('tabindex', '-1');
  const panel = page.getByRole('tabpanel');
  await expect(panel).toHaveAttribute('aria-labelledby', 'tab-compare');
  await expect(tab('compare')).toHaveAttribute('aria-controls', 'view-panel');

  await tab('compare').focus();
  await page.keyboard.press('ArrowRight');
  await expect(tab('arena')).toBeFocused();
  await expect(tab('arena')).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByTestId('arena')).toBeVisible();
  await expect(panel).toHaveAttribute('aria-labelledby', 'tab-arena');
  await page.keyboard.press('End');
  await expect(tab('grading')).toBeFocused();
  await expect(tab('grading')).toHaveAttribute('aria-selected', 'true');
  await page.keyboard.press('ArrowRight'); // wraps around
  await expect(tab('compare')).toBeFocused();
  await page.keyboard.press('ArrowLeft');
  await expect(tab('grading')).toBeFocused();
  await page.keyboard.press('Home');
  await expect(tab('compare')).toHaveAttribute('aria-selected', 'true');
  await expect(tab('grading')).toHaveAttribute('tabindex', '-1');
});

test('removing a pane keeps focus nearby: the next pane\'s remove button, then the line-up row', async ({ page }) => {
  await openApp(page);
  const remove = page.getByTestId('pane-remove');
  await expect(remove).toHaveCount(2);
  const second = await page.getByTestId('pane').nth(1).getAttribute('data-model-id');
  await remove.first().focus();
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('pane')).toHaveCount(1);
  await expect(page.locator(`[data-model-id="${second}"] [data-testid="pane-remove"]`)).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('pane')).toHaveCount(0);
  await expect(page.getByTestId('catalog-open')).toBeFocused();
});

test('heading levels never skip, in every view', async ({ page }) => {
  await openApp(page);
  for (const mode of ['compare', 'arena', 'benchmark', 'grading']) {
    await page.getByTestId(`mode-${mode}`).click();
    await expect(page.getByTestId(`mode-${mode}`)).toHaveAttribute('aria-selected', 'true');
    await page.waitForTimeout(300); // the lazily loaded views
    const levels = await page.locator('h1, h2, h3, h4, h5, h6').evaluateAll((nodes) =>
      nodes.filter((node) => (node as HTMLElement).offsetParent !== null || node.tagName === 'H1').map((node) => Number(node.tagName[1])),
    );
    expect(levels[0], `${mode}: the page starts with its h1`).toBe(1);
    for (let i = 1; i < levels.length; i++) expect(levels[i]! - levels[i - 1]!, `${mode}: heading ${i} (${levels.join(',')})`).toBeLessThanOrEqual(1);
  }
});
