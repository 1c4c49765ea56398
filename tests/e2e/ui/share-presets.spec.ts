import { expect, test } from '@playwright/test';
import { openApp, pane, typePrompt } from '../support/lineup';

test('a share link carries models, prompt and settings, and runs only when Run is pressed', async ({ page, context }) => {
  await openApp(page);
  await typePrompt(page, 'Shared question: 2+2?', 77);
  await page.getByTestId('system-prompt-input').fill('Answer briefly.');
  await page.getByTestId('run').click();
  await expect(page.getByTestId('pane-status').nth(1)).toHaveText('Finished');
  const ids = await page.getByTestId('pane').evaluateAll((nodes) => nodes.map((node) => node.getAttribute('data-model-id')!));

  await page.getByTestId('share-include-outputs').check();
  await page.getByTestId('share-create').click();
  const link = await page.getByTestId('share-link').inputValue();
  expect(link).toMatch(/#share=v1\./);
  expect(link.split('#')[0]).not.toContain('Shared'); // the content is only in the fragment

  // Somebody else opens it: a fresh browser profile.
  const other = await context.browser()!.newContext();
  const theirs = await other.newPage();
  await theirs.goto(link);
  await expect(theirs.getByTestId('share-notice')).toContainText('Press Run');
  await expect(theirs.getByTestId('prompt-input')).toHaveValue('Shared question: 2+2?');
  await expect(theirs.getByTestId('system-prompt-input')).toHaveValue('Answer briefly.');
  await expect(theirs.getByTestId('max-tokens-input')).toHaveValue('77');
  const theirIds = await theirs.getByTestId('pane').evaluateAll((nodes) => nodes.map((node) => node.getAttribute('data-model-id')!));
  expect(theirIds).toEqual(ids);
  await expect(theirs.getByTestId('shared-outputs')).toContainText('says: Shared question');
  expect(new URL(theirs.url()).hash).toBe(''); // read once, then dropped from the address bar
  for (const id of ids) await expect(pane(theirs, id).getByTestId('pane-status')).toHaveText('Not loaded');
  await theirs.getByTestId('run').click();
  await expect(pane(theirs, ids[1]!).getByTestId('pane-status')).toHaveText('Finished');
  await other.close();
});

test('a damaged share link explains itself and leaves the app usable', async ({ page }) => {
  await page.goto('./#share=v1.not-really-base64!!');
  await expect(page.getByTestId('share-notice')).toContainText('This share link cannot be opened');
  await expect(page.getByTestId('pane')).toHaveCount(2);
});

test('classroom prompt sets fill the prompt; Alt+N moves to the next one', async ({ page }) => {
  await openApp(page);
  await page.getByTestId('preset-set').selectOption({ index: 2 });
  const first = page.getByTestId('preset-prompt').first();
  await first.click();
  const firstText = await page.getByTestId('prompt-input').inputValue();
  expect(firstText.length).toBeGreaterThan(10);
  await page.keyboard.press('Alt+n');
  const secondText = await page.getByTestId('prompt-input').inputValue();
  expect(secondText).not.toBe(firstText);
  await expect(page.getByTestId('preset-prompt').nth(1)).toHaveClass(/active/);
});

test('imported prompt sets are validated, kept across reloads, and bad files say why', async ({ page }) => {
  await openApp(page);
  await page.getByText('Manage sets').click();
  const file = {
    name: 'sets.json',
    mimeType: 'application/json',
    buffer: Buffer.from(JSON.stringify({ format: 'lineup-presets', version: 1, sets: [{ title: 'Lesson 3', description: 'Photosynthesis', prompts: [{ title: 'Q1', prompt: 'What do plants need to make sugar?' }] }] })),
  };
  await page.getByTestId('preset-import').setInputFiles(file);
  await expect(page.getByTestId('preset-message')).toContainText('Imported 1 prompt set');
  await page.reload();
  await expect(page.locator('main')).toHaveAttribute('data-restored', 'true');
  await page.getByTestId('preset-set').selectOption({ label: 'Lesson 3 (yours)' });
  await page.getByTestId('preset-prompt').first().click();
  await expect(page.getByTestId('prompt-input')).toHaveValue('What do plants need to make sugar?');

  await page.getByText('Manage sets').click();
  await page.getByTestId('preset-import').setInputFiles({ name: 'bad.json', mimeType: 'application/json', buffer: Buffer.from('{not json') });
  await expect(page.getByTestId('preset-message')).toContainText('Nothing imported');
});
