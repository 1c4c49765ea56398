import { readFile } from 'node:fs/promises';
import { expect, test, type Page } from '@playwright/test';
import { addCustomModel, clearLineup, fakeModel, metric, openApp, pane, typePrompt } from '../support/lineup';

// The scripted engine's "/thinking/" model writes "<think>", ~20 words of reasoning (80 ms each),
// "</think>" and its answer, the tags cut across pieces; "/thinking-implicit/" writes only
// "</think>". The ids name them like the catalog's reasoners: Qwen3 is switchable, R1 always thinks.
const QWEN = 'Qwen3-think-q4f32_1';
const R1 = 'DeepSeek-R1-Distill-implicit-q4f32_1';

async function withModel(page: Page, behaviour: string, id: string): Promise<void> {
  await openApp(page);
  await clearLineup(page);
  await addCustomModel(page, fakeModel(behaviour, id));
}

async function openSettings(page: Page): Promise<void> {
  const toggle = page.getByTestId('thinking-toggle-setting');
  if (!(await toggle.isVisible())) await page.getByText('System prompt and settings').click();
}

test('thinking is shown live apart from the answer, folds when the answer starts, and has its own figures', async ({ page }) => {
  await withModel(page, 'thinking', QWEN);
  await typePrompt(page, 'What is 2+2?');
  await page.getByTestId('run').click();
  const target = pane(page, QWEN);
  const section = target.getByTestId('thinking-section');

  // Live: muted "Thinking…" with a count and the reasoning so far; no tag fragment, no answer yet.
  await expect(section).toHaveAttribute('data-live', 'true');
  await expect(section.getByTestId('thinking-summary')).toContainText(/Thinking… .* · \d+ tokens/);
  await expect(section.getByTestId('thinking-text')).toContainText('Okay, the user asks');
  await expect(target.getByTestId('pane-output')).not.toContainText('says:');
  await expect(target.getByTestId('pane-output')).not.toContainText(/<\/?th/);

  // Answer: the section folds to one line; unfolding shows the reasoning again.
  await expect(target.getByTestId('pane-status')).toHaveText('Finished', { timeout: 30_000 });
  await expect(section).toHaveAttribute('data-live', 'false');
  await expect(section.getByTestId('thinking-summary')).toHaveText(/^Thought for [\d.]+ (s|ms) · \d+ tokens$/);
  await expect(section.getByTestId('thinking-text')).toHaveCount(0);
  await expect(target.getByTestId('pane-output')).toContainText(`${QWEN} says: What is 2+2?`);
  await section.getByTestId('thinking-toggle').click();
  await expect(section.getByTestId('thinking-text')).toContainText('The answer should be short.');

  // Figures: thinking + answer tokens add up to what was generated; the wait includes the thinking.
  const thinking = Number(await metric(page, QWEN, 'thinking-tokens'));
  const answer = Number(await metric(page, QWEN, 'answer-tokens'));
  const generated = Number((await metric(page, QWEN, 'tokens')).split('→')[1]!.trim());
  expect(thinking).toBeGreaterThanOrEqual(20);
  expect(answer).toBeGreaterThan(5);
  expect(thinking + answer).toBe(generated);
  await expect(section.getByTestId('thinking-summary')).toContainText(`· ${thinking} tokens`);
  expect(await metric(page, QWEN, 'thinking-time')).toMatch(/^[\d.]+ s$/);
  expect(await metric(page, QWEN, 'answer-wait')).toMatch(/^[\d.]+ s$/);
});

test('implicitly opened thinking (only </think>) is split out too', async ({ page }) => {
  await withModel(page, 'thinking-implicit', R1);
  await typePrompt(page, 'Implicit?');
  await page.getByTestId('run').click();
  const target = pane(page, R1);
  await expect(target.getByTestId('pane-status')).toHaveText('Finished', { timeout: 30_000 });
  await expect(target.getByTestId('thinking-summary')).toHaveText(/^Thought for .* · \d+ tokens$/);
  await expect(target.getByTestId('pane-output')).toContainText(`${R1} says: Implicit?`);
  await expect(target.getByTestId('pane-output')).not.toContainText('Okay, the user asks'); // folded
  expect(Number(await metric(page, R1, 'thinking-tokens'))).toBeGreaterThanOrEqual(20);
});

test('thinking switched off: a switchable model answers directly, and the switch is kept with the run', async ({ page }) => {
  await withModel(page, 'thinking', QWEN);
  await typePrompt(page, 'No thinking please');
  await openSettings(page);
  await page.getByTestId('thinking-toggle-setting').uncheck();
  await page.getByTestId('run').click();
  const target = pane(page, QWEN);
  await expect(target.getByTestId('pane-status')).toHaveText('Finished', { timeout: 30_000 });
  await expect(target.getByTestId('pane-output')).toContainText(`${QWEN} says: No thinking please`);
  await expect(target.getByTestId('thinking-section')).toHaveCount(0);
  expect(await metric(page, QWEN, 'thinking-tokens')).toBe('—');
  expect(await metric(page, QWEN, 'thinking-time')).toBe('—');

  await page.reload();
  await expect(page.locator('main')).toHaveAttribute('data-restored', 'true');
  await openSettings(page);
  await expect(page.getByTestId('thinking-toggle-setting')).not.toBeChecked();
});

test('out of tokens while thinking is said plainly, and one click reruns that pane with more', async ({ page }) => {
  await withModel(page, 'thinking', QWEN);
  await typePrompt(page, 'Think long', 8);
  await page.getByTestId('run').click();
  const target = pane(page, QWEN);
  await expect(target.getByTestId('out-of-tokens')).toHaveText('Stopped after 8 tokens while still thinking: raise max tokens.', { timeout: 30_000 });
  const rerun = target.getByTestId('more-tokens');
  await expect(rerun).toHaveText('Run again with 1,024 max tokens');
  await rerun.click();
  await expect(target.getByTestId('pane-output')).toContainText(`${QWEN} says: Think long`, { timeout: 30_000 });
  await expect(target.getByTestId('out-of-tokens')).toHaveCount(0);
  await expect(page.getByTestId('max-tokens-input')).toHaveValue('8'); // the form is left as it was
});

test('history and Markdown export keep thinking apart from the answer, after a reload', async ({ page }) => {
  await withModel(page, 'thinking', QWEN);
  await typePrompt(page, 'Export the thinking');
  await page.getByTestId('run').click();
  await expect(pane(page, QWEN).getByTestId('pane-status')).toHaveText('Finished', { timeout: 30_000 });

  await page.reload();
  await expect(page.locator('main')).toHaveAttribute('data-restored', 'true');
  const panel = page.getByTestId('history-panel');
  if ((await panel.getAttribute('open')) === null) await panel.locator('summary').click();
  const run = panel.getByTestId('history-run').first();
  await run.locator('button.link').click();
  await expect(run.getByTestId('thinking-summary')).toHaveText(/^Thought for .* · \d+ tokens$/);
  await expect(run).toContainText(`${QWEN} says: Export the thinking`);
  await expect(run).not.toContainText('Okay, the user asks'); // folded until asked
  await run.getByTestId('thinking-toggle').click();
  await expect(run.getByTestId('thinking-text')).toContainText('Okay, the user asks');

  const download = page.waitForEvent('download');
  await run.getByTestId('history-export').selectOption('md');
  const markdown = await readFile((await (await download).path())!, 'utf8');
  expect(markdown).toMatch(/<details>\n<summary>Thinking \([\d.]+ s · \d+ tokens\)<\/summary>\n\nOkay, the user asks/);
  expect(markdown.indexOf('</details>')).toBeLessThan(markdown.indexOf(`${QWEN}** says`));
  expect(markdown).not.toMatch(/<\/?think>/);
  expect(markdown).toContain('| Thinking tokens |');
});

test('arena: reasoning hidden by default, shown for both on request, its figures hidden until the vote', async ({ page }) => {
  await openApp(page);
  await clearLineup(page);
  await addCustomModel(page, fakeModel('thinking', QWEN));
  await addCustomModel(page, fakeModel('thinking', 'Qwen3-other-q4f32_1'));
  await page.getByTestId('mode-arena').click();
  await typePrompt(page, 'Arena reasoning');
  await page.getByTestId('run').click();
  const sides = page.getByTestId('arena-side');
  await expect(sides.getByTestId('pane-status')).toHaveText(['Finished', 'Finished'], { timeout: 30_000 });
  await expect(sides.getByTestId('thinking-section')).toHaveCount(0);
  await expect(sides.getByTestId('pane-output')).toContainText(['says: Arena reasoning', 'says: Arena reasoning']);
  await expect(sides.getByTestId('pane-metrics').first()).toBeHidden();

  await page.getByTestId('arena-show-reasoning').check();
  await expect(sides.getByTestId('thinking-section')).toHaveCount(2);
  // No time or token count before the vote: they could hint at which model is which.
  await expect(sides.getByTestId('thinking-summary')).toHaveText(['Reasoning', 'Reasoning']);
  await sides.first().getByTestId('thinking-toggle').click();
  await expect(sides.first().getByTestId('thinking-text')).toContainText('Okay, the user asks');
  await expect(sides.locator('[data-model-id]')).toHaveCount(0);

  await page.getByTestId('vote-tie').click();
  await expect(sides.getByTestId('thinking-summary').first()).toHaveText(/^Thought for .* · \d+ tokens$/);
  await expect(sides.getByTestId('pane-metrics').first()).toBeVisible();
});
