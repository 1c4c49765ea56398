import { expect, test, type Page } from '@playwright/test';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { createHash } from 'node:crypto';
import { addCustomModel, clearLineup, openApp, pane, typePrompt } from '../support/lineup';
import { writeFakeModelFolder } from '../support/fake-model-folder';

// Models from a folder (a USB stick, a shared folder) and to a folder, with the scripted engine:
// the folder is checked against its tensor-cache.json, written into web-llm's cache under the URLs
// the engine asks for, and the model then loads with the model host unreachable.

const ID = 'folder-q4f32_1';
const LIBRARY = 'folder-model-webgpu.wasm';
/** "/fail-download/": the scripted engine's download fails mid-way when the model is not cached. */
const MODEL = {
  weightsUrl: 'http://127.0.0.1:4310/fake-models/fail-download/resolve/main/',
  libraryUrl: `http://127.0.0.1:4310/fake-libs/${LIBRARY}`,
  id: ID,
};

/** The fake model's files in a folder named after its repository ("fail-download"). */
const modelFolder = (parent: string, changes: Record<string, number | null> = {}) => writeFakeModelFolder(parent, 'fail-download', LIBRARY, changes);

/** name → sha-256 of every file in a folder on disk. */
function digests(dir: string): Record<string, string> {
  return Object.fromEntries(readdirSync(dir).sort().map((name) => [name, createHash('sha256').update(readFileSync(path.join(dir, name))).digest('hex')]));
}

/** Every URL stored in web-llm's caches, as the page sees them. */
async function cachedUrls(page: Page): Promise<string[]> {
  return page.evaluate(async () => {
    const urls: string[] = [];
    for (const name of await caches.keys()) {
      if (name.startsWith('webllm/')) urls.push(...(await (await caches.open(name)).keys()).map((request) => request.url));
    }
    return urls;
  });
}

const cachedWeights = (page: Page) => page.locator(`[data-testid="cached-model"][data-key="${MODEL.weightsUrl}"]`);

async function pickFolder(page: Page, dir: string): Promise<void> {
  const chooser = page.waitForEvent('filechooser');
  await page.getByTestId('folder-add').click();
  await (await chooser).setFiles(dir);
}

async function failingModelHost(page: Page): Promise<string[]> {
  const asked: string[] = [];
  await page.context().route(/\/fake-(models|libs)\//, (route) => {
    asked.push(route.request().url());
    return route.abort('internetdisconnected');
  });
  return asked;
}

test.describe('models from a folder', () => {
  test.beforeEach(async ({ page }) => {
    // Where the directory picker exists the app uses it; this test drives the <input webkitdirectory> path.
    await page.addInitScript(() => {
      // Chromium defines it on the window itself (Window is the global): delete it wherever it is.
      delete (window as { showDirectoryPicker?: unknown }).showDirectoryPicker;
      delete (Window.prototype as { showDirectoryPicker?: unknown }).showDirectoryPicker;
    });
  });

  test('a failed download offers "Add it from a folder"; the folder is added and the model then runs with the host failing', async ({ page }, testInfo) => {
    const dir = modelFolder(testInfo.outputPath('usb'));
    const asked = await failingModelHost(page);
    await openApp(page);
    await clearLineup(page);
    await addCustomModel(page, MODEL);
    await typePrompt(page, 'from the stick');
    await page.getByTestId('run').click();

    const error = pane(page, ID).getByTestId('pane-error');
    await expect(error).toContainText('Download failed');
    await error.locator('[data-action="add-from-folder"]').click();
    await expect(page.getByTestId('storage-panel')).toHaveAttribute('open', '');
    await expect(page.getByTestId('folder-add')).toHaveText(`Add ${ID} from a folder…`);
    await pickFolder(page, dir);
    await expect(page.getByTestId('folder-message')).toHaveText(`Added ${ID} from "fail-download": 6 files. It now loads without downloading.`);
    await expect(cachedWeights(page)).toBeVisible();
    expect((await cachedUrls(page)).sort()).toEqual([
      MODEL.libraryUrl,
      ...['mlc-chat-config.json', 'params_shard_0.bin', 'params_shard_1.bin', 'tensor-cache.json', 'tokenizer.json'].map((name) => MODEL.weightsUrl + name),
    ].sort());

    await error.getByTestId('error-action').click(); // Try again
    await expect(pane(page, ID).getByTestId('pane-status')).toHaveText('Finished');
    await expect(pane(page, ID).getByTestId('pane-output')).toContainText(`${ID} says: from the stick`);
    await expect(pane(page, ID).locator('[data-metric="load"] .plain')).toHaveText('Load time (from cache)');
    // Nothing reached the model host but the best-effort manifest size read (refused here).
    expect(asked.filter((url) => !url.endsWith('/tensor-cache.json') && !url.endsWith('/ndarray-cache.json'))).toEqual([]);
  });

  test('a folder missing a shard, or with a short one, is refused with the file named and the cache left clean', async ({ page }, testInfo) => {
    await openApp(page);
    await clearLineup(page);
    await addCustomModel(page, MODEL);
    await page.getByTestId('storage-panel').locator('summary').click();

    await pickFolder(page, modelFolder(testInfo.outputPath('missing'), { 'params_shard_1.bin': null }));
    const problems = page.getByTestId('folder-problems');
    await expect(problems).toContainText('This folder looks like fail-download (qwen2, q4f32_1), but it cannot be added:');
    await expect(problems.locator('li')).toHaveText(['params_shard_1.bin is missing (tensor-cache.json lists it, 120,000 bytes).']);
    await expect(page.getByTestId('storage-empty')).toBeVisible();
    expect(await cachedUrls(page)).toEqual([]);

    await pickFolder(page, modelFolder(testInfo.outputPath('short'), { 'params_shard_0.bin': 299_000 }));
    await expect(problems.locator('li')).toHaveText(['params_shard_0.bin is 299,000 bytes, but tensor-cache.json says 300,000 bytes: the copy is cut short.']);
    await expect(page.getByTestId('storage-empty')).toBeVisible();
    expect(await cachedUrls(page)).toEqual([]);
  });
});

test('save to folder writes the same set of files, which adds back and runs offline', async ({ page }, testInfo) => {
  // The directory picker is the browser's own dialog; here it hands over a folder in the page's
  // private file system (OPFS), which the test then reads back.
  await page.addInitScript(() => {
    (window as unknown as { showDirectoryPicker: () => Promise<FileSystemDirectoryHandle> }).showDirectoryPicker = async () =>
      (await navigator.storage.getDirectory()).getDirectoryHandle('usb', { create: true });
  });
  const dir = modelFolder(testInfo.outputPath('source'));
  await openApp(page);
  await clearLineup(page);
  await addCustomModel(page, MODEL);
  await page.getByTestId('storage-panel').locator('summary').click();
  await page.getByTestId('folder-input').setInputFiles(dir);
  await expect(page.getByTestId('folder-message')).toContainText(`Added ${ID}`);

  await cachedWeights(page).getByTestId('cached-model-save').click();
  await expect(page.getByTestId('folder-message')).toHaveText(`Saved ${ID} to "usb/fail-download": 6 files.`);
  const saved = await page.evaluate(async () => {
    const folder = await (await (await navigator.storage.getDirectory()).getDirectoryHandle('usb')).getDirectoryHandle('fail-download');
    const out: Record<string, string> = {};
    for await (const [name, handle] of (folder as unknown as { entries(): AsyncIterable<[string, FileSystemFileHandle]> }).entries()) {
      const digest = await crypto.subtle.digest('SHA-256', await (await handle.getFile()).arrayBuffer());
      out[name] = [...new Uint8Array(digest)].map((byte) => byte.toString(16).padStart(2, '0')).join('');
    }
    return Object.fromEntries(Object.entries(out).sort());
  });
  expect(saved).toEqual(digests(dir));

  // The saved folder adds back (the picker now returns it), and the model loads with the host failing.
  page.once('dialog', (dialog) => void dialog.accept());
  await cachedWeights(page).getByTestId('cached-model-delete').click();
  await expect(cachedWeights(page)).toHaveCount(0);
  await page.getByTestId('folder-add').click();
  await expect(page.getByTestId('folder-message')).toContainText(`Added ${ID} from "usb"`);
  const asked = await failingModelHost(page);
  await typePrompt(page, 'round trip');
  await page.getByTestId('run').click();
  await expect(pane(page, ID).getByTestId('pane-status')).toHaveText('Finished');
  await expect(pane(page, ID).locator('[data-metric="load"] .plain')).toHaveText('Load time (from cache)');
  expect(asked.filter((url) => !url.endsWith('-cache.json'))).toEqual([]);
});
