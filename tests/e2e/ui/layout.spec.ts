import { expect, test, type Page } from '@playwright/test';
import { overflowing } from '../support/overflow';
import { addCustomModel, clearLineup, closeCatalog, fakeModel, openApp, openCatalog, pane, typePrompt } from '../support/lineup';

// The first screen is the comparison, and the layout holds at every size a class uses: a phone,
// a tablet, a projector (1280×720, projector view) and a laptop. Issue #13, items 1, 7 and 11.

const PHONE = { width: 390, height: 844 };
const LAPTOP = { width: 1440, height: 900 };
const SIZES = [
  { name: 'phone 390×844', viewport: PHONE, projector: false },
  { name: 'tablet 768×1024', viewport: { width: 768, height: 1024 }, projector: false },
  { name: 'projector 1280×720', viewport: { width: 1280, height: 720 }, projector: true },
  { name: 'laptop 1440×900', viewport: LAPTOP, projector: false },
];

/** A box in viewport coordinates (rounded), or null when the element is not laid out. */
async function box(page: Page, testId: string) {
  return page.getByTestId(testId).first().evaluate((node) => {
    const rect = node.getBoundingClientRect();
    return { top: Math.round(rect.top), bottom: Math.round(rect.bottom) };
  });
}


async function expectFits(page: Page, where: string): Promise<void> {
  expect(await overflowing(page), `wider than the screen in ${where}`).toEqual([]);
}

test('first screen at 1440×900: line-up row, prompt, Run and the panes, with the catalog behind "change"', async ({ page }) => {
  await page.setViewportSize(LAPTOP);
  await openApp(page);
  await expect(page.getByTestId('lineup-names')).toContainText(/\S+ vs \S+/);
  // The catalog is not on the first screen: it is a dialog opened from "change".
  await expect(page.getByTestId('catalog-dialog')).toBeHidden();
  await expect(page.getByTestId('model-card').first()).toBeHidden();
  const prompt = await box(page, 'prompt-input');
  const run = await box(page, 'run');
  const panes = await box(page, 'panes');
  expect(prompt.bottom, 'prompt box inside the first screen').toBeLessThanOrEqual(LAPTOP.height);
  expect(run.bottom, 'Run inside the first screen').toBeLessThanOrEqual(LAPTOP.height);
  expect(panes.top, 'the panes start inside the first screen').toBeLessThan(LAPTOP.height - 150);
  expect(await page.evaluate(() => window.scrollY)).toBe(0);
});

test('first screen on a 390×844 phone: Run is on it, nothing is wider than the screen', async ({ browser }) => {
  const context = await browser.newContext({ viewport: PHONE, isMobile: true, hasTouch: true });
  const page = await context.newPage();
  await openApp(page);
  // A phone zooms out when anything is wider than the screen: the layout viewport says so.
  expect(await page.evaluate(() => window.innerWidth)).toBe(PHONE.width);
  const run = await box(page, 'run');
  expect(run.bottom, 'Run inside the first screen').toBeLessThanOrEqual(PHONE.height);
  await expectFits(page, 'the first screen');
  await context.close();
});

test('the catalog opens from "change" as a dialog; Done and Escape close it and focus returns', async ({ page }) => {
  await openApp(page);
  const change = page.getByTestId('catalog-open');
  await change.click();
  const dialog = page.getByTestId('catalog-dialog');
  await expect(dialog).toBeVisible();
  await expect(page.getByRole('dialog', { name: /Models/ })).toBeVisible();
  await page.getByTestId('model-card').filter({ hasText: 'Remove' }).first().getByTestId('model-toggle').click();
  await expect(page.getByTestId('pane')).toHaveCount(1);
  await page.getByTestId('catalog-close').click();
  await expect(dialog).toBeHidden();
  await expect(change).toBeFocused();
  await expect(page.getByTestId('lineup-names')).not.toContainText(' vs ');

  await change.click();
  await expect(dialog).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(change).toBeFocused();
});

test('the three-step hint shows until the first run, and stays gone after a reload', async ({ page }) => {
  await openApp(page);
  const hint = page.getByTestId('first-run-hint');
  await expect(hint).toBeVisible();
  await expect(hint.getByRole('listitem')).toHaveText([/Pick models/, /Pick or type a prompt/, /Run/]);
  // Its first step opens the catalog.
  await hint.getByRole('button', { name: 'Pick models' }).click();
  await expect(page.getByTestId('catalog-dialog')).toBeVisible();
  await closeCatalog(page);

  await typePrompt(page, 'Hello');
  await page.getByTestId('run').click();
  await expect(hint).toHaveCount(0);
  await expect(page.getByTestId('pane-status').first()).toHaveText('Finished');
  await page.reload();
  await expect(page.locator('main')).toHaveAttribute('data-restored', 'true');
  await expect(page.getByTestId('pane')).toHaveCount(2);
  await expect(hint).toHaveCount(0);
});

for (const motion of ['reduce', 'no-preference'] as const) {
  test(`Run scrolls the panes into view on a phone, Stop all still on screen (reduced motion: ${motion})`, async ({ browser }) => {
    const context = await browser.newContext({ viewport: PHONE, isMobile: true, hasTouch: true, reducedMotion: motion });
    const page = await context.newPage();
    await openApp(page);
    await clearLineup(page);
    await addCustomModel(page, fakeModel('slow', 'slow-scroll-a'));
    await addCustomModel(page, fakeModel('slow', 'slow-scroll-b'));
    await typePrompt(page, 'Scroll to the answers');
    expect((await box(page, 'panes')).top, 'the panes start below the first screen').toBeGreaterThan(PHONE.height / 2);
    await page.getByTestId('run').click();
    await expect(page.getByTestId('stop-all')).toBeVisible();
    await expect.poll(async () => (await box(page, 'panes')).top, { message: 'panes scrolled into the upper half' }).toBeLessThanOrEqual(PHONE.height / 2);
    const panes = await box(page, 'panes');
    expect(panes.top).toBeGreaterThanOrEqual(0);
    const stop = await box(page, 'stop-all');
    expect(stop.top, 'Stop all stays on screen').toBeGreaterThanOrEqual(0);
    await page.getByTestId('stop-all').click();
    await context.close();
  });
}

test('the GPU line keeps its height while the adapter is queried (no layout shift)', async ({ page }) => {
  await page.setViewportSize(LAPTOP);
  // The adapter answers after 1.5 s, as on a slow device, so the "checking" state can be measured.
  await page.addInitScript(() => {
    const gpu = navigator.gpu;
    if (!gpu) return;
    const original = gpu.requestAdapter.bind(gpu);
    gpu.requestAdapter = (options) => new Promise((resolve) => setTimeout(() => resolve(original(options)), 1500));
  });
  await page.goto('./');
  const status = page.getByTestId('gpu-status');
  await expect(status).toHaveAttribute('data-available', 'checking');
  const checking = await status.boundingBox();
  await expect(status).toHaveAttribute('data-available', 'true');
  const known = await status.boundingBox();
  expect(known!.height).toBeCloseTo(checking!.height, 0);
  // The limits fold under "Details".
  await expect(page.getByText('Largest buffer')).toBeHidden();
  await page.getByTestId('gpu-details').locator('summary').click();
  await expect(page.getByText('Largest buffer')).toBeVisible();
});

test('without WebGPU the reason is said once, at the top, in the same one-line box', async ({ page }) => {
  await page.setViewportSize(LAPTOP);
  await page.addInitScript(() => Object.defineProperty(Navigator.prototype, 'gpu', { get: () => undefined, configurable: true }));
  await page.goto('./');
  const status = page.getByTestId('gpu-status');
  await expect(status).toHaveAttribute('data-available', 'false');
  await expect(status.getByRole('heading')).toHaveText('This browser does not support WebGPU');
  expect((await status.boundingBox())!.height, 'one line at 1440 px').toBeLessThan(60);
  await expect(page.getByText('This browser does not support WebGPU')).toHaveCount(1);
  // The steps fold under "What to do".
  await status.getByText('What to do').click();
  await expect(status.getByText('Chrome or Edge 113')).toBeVisible();
});

for (const size of SIZES) {
  test(`nothing is wider than the screen at ${size.name}, in every view`, async ({ browser }) => {
    test.setTimeout(150_000);
    const mobile = size.viewport.width < 500;
    const context = await browser.newContext({ viewport: size.viewport, isMobile: mobile, hasTouch: mobile });
    const page = await context.newPage();
    await openApp(page);
    if (size.projector) await page.getByTestId('projector-toggle').check();

    // Compare: four finished panes, two of them with long names that must wrap, not cut.
    const long = 'Extremely-Long-Custom-Model-Name-For-Wrapping-Check-q4f32_1';
    await addCustomModel(page, fakeModel('fast', long));
    await addCustomModel(page, fakeModel('thinking', 'Another-Rather-Long-Reasoning-Model-q4f32_1'));
    await expect(page.getByTestId('pane')).toHaveCount(4);
    await typePrompt(page, 'Compare **everything**, with a table:\n\n| a | b |\n|---|---|\n| 1 | 2 |');
    await page.getByTestId('run').click();
    for (const item of await page.getByTestId('pane-status').all()) await expect(item).toHaveText('Finished', { timeout: 30_000 });
    await expect(page.getByTestId('comparison-chart')).toBeVisible();
    await expectFits(page, 'compare, four finished panes');
    // The long title wraps inside its pane rather than being cut off.
    const title = pane(page, long).getByTestId('pane-title');
    const fits = await title.evaluate((node) => node.scrollWidth <= node.clientWidth + 1);
    expect(fits, 'pane title shown whole').toBe(true);

    if (!size.projector) {
      await page.getByTestId('history-panel').locator('summary').click();
      await expect(page.getByTestId('history-count')).toContainText('1 run');
      await expectFits(page, 'compare with history open');
    }

    await openCatalog(page);
    await page.getByTestId('tab-all').click();
    await page.getByTestId('model-search').fill('qwen');
    await expect(page.getByTestId('all-list').getByTestId('model-card').first()).toBeVisible();
    await expectFits(page, 'the catalog, all models, searched');
    await closeCatalog(page);

    for (const mode of ['arena', 'benchmark', 'grading'] as const) {
      await page.getByTestId(`mode-${mode}`).click();
      await expect(page.locator('main .loading')).toHaveCount(0);
      await expectFits(page, `the ${mode} view`);
    }
    await page.getByTestId('mode-compare').click();

    await page.goto('./#check');
    await expect(page.getByTestId('readiness-view')).toBeVisible();
    await expect(page.getByTestId('readiness-verdict')).not.toBeEmpty();
    await expectFits(page, 'the #check readiness view');
    await context.close();
  });
}
