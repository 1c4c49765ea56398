import { expect, test, type Page } from '@playwright/test';
import { addCustomModel, clearLineup, fakeModel, openApp, pane, typePrompt } from '../../support/lineup';
import { expectAllTranslated, usePseudoLocale } from '../../support/pseudo';

// Lane C of issue #15: the panes (badges, load progress, errors and their actions, the thinking
// section, the figures, the chart) have no text outside the catalogue. Model names, output and
// the engine's own technical words are marked translate="no" and skipped by the check.

const PANES = '[data-testid="panes"]';
const CHART = '[data-testid="comparison-chart"]';

async function lineUp(page: Page, ...models: Array<[behaviour: string, id: string]>): Promise<void> {
  await openApp(page);
  await clearLineup(page);
  for (const [behaviour, id] of models) await addCustomModel(page, fakeModel(behaviour, id));
}

test.beforeEach(async ({ page }) => {
  await usePseudoLocale(page);
});

test('two finished panes, their figures, the chart and where the numbers come from', async ({ page }) => {
  await lineUp(page, ['fine', 'first-q4f32_1'], ['fine', 'second-q4f32_1']);
  await typePrompt(page, 'Name a **primary** colour');
  await page.getByTestId('run').click();
  for (const id of ['first-q4f32_1', 'second-q4f32_1']) await expect(pane(page, id).getByTestId('pane-status')).toHaveAttribute('data-state', 'finished');
  await expect(page.getByTestId('comparison-chart')).toBeVisible();
  await expectAllTranslated(page, 'two finished panes', PANES);
  await expectAllTranslated(page, 'the comparison chart', CHART);
  // Every metric of the chart's menu, with its axis and ranking line.
  const options = await page.getByTestId('chart-metric').locator('option').evaluateAll((nodes) => nodes.map((node) => (node as HTMLOptionElement).value));
  for (const value of options) {
    await page.getByTestId('chart-metric').selectOption(value);
    await expectAllTranslated(page, `the chart showing ${value}`, CHART);
  }
  // The technical explanation behind the table's "i".
  await pane(page, 'first-q4f32_1').getByTestId('metrics-source').click();
  await expect(pane(page, 'first-q4f32_1').getByTestId('metrics-source-panel')).toBeVisible();
  await expectAllTranslated(page, 'where the numbers come from', PANES);
});

test('a pane loading, waiting its turn, then cancelled', async ({ page }) => {
  await lineUp(page, ['slow', 'slow-q4f32_1'], ['fine', 'next-q4f32_1']);
  await typePrompt(page, 'alpha beta gamma');
  await page.getByTestId('run').click();
  const target = pane(page, 'slow-q4f32_1');
  await expect(target.getByTestId('load-progress')).toBeVisible();
  await expect(pane(page, 'next-q4f32_1').getByTestId('pane-status')).toHaveAttribute('data-state', 'queued');
  await expectAllTranslated(page, 'a pane mid-load, another queued', PANES);
  await expect(target.getByTestId('pane-status')).toHaveAttribute('data-state', 'compiling', { timeout: 15_000 });
  await expectAllTranslated(page, 'a pane compiling shaders', PANES);
  await target.getByTestId('load-progress').getByRole('button').last().click();
  await expect(target.getByTestId('pane-error')).toBeVisible();
  await expectAllTranslated(page, 'a cancelled load', PANES);
});

test('errored panes: a crashed engine, a failed download, a lost GPU', async ({ page }) => {
  await lineUp(page, ['crash', 'crashy-q4f32_1'], ['fail-download', 'blocked-q4f32_1'], ['device-lost', 'lost-q4f32_1']);
  await typePrompt(page, 'hello');
  await page.getByTestId('run').click();
  for (const id of ['crashy-q4f32_1', 'blocked-q4f32_1', 'lost-q4f32_1']) {
    await expect(pane(page, id).getByTestId('pane-error')).toBeVisible({ timeout: 20_000 });
  }
  await expect(page.getByTestId('run')).toBeEnabled();
  // The technical details open too (their <code> is the engine's own words).
  for (const details of await page.locator(`${PANES} [data-testid="pane-error"] details`).all()) await details.locator('summary').click();
  await expectAllTranslated(page, 'errored panes', PANES);
});

test('a reasoning pane: live thinking, folded, unfolded, and out of tokens', async ({ page }) => {
  await lineUp(page, ['thinking', 'Qwen3-think-q4f32_1']);
  await typePrompt(page, 'What is 2+2?');
  await page.getByTestId('run').click();
  const target = pane(page, 'Qwen3-think-q4f32_1');
  await expect(target.getByTestId('thinking-section')).toHaveAttribute('data-live', 'true');
  await expectAllTranslated(page, 'live thinking', PANES);
  await expect(target.getByTestId('pane-status')).toHaveAttribute('data-state', 'finished', { timeout: 30_000 });
  await expectAllTranslated(page, 'folded thinking', PANES);
  await target.getByTestId('thinking-toggle').click();
  await expect(target.getByTestId('thinking-text')).toBeVisible();
  await expectAllTranslated(page, 'unfolded thinking', PANES);

  await typePrompt(page, 'Think long', 8);
  await page.getByTestId('run').click();
  await expect(target.getByTestId('more-tokens')).toBeVisible({ timeout: 30_000 });
  await expectAllTranslated(page, 'out of tokens while thinking', PANES);
});

test('in Chinese the panes, their figures and errors read in Chinese', async ({ page }) => {
  await page.addInitScript(() => localStorage.setItem('lineup.locale', 'zh-CN'));
  await lineUp(page, ['fine', 'zh-q4f32_1'], ['fail-download', 'zh-broken-q4f32_1']);
  await typePrompt(page, 'hello');
  await page.getByTestId('run').click();
  const done = pane(page, 'zh-q4f32_1');
  await expect(done.getByTestId('pane-status')).toHaveText('已完成');
  await expect(done.locator('[data-metric="decode"] .plain')).toHaveText('生成速度（解码）');
  await expect(done.locator('[data-metric="decode"] .value')).toHaveText(/^\d+(\.\d+)? 词元\/秒$/);
  await expect(done.locator('[data-metric="decode"]').getByTestId('metric-unit')).toHaveText('词元/秒 · 越高越好');
  const error = pane(page, 'zh-broken-q4f32_1').getByTestId('pane-error');
  await expect(error).toContainText('下载失败：无法连接 127.0.0.1:4310', { timeout: 20_000 });
  await expect(error.getByTestId('error-action')).toHaveText('再试一次');
});
