import { expect, test, type Page } from '@playwright/test';
import { addCustomModel, clearLineup, openApp, pane, typePrompt } from '../../support/lineup';
import { writeFakeModelFolder } from '../../support/fake-model-folder';
import { expectAllTranslated, usePseudoLocale } from '../../support/pseudo';

// Lane S (issue #15): the storage panel, the download source picker and the model folder panel
// in the pseudo-locale, each state the scripted engine can reach: nothing outside the catalogue.

const PANEL = '[data-testid="storage-panel"]';
const FOLDER_ID = 'folder-q4f32_1';
const FOLDER_LIBRARY = 'folder-model-webgpu.wasm';
const FOLDER_MODEL = {
  id: FOLDER_ID,
  weightsUrl: 'http://127.0.0.1:4310/fake-models/fail-download/resolve/main/',
  libraryUrl: `http://127.0.0.1:4310/fake-libs/${FOLDER_LIBRARY}`,
};
/** A catalog-like model on the public sources: a blocked download offers the next source. */
const SOURCE_MODEL = {
  id: 'source-test-q4f32_1',
  weightsUrl: 'https://huggingface.co/lineup-test/real-files/resolve/main/',
  libraryUrl: 'https://raw.githubusercontent.com/lineup-test/libs/main/real-files-webgpu.wasm',
};

async function openStorage(page: Page) {
  const panel = page.getByTestId('storage-panel');
  if ((await panel.getAttribute('open')) === null) await panel.locator('summary').click();
  await expect(panel.getByTestId('download-source')).toBeVisible();
  return panel;
}

async function pickFolder(page: Page, dir: string): Promise<void> {
  const chooser = page.waitForEvent('filechooser');
  await page.getByTestId('folder-add').click();
  await (await chooser).setFiles(dir);
}

test.describe('pseudo-locale', () => {
  test.beforeEach(async ({ page }) => {
    await usePseudoLocale(page);
  });

  test('the storage panel: closed, empty, and the download source picker with each source', async ({ page }) => {
    await openApp(page);
    await clearLineup(page);
    await expectAllTranslated(page, 'the storage panel closed', PANEL);
    const panel = await openStorage(page);
    await expect(panel.getByTestId('storage-empty')).toBeVisible();
    await expectAllTranslated(page, 'the storage panel, nothing stored', PANEL);
    // Every source of the picker with its hint (a mirror-less build: the four public ones).
    for (const [weights, library] of [['hf-mirror', 'jsdelivr'], ['huggingface', 'github']]) {
      await panel.getByTestId('source-weights').selectOption(weights!);
      await panel.getByTestId('source-library').selectOption(library!);
      await expectAllTranslated(page, `the download source picker (${weights}, ${library})`, '[data-testid="download-source"]');
    }
  });

  test('stored models listed, and the delete confirmations', async ({ page }) => {
    await openApp(page);
    await typePrompt(page, 'cache me');
    await page.getByTestId('run').click();
    for (const output of await page.getByTestId('pane-output').all()) await expect(output).toContainText('cache me', { timeout: 20_000 });
    await expect(page.getByTestId('run')).toBeEnabled({ timeout: 20_000 });
    const panel = await openStorage(page);
    await expect(panel.getByTestId('cached-model')).toHaveCount(2);
    await expectAllTranslated(page, 'the storage panel with stored models', PANEL);

    const said: string[] = [];
    page.on('dialog', (dialog) => {
      said.push(dialog.message());
      void dialog.dismiss();
    });
    await panel.getByTestId('cached-model-delete').first().click();
    await panel.getByTestId('storage-delete-all').click();
    await expect.poll(() => said.length).toBe(2);
    // The model's id is inside the sentence, so the whole message is one catalogue string.
    for (const message of said) expect(message).toMatch(/^⟦[^⟦⟧]*⟧$/);
    await expect(panel.getByTestId('cached-model')).toHaveCount(2); // dismissed: nothing deleted
  });

  test('the model folder panel: a refused folder, then an added one', async ({ page }, testInfo) => {
    await page.addInitScript(() => {
      delete (window as { showDirectoryPicker?: unknown }).showDirectoryPicker;
      delete (Window.prototype as { showDirectoryPicker?: unknown }).showDirectoryPicker;
    });
    await openApp(page);
    await clearLineup(page);
    await addCustomModel(page, FOLDER_MODEL);
    await openStorage(page);
    await expectAllTranslated(page, 'the model folder panel', '[data-testid="model-folder"]');

    await pickFolder(page, writeFakeModelFolder(testInfo.outputPath('short'), 'fail-download', FOLDER_LIBRARY, { 'params_shard_0.bin': 299_000, 'params_shard_1.bin': null }));
    await expect(page.getByTestId('folder-problems').locator('li')).toHaveCount(2);
    await expectAllTranslated(page, 'a refused folder', PANEL);

    await pickFolder(page, writeFakeModelFolder(testInfo.outputPath('good'), 'fail-download', FOLDER_LIBRARY));
    await expect(page.getByTestId('folder-message')).toBeVisible();
    await expect(page.locator(`[data-testid="cached-model"][data-key="${FOLDER_MODEL.weightsUrl}"]`)).toBeVisible();
    await expectAllTranslated(page, 'a folder added, the model listed', PANEL);
  });

  test('the notice after "Download from another source"', async ({ page, context }) => {
    // Every public host refuses: the download fails, and the pane offers the next sources.
    for (const origin of ['https://huggingface.co', 'https://hf-mirror.com', 'https://raw.githubusercontent.com', 'https://cdn.jsdelivr.net']) {
      await context.route(`${origin}/**`, (route) => route.fulfill({ status: 503, headers: { 'access-control-allow-origin': '*' }, body: 'unavailable' }));
    }
    await openApp(page);
    await clearLineup(page);
    await addCustomModel(page, SOURCE_MODEL);
    await typePrompt(page, 'Blocked source');
    await page.getByTestId('run').click();
    const anyway = page.getByRole('button', { name: /Run anyway/ });
    await anyway.waitFor({ state: 'visible', timeout: 1500 }).then(() => anyway.click(), () => undefined);
    const other = pane(page, SOURCE_MODEL.id).getByTestId('pane-error').locator('[data-action="try-other-source"]');
    await other.click();
    await expect(page.getByTestId('source-notice')).toBeAttached();
    await expectAllTranslated(page, 'the storage panel after switching sources', PANEL);
  });
});

test('contents that cannot be fetched (offline before the service worker had them) say so, instead of "Loading…" for ever', async ({ page, context }) => {
  await context.addInitScript(() => localStorage.setItem('lineup.locale', 'zh-CN'));
  await context.route(/\/assets\/StoragePanelBody-[\w-]+\.js$/, (route) => route.abort('internetdisconnected'));
  await openApp(page);
  const panel = page.getByTestId('storage-panel');
  await panel.locator('summary').click();
  await expect(panel.getByRole('status')).toHaveText('存储面板无法加载（是否已离线？）。请重新加载页面再试。');
});

test('the storage panel in Chinese', async ({ page }) => {
  await page.addInitScript(() => localStorage.setItem('lineup.locale', 'zh-CN'));
  await openApp(page);
  const panel = page.getByTestId('storage-panel');
  await expect(panel.locator('summary h2')).toHaveText('存储');
  await expect(page.getByTestId('storage-source-summary')).toHaveText('下载源：Hugging Face（权重）和 GitHub（模型库文件）');
  await panel.locator('summary').click();
  await expect(panel.getByTestId('download-source').locator('legend')).toHaveText('模型下载源');
  await expect(panel.getByTestId('folder-add')).toHaveText('从文件夹添加模型…');
  await expect(panel.getByTestId('storage-backend-tradeoffs')).toContainText('默认方式，测试最充分');
});
