import { expect, test, type Page } from '@playwright/test';
import { addCustomModel, closeCatalog, fakeModel, openApp, openCatalog, pane, typePrompt } from '../support/lineup';

/** Runs the line-up and waits until every pane has finished. */
async function runAll(page: Page): Promise<string[]> {
  await page.getByTestId('run').click();
  const ids = await page.getByTestId('pane').evaluateAll((nodes) => nodes.map((node) => node.getAttribute('data-model-id')!));
  for (const id of ids) await expect(pane(page, id).getByTestId('pane-status')).toHaveText('Finished', { timeout: 30_000 });
  return ids;
}

test('pane figures read in plain words with units and direction; where they come from opens by keyboard', async ({ page }) => {
  await openApp(page);
  await typePrompt(page, 'Name a primary colour', 12);
  const [id] = await runAll(page);
  const metrics = pane(page, id!).getByTestId('pane-metrics');
  const rowOf = (key: string) => metrics.locator(`[data-metric="${key}"]`);

  await expect(rowOf('decode').locator('.plain')).toHaveText('Writing speed (decode)');
  await expect(rowOf('decode').getByTestId('metric-unit')).toHaveText('tokens per second · higher is better');
  await expect(rowOf('ttft-screen').locator('.plain')).toHaveText('Wait before the first word');
  await expect(rowOf('ttft-screen').getByTestId('metric-unit')).toHaveText('seconds · lower is better');
  await expect(rowOf('ttft-screen').locator('.value')).toHaveText(/^\d+(\.\d+)? s$|min/); // in the unit it names
  await expect(rowOf('prefill').locator('.plain')).toHaveText('Reading speed (prefill)');
  await expect(rowOf('load').locator('.plain')).toHaveText(/^Load time/);
  await expect(rowOf('total').getByTestId('metric-unit')).toHaveText('seconds · lower is better');
  await expect(pane(page, id!).getByTestId('metrics-foot')).toContainText('A token is about ¾ of a word.');

  // The engine / wall clock explanation: a button (keyboard and touch), not a hover tooltip.
  const source = pane(page, id!).getByRole('button', { name: 'Where do these numbers come from?' });
  await source.focus();
  await page.keyboard.press('Enter');
  const panel = pane(page, id!).getByTestId('metrics-source-panel');
  await expect(panel).toBeVisible();
  await expect(panel).toContainText('“Engine” figures are measured by web-llm');
  await page.keyboard.press('Escape');
  await expect(panel).toHaveCount(0);
  await expect(source).toBeFocused();
  // It is no longer in the page footer as a sentence (only behind the footer's own button).
  const pageFooter = page.locator('footer').filter({ hasText: 'engine:' });
  await expect(pageFooter).not.toContainText('usage statistics');
  await pageFooter.getByRole('button', { name: 'Where do the speed figures come from?' }).click();
  await expect(page.getByTestId('footer-source-panel')).toContainText('usage statistics');
});

test('the best value in each row is said in words; values within 5 % are a tie', async ({ page }) => {
  await openApp(page);
  await addCustomModel(page, fakeModel('slow', 'slow-writer-q4f32_1'));
  await typePrompt(page, 'Name a primary colour', 8);
  const ids = await runAll(page);
  const fast = ids.filter((id) => id !== 'slow-writer-q4f32_1');
  const rankOf = (id: string, key: string) => pane(page, id).locator(`[data-metric="${key}"]`).getByTestId('metric-rank');

  // The scripted slow model writes a token every 250 ms, the others every 15 ms: never the best writer.
  await expect(rankOf('slow-writer-q4f32_1', 'decode')).toHaveCount(0);
  const marks = await Promise.all(fast.map(async (id) => ((await rankOf(id, 'decode').count()) ? rankOf(id, 'decode').innerText() : '')));
  // Either one of the fast two is clearly ahead ("★ best"), or both are within 5 % ("≈ tie for best").
  expect([['★ best', ''], ['', '★ best'], ['≈ tie for best', '≈ tie for best']]).toContainEqual(marks);

  // The comparison chart says it in words too.
  const ranking = page.getByTestId('chart-ranking');
  await expect(ranking).toContainText(/★ best|≈ tie for best/);
  await expect(ranking).not.toContainText('slow-writer');
});

test('glossary: "?" next to jargon opens a plain explanation by keyboard, Escape closes it', async ({ page }) => {
  await openApp(page);
  await page.getByText('System prompt and settings').click();
  const temperature = page.getByRole('button', { name: 'What is temperature?' });
  await temperature.focus();
  await page.keyboard.press('Enter');
  const panel = page.getByTestId('glossary-temperature-panel');
  await expect(panel).toBeVisible();
  await expect(panel).toContainText('How adventurous the model is');
  await page.keyboard.press('Escape');
  await expect(panel).toHaveCount(0);
  await expect(temperature).toBeFocused();

  // A tap (click) opens it too, and a tap elsewhere closes it.
  await page.getByRole('button', { name: 'What is top-p?' }).click();
  await expect(page.getByTestId('glossary-top-p-panel')).toBeVisible();
  await page.locator('h1').click();
  await expect(page.getByTestId('glossary-top-p-panel')).toHaveCount(0);

  await expect(page.getByRole('button', { name: 'What is shader-f16?' })).toBeVisible();
  await openCatalog(page);
  const card = page.getByTestId('model-card').first();
  await card.getByRole('button', { name: 'What is the context window?' }).click();
  await expect(card.getByTestId('glossary-context-window-panel')).toContainText('How much text the model can keep in mind');
});

test('model cards say Fits / Won\'t run here with the reason; a custom model of unknown size is "unknown"', async ({ page }) => {
  await openApp(page);
  await openCatalog(page);
  const recommended = page.getByTestId('recommended-list').getByTestId('model-card').first();
  await expect(recommended.getByTestId('fit')).toHaveAttribute('data-fit', 'fits');
  await expect(recommended.getByTestId('fit')).toContainText('Fits');
  await expect(recommended.getByTestId('model-toggle')).toHaveAccessibleName(/^(Add|Remove) \S+/);

  // SwiftShader has no shader-f16: an f16 build cannot run, and the card says why.
  await page.getByTestId('tab-all').click();
  await page.getByTestId('model-search').fill('SmolLM2-360M');
  const card = page.getByTestId('all-list').getByTestId('model-card').first();
  const f16 = await card.getByLabel('Variant').locator('option', { hasText: 'q4f16' }).first().getAttribute('value');
  await card.getByLabel('Variant').selectOption(f16!);
  await expect(card.getByTestId('fit')).toHaveAttribute('data-fit', 'wont-run');
  await expect(card.getByTestId('fit')).toContainText("Won't run here");
  await expect(card.getByTestId('fit')).toContainText('Needs shader-f16');
  await closeCatalog(page);

  await addCustomModel(page, fakeModel('default', 'mystery-size-q4f32_1'));
  await openCatalog(page);
  await page.getByTestId('tab-custom').click();
  const custom = page.locator('[data-testid="model-card"][data-model-id="mystery-size-q4f32_1"]');
  await expect(custom.getByTestId('fit')).toHaveAttribute('data-fit', 'unknown');
  await expect(custom.getByTestId('fit')).toContainText('Fit unknown');
  await expect(custom.getByTestId('fit')).toContainText('does not say how much GPU memory it needs');
  await expect(custom.getByTestId('fit')).not.toContainText('Fits');
});

test('on a software adapter the GPU line gives a time per word, and Run asks once', async ({ page }) => {
  await page.addInitScript(() => {
    // SwiftShader (the test machine's adapter) is a software fallback; say so even if a Chrome does not.
    Object.defineProperty(GPUAdapterInfo.prototype, 'isFallbackAdapter', { get: () => true, configurable: true });
    // A person at the keyboard: an automated browser is not asked (nobody there to answer).
    Object.defineProperty(Navigator.prototype, 'webdriver', { get: () => false, configurable: true });
  });
  await openApp(page);
  await expect(page.getByTestId('gpu-software')).toContainText(/software fallback: about .+ per word here/);
  await typePrompt(page, 'Name a primary colour', 8);
  await page.getByTestId('run').click();
  const confirm = page.getByTestId('software-confirm');
  await expect(confirm).toContainText(/per word here/);
  await expect(confirm).toContainText('The smallest model');
  await expect(page.getByTestId('software-confirm-smallest')).toContainText(/^Use .+ instead \(about .+ per word\)$/);
  await expect(page.getByTestId('software-confirm-run')).toBeFocused();
  await expect(page.getByTestId('pane-status').first()).toHaveText('Not loaded'); // nothing ran yet
  await page.getByTestId('software-confirm-run').click();
  await expect(page.getByTestId('pane-status').first()).toHaveText('Finished', { timeout: 30_000 });
  await expect(confirm).toHaveCount(0);
  // Asked once per session: the next Run goes straight ahead.
  await expect(page.getByTestId('run')).toBeEnabled();
  await page.getByTestId('run').click();
  await expect(confirm).toHaveCount(0);
});

test('the benchmark says how long it will take before it starts', async ({ page }) => {
  await openApp(page);
  await page.getByTestId('mode-benchmark').click();
  await expect(page.getByTestId('bench-estimate')).toHaveText(/^This will take about .+ \(a cautious guess: nothing measured here yet\)\.$/);
  const before = await page.getByTestId('bench-estimate').innerText();
  await page.getByTestId('bench-runs').fill('10');
  await expect(page.getByTestId('bench-estimate')).not.toHaveText(before); // more runs, longer
});
