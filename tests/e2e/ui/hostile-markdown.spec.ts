import { expect, test, type Page } from '@playwright/test';
import { addCustomModel, clearLineup, fakeModel, openApp, pane, typePrompt } from '../support/lineup';

// What a model can write to break a renderer: nesting thousands deep, runaway emphasis, a
// 59,000-character line, and prose naming raw-text tags. The "verbatim" scripted engine streams
// the prompt back unchanged, in 40 pieces cut anywhere, so this is exactly the pane's input.
// Trace snapshots serialise the DOM before every action (the tool's cost, not the app's): off.
test.use({ trace: 'off' });

const TAGS = ['style', 'script', 'title', 'textarea', 'xmp', 'noscript', 'iframe', 'template', 'plaintext'];
const TAG_SENTENCES = TAGS.map((tag) => `Put it inside a <${tag}> tag, then keep reading ${tag}-ok.`);
// "⟦N×text⟧" is expanded by the scripted engine (the prompt box holds at most 60,000 characters).
const HOSTILE = [
  '⟦5000×> ⟧deep quote',
  '⟦3000×1. ⟧deep list',
  Array.from({ length: 120 }, (_, level) => `${'  '.repeat(level)}- level ${level}`).join('\n'),
  '⟦8000×_a⟧',
  '⟦700×The **model** said `x` and <b>bold</b> and [a link](https://example.org) and *more*. ⟧',
  ...TAG_SENTENCES,
  'END-OF-ANSWER',
].join('\n\n');

/** Records how long each click took to be answered (Event Timing: input to next paint) and the longest task. */
async function watchResponsiveness(page: Page): Promise<void> {
  await page.evaluate(() => {
    const state = window as unknown as { __clicks: number[]; __longest: number };
    state.__clicks = [];
    state.__longest = 0;
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) if (entry.name === 'click' || entry.name === 'pointerdown') state.__clicks.push(entry.duration);
    }).observe({ type: 'event', durationThreshold: 16, buffered: true } as PerformanceObserverInit);
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) state.__longest = Math.max(state.__longest, entry.duration);
    }).observe({ type: 'longtask' });
  });
}

const readResponsiveness = (page: Page) =>
  page.evaluate(() => {
    const state = window as unknown as { __clicks: number[]; __longest: number };
    return { slowestClick: Math.max(0, ...state.__clicks), longest: state.__longest };
  });

test('any answer renders in full, every word after a tag name shows, and clicks are answered within 200 ms', async ({ page }) => {
  await openApp(page);
  await clearLineup(page);
  await addCustomModel(page, fakeModel('verbatim', 'verbatim-q4f32_1', 131072));
  await typePrompt(page, HOSTILE);
  await watchResponsiveness(page);
  await page.getByTestId('run').click();

  const target = pane(page, 'verbatim-q4f32_1');
  const output = target.getByTestId('pane-output');
  // A person clicks around while it streams: each click is answered at once.
  const settings = page.getByText('System prompt and settings');
  for (let click = 0; click < 6; click++) {
    await settings.click();
    await page.waitForTimeout(150);
  }
  await expect(target.getByTestId('pane-status')).toHaveText('Finished', { timeout: 30_000 });
  await expect(output).toContainText('END-OF-ANSWER');
  for (const sentence of TAG_SENTENCES) await expect(output).toContainText(sentence);
  await expect(output).toContainText('deep quote');
  await expect(output).toContainText('deep list');
  await expect(output).toContainText('level 119');
  await expect(output.locator('style, script, title, textarea, xmp, noscript, iframe, template, plaintext')).toHaveCount(0);
  for (let click = 0; click < 3; click++) await settings.click();

  const { slowestClick, longest } = await readResponsiveness(page);
  console.log(`slowest click while streaming hostile markdown: ${Math.round(slowestClick)} ms; longest task ${Math.round(longest)} ms`);
  expect(slowestClick).toBeLessThan(200);

  // The same answer opened from history (all of it at once) renders in full too.
  await page.reload();
  await expect(page.locator('main')).toHaveAttribute('data-restored', 'true');
  await watchResponsiveness(page);
  const panel = page.getByTestId('history-panel');
  await panel.locator('summary').click();
  const run = panel.getByTestId('history-run').first();
  await run.locator('button.link').click();
  await expect(run).toContainText('END-OF-ANSWER');
  for (const sentence of TAG_SENTENCES) await expect(run).toContainText(sentence);
  for (let click = 0; click < 3; click++) await settings.click();
  const reopened = await readResponsiveness(page);
  console.log(`slowest click after opening it from history: ${Math.round(reopened.slowestClick)} ms`);
  expect(reopened.slowestClick).toBeLessThan(200);
});
