import { expect, test, type Page } from '@playwright/test';
import { openApp } from '../../support/lineup';
import { overflowing } from '../../support/overflow';

// Issue #15: the interface language. The browser's language picks it on a first visit, the
// header's switch changes it (remembered on this device), ?lang= sets it for one visit.

const TAGLINE_EN = 'Compare open language models side by side, in your browser, on your own GPU.';
const TAGLINE_ZH = '在你的浏览器里、用你自己的 GPU，把开源语言模型放在一起比较。';

const tagline = (page: Page) => page.locator('header.top .tagline');

test.describe('a browser in Chinese', () => {
  test.use({ locale: 'zh-CN' });

  test('the first visit is in Chinese: tagline, tabs, and <html lang>', async ({ page }) => {
    await openApp(page);
    await expect(tagline(page)).toHaveText(TAGLINE_ZH);
    await expect(page.getByTestId('mode-compare')).toHaveText('对比');
    await expect(page.getByTestId('mode-benchmark')).toHaveText('基准测试');
    await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
    await expect(page.getByTestId('language-switch')).toHaveValue('zh-CN');
    await expect(page).toHaveTitle('Lineup：在你自己的 GPU 上比较大语言模型');
  });
});

test('the header switch changes the language at once, it survives a reload, and switching back works', async ({ page }) => {
  await openApp(page);
  await expect(tagline(page)).toHaveText(TAGLINE_EN);
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');

  const language = page.getByTestId('language-switch');
  await expect(language).toHaveAccessibleName('Language');
  await language.selectOption('zh-CN');
  await expect(tagline(page)).toHaveText(TAGLINE_ZH);
  await expect(page.getByTestId('mode-arena')).toHaveText('盲测竞技场');
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');

  await page.reload();
  await expect(page.locator('main')).toHaveAttribute('data-restored', 'true');
  await expect(tagline(page)).toHaveText(TAGLINE_ZH);
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
  await expect(page.getByTestId('language-switch')).toHaveValue('zh-CN');

  await expect(language).toHaveAccessibleName('语言');
  await language.selectOption('en');
  await expect(tagline(page)).toHaveText(TAGLINE_EN);
  await expect(page.getByTestId('mode-arena')).toHaveText('Blind arena');
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await page.reload();
  await expect(tagline(page)).toHaveText(TAGLINE_EN);
});

test('?lang=zh-CN is for one visit: the next visit without it is in the browser\'s language again', async ({ page }) => {
  await page.goto('./?lang=zh-CN');
  await expect(page.locator('main')).toHaveAttribute('data-restored', 'true');
  await expect(tagline(page)).toHaveText(TAGLINE_ZH);
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
  await openApp(page);
  await expect(tagline(page)).toHaveText(TAGLINE_EN);
});


test.describe('Chinese on a projector and a phone', () => {
  test.use({ locale: 'zh-CN' });

  test('projector view at 1280×720, two finished panes: nothing wider than the screen', async ({ page }) => {
    await page.setViewportSize({ width: 1280, height: 720 });
    await openApp(page);
    await expect(page.getByTestId('pane')).toHaveCount(2);
    await page.getByTestId('prompt-input').fill('说出一种三原色');
    await page.locator('form.prompt > details > summary').click();
    await page.getByTestId('max-tokens-input').fill('12');
    await page.getByTestId('run').click();
    for (const badge of await page.getByTestId('pane-status').all()) await expect(badge).toHaveAttribute('data-state', 'finished', { timeout: 30_000 });
    await page.keyboard.press('Alt+P');
    await expect(page.locator('html')).toHaveClass(/projector/);
    await expect(page.getByTestId('mode-compare')).toHaveText('对比');
    expect(await overflowing(page), 'wider than the projector screen').toEqual([]);
  });

  test('the header on a 390 px phone stays within the screen', async ({ page }) => {
    await page.setViewportSize({ width: 390, height: 844 });
    await openApp(page);
    await expect(page.getByTestId('privacy-note')).toContainText('你输入的内容不会离开这台设备');
    const header = await page.locator('header.top').evaluate((node) => ({ right: node.getBoundingClientRect().right, scroll: node.scrollWidth, client: node.clientWidth }));
    expect(header.right).toBeLessThanOrEqual(390.5);
    expect(header.scroll).toBeLessThanOrEqual(header.client + 1);
    expect(await overflowing(page), 'wider than the phone').toEqual([]);
  });
});
