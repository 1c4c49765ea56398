import { readFile } from 'node:fs/promises';
import { expect, test, type Page } from '@playwright/test';
import { openApp, openCatalog, pane, typePrompt } from '../support/lineup';

async function openHistory(page: Page) {
  const panel = page.getByTestId('history-panel');
  if ((await panel.getAttribute('open')) === null) await panel.locator('summary').click();
  return panel;
}

test("re-running someone else's run refuses a model on a host outside the policy, and nothing is fetched from it", async ({ page, browser }) => {
  await openApp(page);
  await typePrompt(page, 'Policy question');
  await page.getByTestId('run').click();
  await expect(page.getByTestId('pane-status').nth(1)).toHaveText('Finished');
  const panel = await openHistory(page);
  const download = page.waitForEvent('download');
  await panel.getByTestId('history-export-all').click();
  const exported = JSON.parse(await readFile(await (await download).path(), 'utf8'));

  // The file as a hostile sender would make it: the second model now downloads from their host.
  const foreign = exported.runs[0].panes[1];
  const kept = exported.runs[0].panes[0].modelId as string;
  Object.assign(foreign, {
    modelId: 'their-model-q4f32_1',
    label: 'their-model',
    weightsUrl: 'https://evil.example/m/resolve/main/',
    libraryUrl: 'https://evil.example/m-webgpu.wasm',
  });

  const other = await browser.newContext();
  const requested: string[] = [];
  other.on('request', (request) => requested.push(request.url())); // the page's and its workers'
  const theirs = await other.newPage();
  await openApp(theirs);
  const theirPanel = await openHistory(theirs);
  await theirPanel.getByTestId('history-import').setInputFiles({ name: 'run.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(exported)) });
  await expect(theirPanel.getByTestId('history-import-message')).toContainText('Imported 1 run');
  await theirPanel.getByTestId('history-rerun').click();

  const notice = theirs.getByTestId('share-notice');
  await expect(notice).toContainText('Not loaded: their-model-q4f32_1');
  await expect(notice).toContainText("downloads from https://evil.example, which this site's privacy policy does not allow");
  // The rest of the run goes ahead; the record itself is still there, foreign model and all.
  await expect(pane(theirs, kept).getByTestId('pane-status')).toHaveText('Finished');
  await expect(pane(theirs, 'their-model-q4f32_1')).toHaveCount(0);
  await expect(theirPanel.getByTestId('history-run').filter({ hasText: 'their-model' })).toHaveCount(1);
  expect(requested.filter((url) => url.includes('evil.example'))).toEqual([]);
  // The recorder does see the engine worker's own requests (the kept model's files, from its host).
  expect(requested.some((url) => /huggingface\.co|githubusercontent\.com/.test(url))).toBe(true);
  await other.close();
});

test('a custom model URL with a password, or too long to save, is refused by the form with the reason', async ({ page }) => {
  await openApp(page);
  await openCatalog(page);
  await page.getByTestId('tab-custom').click();
  await page.getByTestId('custom-weights-url').fill('http://user:secret@127.0.0.1:4310/fake-models/fine/resolve/main/');
  await page.getByTestId('custom-library-url').fill(`http://127.0.0.1:4310/${'x'.repeat(5000)}.wasm`);
  await page.getByTestId('custom-add').click();
  const problems = page.getByTestId('custom-model-problems');
  await expect(problems).toContainText('Weights URL must not contain a user name or password');
  await expect(problems).toContainText('Library URL is too long (5,027 characters; the limit is 2,048)');
  await expect(page.getByTestId('pane')).toHaveCount(2);
});

test('a share link opened in a tab where Lineup is already open is applied, asking first when it would replace typed text', async ({ page }) => {
  await openApp(page);
  await typePrompt(page, 'The shared prompt');
  await page.getByTestId('share-create').click();
  const fragment = new URL(await page.getByTestId('share-link').inputValue()).hash;
  const open = (hash: string) => page.evaluate((value) => (location.hash = value), hash);

  // Nothing typed: applied at once.
  await page.getByTestId('prompt-input').fill('');
  await open(fragment);
  await expect(page.getByTestId('share-notice')).toContainText('Loaded a shared comparison');
  await expect(page.getByTestId('prompt-input')).toHaveValue('The shared prompt');
  await expect.poll(() => page.evaluate(() => location.hash)).toBe('');

  // Other text in the prompt box: asked first; "Keep mine" keeps it.
  await typePrompt(page, 'My own unsaved words');
  await open(fragment);
  const confirm = page.getByTestId('share-confirm');
  await expect(confirm).toContainText('Replace your prompt with the shared comparison?');
  await confirm.getByTestId('share-keep').click();
  await expect(confirm).toHaveCount(0);
  await expect(page.getByTestId('prompt-input')).toHaveValue('My own unsaved words');

  // Asked again; "Apply" replaces it.
  await open(fragment);
  await confirm.getByTestId('share-apply').click();
  await expect(page.getByTestId('prompt-input')).toHaveValue('The shared prompt');
  await expect(page.getByTestId('share-notice')).toContainText('Press Run');
});

test('a fragment that is not a working share link, arriving in an open tab, is explained', async ({ page }) => {
  await openApp(page);
  await typePrompt(page, 'Keep this');
  await page.evaluate(() => (location.hash = '#share=v1.cut-off-link!!'));
  await expect(page.getByTestId('share-notice')).toContainText('This share link cannot be opened');
  await page.evaluate(() => (location.hash = '#shar'));
  await expect(page.getByTestId('share-notice')).toContainText('not a Lineup share link');
  await expect(page.getByTestId('prompt-input')).toHaveValue('Keep this');
  await expect(page.getByTestId('pane')).toHaveCount(2);
});
