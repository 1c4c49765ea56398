import { expect, test } from '@playwright/test';
import { copyFileSync, linkSync, mkdirSync, readdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { fixtureDir, fixturePresent, FIXTURE_MODEL_FILES, isCI, syntheticWeightsDir, WASM_NAME } from '../../support/fixture.mjs';
import { addCustomModel, clearLineup, openApp, pane, typePrompt } from '../support/lineup';

// Real web-llm (0.2.79) loads a model that was added from a folder, with no model server at all:
// the synthetic Qwen2 (the fixture's config, tokenizer and library plus the generated weights) is
// picked as a folder, checked and written into web-llm's cache, and then loads and runs with every
// request to its host refused (nothing listens on that port). One token only: SwiftShader is slow.

const STOPPED_HOST = 'http://127.0.0.1:4315'; // no server: a model host that is down
const ID = 'Qwen2-0.5B-folder-q4f32_1';

/** The model folder as a person would have it: named after the model's repository ("synth"). */
function synthFolder(parent: string): string {
  const dir = path.join(parent, 'synth');
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const sources = [
    ...[...FIXTURE_MODEL_FILES, WASM_NAME].map((name) => path.join(fixtureDir, name)),
    ...readdirSync(syntheticWeightsDir).filter((name) => !name.startsWith('.')).map((name) => path.join(syntheticWeightsDir, name)),
  ];
  for (const source of sources) {
    const target = path.join(dir, path.basename(source));
    try {
      linkSync(source, target); // 300 MB: a hard link where the file system allows it
    } catch {
      copyFileSync(source, target);
    }
  }
  return dir;
}

test.describe('real engine, model from a folder', () => {
  test.skip(!fixturePresent() && !isCI(), `WebLLM fixture not found at ${fixtureDir}; set LINEUP_FIXTURE_DIR to run the real-engine test`);

  test('the synthetic Qwen2 added from a folder loads and runs with its model host down', async ({ page, context }, testInfo) => {
    test.setTimeout(10 * 60_000);
    const dir = synthFolder(testInfo.outputPath('usb'));
    const asked: string[] = [];
    context.on('request', (request) => {
      if (request.url().startsWith(STOPPED_HOST)) asked.push(request.url());
    });
    await page.addInitScript(() => {
      // Chromium defines it on the window itself (Window is the global): delete it wherever it is.
      delete (window as { showDirectoryPicker?: unknown }).showDirectoryPicker;
      delete (Window.prototype as { showDirectoryPicker?: unknown }).showDirectoryPicker;
    });

    await openApp(page);
    await expect(page.getByTestId('gpu-status')).toHaveAttribute('data-available', 'true');
    await clearLineup(page);
    await addCustomModel(page, {
      weightsUrl: `${STOPPED_HOST}/models/synth/resolve/main/`,
      libraryUrl: `${STOPPED_HOST}/libs/${WASM_NAME}`,
      id: ID,
      contextWindow: 1024,
    });
    await page.getByTestId('storage-panel').locator('summary').click();
    const chooser = page.waitForEvent('filechooser');
    await page.getByTestId('folder-add').click();
    await (await chooser).setFiles(dir);
    await expect(page.getByTestId('folder-message')).toContainText(`Added ${ID} from "synth"`, { timeout: 120_000 });

    await typePrompt(page, 'Hi', 1);
    await page.getByTestId('run').click();
    const target = pane(page, ID);
    await expect(target.getByTestId('pane-status')).toHaveText('Finished', { timeout: 8 * 60_000 });
    await expect(target.getByTestId('pane-error')).toHaveCount(0);
    await expect(target.locator('[data-metric="load"] .plain')).toHaveText('Load time (from cache)');
    expect((await target.getByTestId('pane-output').innerText()).trim().length, 'a token streamed').toBeGreaterThan(0);
    expect(asked, 'requests to the model host').toEqual([]);
  });
});
