import { expect, test, type Page } from '@playwright/test';
import { addCustomModel, closeCatalog, fakeModel, openApp, openCatalog, typePrompt } from '../../support/lineup';
import { expectAllTranslated, usePseudoLocale } from '../../support/pseudo';

/**
 * Lane D of issue #15: the model catalog (its three tabs, an empty search, the custom model
 * form with its problems, a custom model's card) and the history panel (a saved run opened,
 * an import error), in the pseudo-locale; then the same areas in Chinese.
 */

const CATALOG = '[data-testid="catalog-dialog"]';
const HISTORY = '[data-testid="history-panel"]';

async function openHistory(page: Page) {
  const panel = page.getByTestId('history-panel');
  if ((await panel.getAttribute('open')) === null) await panel.locator('summary').click();
  return panel;
}

test.describe('pseudo-locale', () => {
  test.beforeEach(async ({ page }) => {
    await usePseudoLocale(page);
    await openApp(page);
  });

  test('the catalog: recommended, all models, an empty search', async ({ page }) => {
    await openCatalog(page);
    await expect(page.getByTestId('recommended-list').getByTestId('model-card').first()).toBeVisible();
    await expectAllTranslated(page, 'the catalog (recommended)', CATALOG);
    await page.getByTestId('tab-all').click();
    await expect(page.getByTestId('all-list').getByTestId('model-card').first()).toBeVisible();
    await expectAllTranslated(page, 'the catalog (all models)', CATALOG);
    await page.getByTestId('model-search').fill('no model is called this');
    await expect(page.getByTestId('search-none')).toBeVisible();
    await expectAllTranslated(page, 'the catalog (a search with no result)', CATALOG);
  });

  test('the custom model form: its problems, and a custom model card', async ({ page }) => {
    await openCatalog(page);
    await page.getByTestId('tab-custom').click();
    await expectAllTranslated(page, 'the custom model form', CATALOG);
    await page.getByTestId('custom-weights-url').fill('https://huggingface.co/mlc-ai/Some-MLC/blob/main/mlc-chat-config.json');
    await page.getByTestId('custom-library-url').fill('ftp://example.invalid/lib');
    await page.getByTestId('custom-model-id').fill('has spaces');
    await page.getByTestId('custom-context').fill('3');
    await page.getByTestId('custom-add').click();
    await expect(page.getByTestId('custom-model-problems').locator('li')).not.toHaveCount(0);
    await expectAllTranslated(page, 'the custom model form with problems', CATALOG);
    await page.getByTestId('custom-weights-url').fill('https://models.unknown-host.example/m/resolve/main/');
    await page.getByTestId('custom-library-url').fill('https://models.unknown-host.example/m.wasm');
    await page.getByTestId('custom-model-id').fill('');
    await page.getByTestId('custom-context').fill('');
    await page.getByTestId('custom-add').click();
    await expect(page.getByTestId('custom-model-problems')).toBeVisible();
    await expectAllTranslated(page, 'the custom model form with a blocked host', CATALOG);
    await closeCatalog(page);
    await addCustomModel(page, fakeModel('slow', 'pseudo-custom-q4f32_1'));
    await openCatalog(page);
    await page.getByTestId('tab-custom').click();
    await expect(page.locator('[data-model-id="pseudo-custom-q4f32_1"]').getByTestId('fit')).toBeVisible();
    await expectAllTranslated(page, 'a custom model card', CATALOG);
  });

  test('the history panel: empty, a saved run opened, an import error', async ({ page }) => {
    const panel = await openHistory(page);
    await expect(panel.locator('.runs li')).toBeVisible();
    await expectAllTranslated(page, 'the history panel (empty)', HISTORY);
    await typePrompt(page, 'Name a primary colour');
    await page.getByTestId('run').click();
    await expect(panel.getByTestId('history-run')).toHaveCount(1, { timeout: 20_000 });
    await expect(page.getByTestId('run')).toBeEnabled({ timeout: 20_000 });
    await expect(panel.getByTestId('history-outcome').first()).toHaveText(/⟦.*⟧/);
    const run = panel.getByTestId('history-run');
    await run.locator('button.link').click();
    await expect(run.locator('.detail')).toBeVisible();
    await expectAllTranslated(page, 'the history panel with a saved run opened', HISTORY);
    await panel.getByTestId('history-search').fill('nothing matches this');
    await expect(panel.getByTestId('history-run')).toHaveCount(0);
    await expectAllTranslated(page, 'the history panel (no match)', HISTORY);
    await panel.getByTestId('history-search').fill('');
    await panel.getByTestId('history-import').setInputFiles({ name: 'bad.json', mimeType: 'application/json', buffer: Buffer.from('{"format":"something-else"}') });
    await expect(panel.getByTestId('history-import-message')).toBeVisible();
    await expectAllTranslated(page, 'the history panel with an import error', HISTORY);
    await panel.getByTestId('history-import').setInputFiles({ name: 'junk.json', mimeType: 'application/json', buffer: Buffer.from('[1, 2]') });
    await expect(panel.getByTestId('history-import-message')).toContainText('⟦');
    await expectAllTranslated(page, 'the history panel with unreadable runs', HISTORY);
  });
});

test('the catalog and the history speak Chinese', async ({ page }) => {
  await page.addInitScript(() => localStorage.setItem('lineup.locale', 'zh-CN'));
  await openApp(page);
  await openCatalog(page);
  await expect(page.getByTestId('tab-recommended')).toHaveText('推荐');
  await expect(page.getByTestId('tab-custom')).toHaveText('自定义模型');
  await expect(page.getByTestId('recommended-list').getByTestId('model-toggle').first()).toHaveText(/添加|移除/);
  await page.getByTestId('tab-custom').click();
  await page.getByTestId('custom-add').click();
  await expect(page.getByTestId('custom-model-problems')).toContainText('权重 URL 为必填项');
  await closeCatalog(page);
  const panel = await openHistory(page);
  await expect(panel.locator('summary h2')).toHaveText('历史记录');
  await expect(panel.getByTestId('history-count')).toHaveText('本设备上保存了 0 次运行');
});
