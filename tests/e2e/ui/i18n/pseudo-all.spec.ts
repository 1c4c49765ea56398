import { expect, test, type Page } from '@playwright/test';
import { openApp, openCatalog, closeCatalog, typePrompt } from '../../support/lineup';
import { expectAllTranslated, usePseudoLocale } from '../../support/pseudo';

/**
 * The whole page in the pseudo-locale, view by view (issue #15): every text node and label
 * outside model output and the user's own data must come from the catalogue. The lanes' own
 * pseudo specs look inside one area each; this one looks at everything on the page at once,
 * hidden panels included, so nothing between the areas slips through.
 */

async function finishedComparison(page: Page): Promise<void> {
  await typePrompt(page, 'Name a primary colour');
  await page.getByTestId('run').click();
  for (const status of await page.getByTestId('pane-status').all()) await expect(status).toHaveText(/⟦.*⟧/, { timeout: 20_000 });
  await expect(page.getByTestId('run')).toBeEnabled({ timeout: 20_000 });
}

test.beforeEach(async ({ page }) => {
  await usePseudoLocale(page);
});

test('compare: the first screen, a finished comparison, and the panels below it', async ({ page }) => {
  await openApp(page);
  await expectAllTranslated(page, 'the first screen');
  await finishedComparison(page);
  for (const panel of ['history-panel', 'storage-panel']) await page.getByTestId(panel).locator('summary').click();
  await expect(page.getByTestId('history-panel').getByTestId('history-run').first()).toBeVisible();
  await expectAllTranslated(page, 'a finished comparison with history and storage open');
});

test('the catalog: recommended, all models and the custom model form with its problems', async ({ page }) => {
  await openApp(page);
  await openCatalog(page);
  await expectAllTranslated(page, 'the catalog (recommended)');
  for (const tab of ['tab-all', 'tab-custom']) {
    await page.getByTestId(tab).click();
    await expectAllTranslated(page, `the catalog (${tab})`);
  }
  await page.getByTestId('custom-weights-url').fill('ftp://example.invalid/x');
  await page.getByTestId('custom-add').click();
  await expect(page.getByTestId('custom-model-problems')).toBeVisible();
  await expectAllTranslated(page, 'the custom model form with problems');
  await closeCatalog(page);
});

for (const mode of ['arena', 'benchmark', 'grading'] as const) {
  test(`the ${mode} view`, async ({ page }) => {
    await openApp(page);
    await page.getByTestId(`mode-${mode}`).click();
    await expect(page.locator('#view-panel [role="status"].loading')).toHaveCount(0);
    await expectAllTranslated(page, `the ${mode} view`);
  });
}

test('the readiness check (#check)', async ({ page }) => {
  await page.goto('./#check');
  await expect(page.getByTestId('readiness-verdict')).toHaveText(/⟦.*⟧/);
  await page.getByTestId('bandwidth-measure').click();
  await expect(page.getByTestId('check-bandwidth')).toBeVisible({ timeout: 60_000 });
  await expectAllTranslated(page, 'the readiness check, measured');
});
