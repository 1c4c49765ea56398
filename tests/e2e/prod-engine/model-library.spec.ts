import { expect, test, type Page } from '@playwright/test';
import { fixtureDir, fixturePresent, isCI, WASM_NAME } from '../../support/fixture.mjs';
import { addCustomModel, clearLineup, openApp, openCatalog, pane, typePrompt } from '../support/lineup';

// The production engine (web-llm 0.2.86) given model libraries that cannot run on it: the offline
// fixture library is built for web-llm 0.2.79 (folder v0_2_48), which is exactly what a new user
// gets from older guides. The pane must say why and offer what helps, before any weights download.

const MODEL_SERVER = 'http://127.0.0.1:4312';
const WEIGHTS = `${MODEL_SERVER}/models/synth/resolve/main/`;
const OLD_LIBRARY = `${MODEL_SERVER}/libs/v0_2_48/${WASM_NAME}`;
const CURRENT_FOLDER_LIBRARY = `${MODEL_SERVER}/libs/v0_2_86/base/${WASM_NAME}`;

async function control(body: unknown): Promise<void> {
  await fetch(`${MODEL_SERVER}/__control`, { method: 'POST', body: JSON.stringify(body) });
}

/** Requests the model server has answered so far, by kind. */
async function requestCounts(): Promise<{ library: number; weights: number }> {
  const { requests } = (await (await fetch(`${MODEL_SERVER}/__control`)).json()) as { requests: Record<string, number> };
  const sum = (match: (path: string) => boolean) => Object.entries(requests).filter(([path]) => match(path)).reduce((total, [, count]) => total + count, 0);
  return {
    library: sum((path) => path.endsWith('.wasm')),
    weights: sum((path) => /params_shard_|tensor-cache|ndarray-cache/.test(path)),
  };
}

/** Library URLs in web-llm's wasm cache (Cache API), read in the page. */
function cachedLibraries(page: Page): Promise<string[]> {
  return page.evaluate(async () => ((await caches.has('webllm/wasm')) ? (await (await caches.open('webllm/wasm')).keys()).map((request) => request.url) : []));
}

async function runAndWaitForError(page: Page, modelId: string) {
  await typePrompt(page, 'Hi', 1);
  await page.getByTestId('run').click();
  const error = pane(page, modelId).getByTestId('pane-error');
  await expect(error).toBeVisible({ timeout: 60_000 });
  return error;
}

test.describe('model library built for another engine version (web-llm 0.2.86)', () => {
  test.skip(!fixturePresent() && !isCI(), `WebLLM fixture not found at ${fixtureDir}; set LINEUP_FIXTURE_DIR to run these tests`);
  test.afterEach(() => control({ reset: true }));

  test('a v0_2_48 library: warned in the form, diagnosed before any weights download, and nothing cached', async ({ page }) => {
    await openApp(page);
    await clearLineup(page);
    await openCatalog(page);
    await page.getByTestId('tab-custom').click();
    await page.getByTestId('custom-library-url').fill(OLD_LIBRARY);
    const warning = page.getByTestId('custom-library-warning');
    await expect(warning).toContainText('v0_2_48');
    await expect(warning).toContainText('v0_2_86/base');
    await addCustomModel(page, { weightsUrl: WEIGHTS, libraryUrl: OLD_LIBRARY, id: 'old-guide-model' });

    const before = await requestCounts();
    const started = Date.now();
    const error = await runAndWaitForError(page, 'old-guide-model');
    await expect(error).toHaveAttribute('data-error-name', 'ModelLibraryVersionError');
    await expect(error).toContainText('another version of web-llm');
    await expect(error).toContainText('web-llm 0.2.86');
    await expect(error).toContainText('v0_2_86/base');
    await expect(error).toContainText('its folder is v0_2_48');
    await expect(error.getByRole('button')).toHaveText(['Edit the model', 'Remove the model']);
    await expect(error.getByRole('button', { name: 'Try again' })).toHaveCount(0);
    // The import names are in the technical details for bug reports.
    await expect(error.locator('code')).toContainText('_ZN3tvm7runtime9threading15ResetThreadPoolEv');
    console.log(`library diagnosis shown ${Date.now() - started} ms after Run`);

    const after = await requestCounts();
    expect(after.library - before.library, 'the library is downloaded once').toBe(1);
    expect(after.weights - before.weights, 'no weights are downloaded for a library that cannot run').toBe(0);
    expect(await cachedLibraries(page), 'nothing cached that would fail again').toEqual([]);

    // "Edit the model": the form opens on this model with the library field focused.
    await error.getByRole('button', { name: 'Edit the model' }).click();
    const library = page.getByTestId('custom-library-url');
    await expect(library).toBeFocused();
    await expect(library).toHaveValue(OLD_LIBRARY);
    await expect(page.getByTestId('custom-weights-url')).toHaveValue(WEIGHTS);
    await library.fill(CURRENT_FOLDER_LIBRARY);
    await expect(page.getByTestId('custom-library-warning')).toHaveCount(0);
    await page.getByTestId('custom-add').click();
    await expect(page.getByTestId('custom-model-problems')).toHaveCount(0);
    await expect(page.getByTestId('pane')).toHaveCount(1);
    await expect(pane(page, 'old-guide-model').getByTestId('pane-error')).toHaveCount(0);
  });

  test('an HTML page served as .wasm is named as such, and the model can be removed', async ({ page }) => {
    await control({ fault: { path: '/libs/v0_2_86/base/', kind: 'html' } });
    await openApp(page);
    await clearLineup(page);
    await addCustomModel(page, { weightsUrl: WEIGHTS, libraryUrl: CURRENT_FOLDER_LIBRARY, id: 'html-library' });
    const error = await runAndWaitForError(page, 'html-library');
    await expect(error).toHaveAttribute('data-error-name', 'ModelLibraryFormatError');
    await expect(error).toContainText('a web page (HTML) instead of a compiled WebAssembly library');
    await expect(error.getByRole('button', { name: 'Try again' })).toHaveCount(0);
    expect(await cachedLibraries(page)).toEqual([]);
    await error.getByRole('button', { name: 'Remove the model' }).click();
    await expect(page.getByTestId('pane')).toHaveCount(0);
  });

  test('a cached library that no longer matches: its copy is deleted on request, then the download is checked', async ({ page }) => {
    await openApp(page);
    await clearLineup(page);
    // A copy saved earlier under a URL in the right folder (the file there was replaced since).
    await page.evaluate(async (url) => {
      const bytes = await (await fetch(url)).arrayBuffer();
      await (await caches.open('webllm/wasm')).put(url, new Response(bytes, { headers: { 'Content-Type': 'application/wasm' } }));
    }, CURRENT_FOLDER_LIBRARY);
    await addCustomModel(page, { weightsUrl: WEIGHTS, libraryUrl: CURRENT_FOLDER_LIBRARY, id: 'stale-library' });
    const before = await requestCounts();
    const error = await runAndWaitForError(page, 'stale-library');
    await expect(error).toHaveAttribute('data-error-name', 'CachedModelLibraryError');
    await expect(error).toContainText('saved in the browser');
    expect((await requestCounts()).library - before.library, 'the cached copy is checked without a download').toBe(0);

    await error.getByRole('button', { name: 'Delete the cached library and download it again' }).click();
    // The server still has the old build, so the fresh download fails the check too: now named as such.
    await expect(pane(page, 'stale-library').getByTestId('pane-error')).toHaveAttribute('data-error-name', 'ModelLibraryVersionError', { timeout: 60_000 });
    expect((await requestCounts()).library - before.library).toBe(1);
    expect(await cachedLibraries(page)).toEqual([]);
  });
});
