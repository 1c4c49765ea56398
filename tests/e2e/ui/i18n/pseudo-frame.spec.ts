import { expect, test } from '@playwright/test';
import { openApp, typePrompt } from '../../support/lineup';
import { expectAllTranslated, usePseudoLocale } from '../../support/pseudo';

// Lane A of issue #15: the page's frame (masthead, GPU line, view tabs, line-up row, first-run
// hint, share panel and notices, glossary popovers, footer, the software-adapter question) draws
// every word from the catalogue (pseudo-locale), and shows Chinese when the page is in Chinese.

const FRAME = ['header.top', 'footer', '[data-testid="gpu-status"]', 'nav.modes', '.setup', '[data-testid="share-panel"]'].join(', ');

test('the frame of the first screen: masthead, GPU line and its details, tabs, line-up row, hint, share panel, footer', async ({ page }) => {
  await usePseudoLocale(page);
  await openApp(page);
  await expect(page.getByTestId('first-run-hint')).toBeVisible();
  await expectAllTranslated(page, 'the frame of the first screen', FRAME);

  // The GPU line's details, opened.
  await page.getByTestId('gpu-details').locator('summary').click();
  await expectAllTranslated(page, 'the GPU details', '[data-testid="gpu-status"]');

  // A glossary popover (the "?" next to shader-f16) and the footer's "where from".
  await page.getByTestId('glossary-shader-f16').click();
  await expect(page.getByTestId('glossary-shader-f16-panel')).toBeVisible();
  await expectAllTranslated(page, 'a glossary popover', '[data-testid="gpu-status"]');
  await page.getByTestId('footer-source').click();
  await expect(page.getByTestId('footer-source-panel')).toBeVisible();
  await expectAllTranslated(page, 'the footer popover', 'footer');

  // The line-up row when empty ("no models yet · add models").
  for (let left = await page.getByTestId('pane-remove').count(); left > 0; left -= 1) await page.getByTestId('pane-remove').first().click();
  await expect(page.getByTestId('lineup-names')).toBeVisible();
  await expectAllTranslated(page, 'the empty line-up row', '.setup');
});

test('share: the link made, the question when a link would replace typed text, its notices and errors', async ({ page }) => {
  await usePseudoLocale(page);
  await openApp(page);
  await typePrompt(page, 'The shared prompt');
  await page.getByTestId('share-create').click();
  await expect(page.getByTestId('share-link')).toBeVisible();
  await expectAllTranslated(page, 'the share panel with a link', '[data-testid="share-panel"]');
  const fragment = new URL(await page.getByTestId('share-link').inputValue()).hash;
  const open = (hash: string) => page.evaluate((value) => (location.hash = value), hash);

  await typePrompt(page, 'My own unsaved words');
  await open(fragment);
  await expect(page.getByTestId('share-confirm')).toBeVisible();
  await expectAllTranslated(page, 'the share question', '[data-testid="share-confirm"]');
  await page.getByTestId('share-keep').click();
  await expect(page.getByTestId('share-notice')).toBeVisible();
  await expectAllTranslated(page, 'the "kept mine" notice', '[data-testid="share-notice"]');

  await open(fragment);
  await page.getByTestId('share-apply').click();
  await expect(page.getByTestId('share-notice')).toBeVisible();
  await expectAllTranslated(page, 'the "loaded" notice', '[data-testid="share-notice"]');

  await open('#share=v1.cut-off-link!!');
  await expect(page.getByTestId('share-notice')).toHaveClass(/error/);
  await expectAllTranslated(page, 'a damaged link', '[data-testid="share-notice"]');
  await open('#shar');
  await expect(page.getByTestId('share-notice')).toHaveClass(/error/);
  await expectAllTranslated(page, 'a fragment that is not a share link', '[data-testid="share-notice"]');
});

test('a software adapter: the GPU line and the "Run anyway?" question', async ({ page }) => {
  await page.addInitScript(() => {
    Object.defineProperty(GPUAdapterInfo.prototype, 'isFallbackAdapter', { get: () => true, configurable: true });
    Object.defineProperty(Navigator.prototype, 'webdriver', { get: () => false, configurable: true });
  });
  await usePseudoLocale(page);
  await openApp(page);
  await expect(page.getByTestId('gpu-software')).toBeVisible();
  await expectAllTranslated(page, 'the GPU line on a software adapter', '[data-testid="gpu-status"]');
  await typePrompt(page, 'Name a primary colour', 8);
  await page.getByTestId('run').click();
  await expect(page.getByTestId('software-confirm')).toBeVisible();
  await expectAllTranslated(page, 'the "Run anyway?" question', '[data-testid="software-confirm"]');
  await page.getByTestId('software-confirm-cancel').click();
});

test('no WebGPU: the GPU line says why, and "What to do" lists the next steps', async ({ page }) => {
  await page.addInitScript(() => Object.defineProperty(Navigator.prototype, 'gpu', { get: () => undefined, configurable: true }));
  await usePseudoLocale(page);
  await openApp(page);
  await expect(page.getByTestId('gpu-status')).toHaveAttribute('data-available', 'false');
  await page.getByTestId('gpu-help').locator('summary').click();
  await expect(page.getByTestId('gpu-help').locator('li').first()).toBeVisible();
  await expectAllTranslated(page, 'the GPU line without WebGPU', '[data-testid="gpu-status"]');
});

test('in Chinese the frame speaks Chinese', async ({ page }) => {
  await page.addInitScript(() => localStorage.setItem('lineup.locale', 'zh-CN'));
  await openApp(page);
  await expect(page.locator('header.top .tagline')).toHaveText('在你的浏览器里、用你自己的 GPU，把开源语言模型放在一起比较。');
  await expect(page.getByTestId('mode-arena')).toHaveText('盲测竞技场');
  await expect(page.getByTestId('projector-toggle').locator('..')).toContainText('投影模式');
  await expect(page.getByTestId('share-create')).toHaveText('分享链接');
  await expect(page.getByTestId('first-run-hint')).toContainText('选择或输入提示词');
  await page.getByTestId('glossary-shader-f16').click();
  await expect(page.getByTestId('glossary-shader-f16-panel')).toContainText('16 位数字');
  await expect(page.getByRole('button', { name: '什么是shader-f16？' })).toBeVisible();
});
