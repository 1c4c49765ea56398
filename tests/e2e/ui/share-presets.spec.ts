import { expect, test } from '@playwright/test';
import { addCustomModel, clearLineup, fakeModel, openApp, pane, typePrompt } from '../support/lineup';

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
  expect(new URL(theirs.url()).hash).toBe(''); // read once, then dropped from the address bar
  // The sender's outputs sit in their panes, with the sender's figures, said to be the sender's.
  for (const id of ids) {
    const shared = pane(theirs, id);
    await expect(shared.getByTestId('pane-status')).toHaveText('Not loaded');
    await expect(shared.getByTestId('pane-output')).toContainText('says: Shared question');
    await expect(shared.getByTestId('shared-note')).toContainText("written on the sender's device");
    await expect(shared.getByTestId('shared-metrics')).toContainText("Measured on the sender's device");
    await expect(shared.locator('[data-testid="shared-metrics"] [data-metric="decode"] .value')).toHaveText(/^\d+(\.\d+)? tok\/s$/);
  }
  await theirs.getByTestId('run').click();
  await expect(pane(theirs, ids[1]!).getByTestId('pane-status')).toHaveText('Finished');
  // Once it ran here, each pane shows this device's own answer and figures.
  await expect(theirs.getByTestId('shared-note')).toHaveCount(0);
  await expect(theirs.getByTestId('shared-metrics')).toHaveCount(0);
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

/** Rewrite a share link's payload in the page (the same codec a hostile sender could use by hand). */
async function rewriteLink(page: import('@playwright/test').Page, link: string, urls: { weightsUrl: string; libraryUrl: string }): Promise<string> {
  return page.evaluate(async ({ link, urls }) => {
    const [head, body] = link.split('#share=v1.') as [string, string];
    const bytes = Uint8Array.from(atob(body.replace(/-/g, '+').replace(/_/g, '/') + '='.repeat((4 - (body.length % 4)) % 4)), (c) => c.charCodeAt(0));
    const json = JSON.parse(await new Response(new Blob([bytes]).stream().pipeThrough(new DecompressionStream('deflate-raw'))).text());
    Object.assign(json.customModels[0], urls);
    const packed = new Uint8Array(await new Response(new Blob([JSON.stringify(json)]).stream().pipeThrough(new CompressionStream('deflate-raw'))).arrayBuffer());
    let binary = '';
    packed.forEach((byte) => (binary += String.fromCharCode(byte)));
    return `${head}#share=v1.${btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '')}`;
  }, { link, urls });
}

test('custom models travel in the link by URL, and the recipient still applies the host policy', async ({ page, browser }) => {
  await openApp(page);
  await clearLineup(page);
  await addCustomModel(page, fakeModel('arena', 'shared-custom-q4f32_1'));
  await typePrompt(page, 'Custom question');
  await page.getByTestId('share-create').click();
  const link = await page.getByTestId('share-link').inputValue();

  // A fresh browser that never saw this model gets it from the link, ready to run.
  const other = await browser.newContext();
  const theirs = await other.newPage();
  await theirs.goto(link);
  await expect(theirs.locator('main')).toHaveAttribute('data-restored', 'true');
  await expect(theirs.getByTestId('share-notice')).toContainText('Press Run');
  await expect(theirs.getByTestId('pane')).toHaveCount(1);
  const custom = pane(theirs, 'shared-custom-q4f32_1');
  await expect(custom).toBeVisible();
  await theirs.getByTestId('run').click();
  await expect(custom.getByTestId('pane-status')).toHaveText('Finished');
  await expect(custom.getByTestId('pane-output')).toContainText('shared-custom-q4f32_1 says: Custom question');

  // The same link pointed at a host outside this site's policy: refused, with the reason, and never fetched.
  const hostile = await rewriteLink(page, link, { weightsUrl: 'https://evil.example/m/resolve/main/', libraryUrl: 'https://evil.example/m-webgpu.wasm' });
  const third = await browser.newContext();
  const requested: string[] = [];
  third.on('request', (request) => requested.push(request.url()));
  const victim = await third.newPage();
  await victim.goto(hostile);
  await expect(victim.getByTestId('share-notice')).toContainText('Not loaded: shared-custom-q4f32_1');
  await expect(victim.getByTestId('share-notice')).toContainText('evil.example');
  await expect(victim.getByTestId('pane')).toHaveCount(0);
  expect(requested.filter((url) => url.includes('evil.example'))).toEqual([]);
  await other.close();
  await third.close();
});
