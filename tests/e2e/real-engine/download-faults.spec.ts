import { expect, test, type Page } from '@playwright/test';
import { fixtureDir, fixturePresent, isCI, WASM_NAME } from '../../support/fixture.mjs';
import { addCustomModel, clearLineup, openApp, pane, typePrompt } from '../support/lineup';
import { cachedModelEntries, clearFaults, injectFault, MODEL_SERVER, SYNTH_FOLDER } from '../support/fault-server';

// Issue #18 against real web-llm (0.2.79): the engine itself reads the config, the manifest
// (ndarray-cache.json for this runtime) and the shards, so these faults are injected where it
// reads them. One browser, one model, four loads: three faults (each named, each leaving only
// checked files in the cache), then the fault removed and a load that runs.

const MODEL_ID = 'Qwen2-0.5B-faults-q4f32_1';
const SHARDS = Array.from({ length: 9 }, (_, i) => `webllm/model params_shard_${i}.bin`);
// The model library is checked (and stored) before the weights (workers/library-check.ts): it stays.
const LIBRARY = `webllm/wasm ${WASM_NAME}`;

/** The cache once web-llm's remaining parallel downloads have settled. */
async function settledEntries(page: Page): Promise<string[]> {
  let previous = '';
  for (;;) {
    const entries = await cachedModelEntries(page);
    if (JSON.stringify(entries) === previous) return entries;
    previous = JSON.stringify(entries);
    await page.waitForTimeout(3000);
  }
}

test.describe('real engine: bad downloads', () => {
  test.skip(!fixturePresent() && !isCI(), `WebLLM fixture not found at ${fixtureDir}`);
  test.afterEach(clearFaults);

  test('a bad config, an HTML manifest and a damaged shard are each named and never kept; then the model loads and runs', async ({ page }) => {
    test.setTimeout(15 * 60_000);
    await clearFaults();
    await openApp(page);
    await expect(page.getByTestId('gpu-status')).toHaveAttribute('data-available', 'true');
    await clearLineup(page);
    await addCustomModel(page, { weightsUrl: SYNTH_FOLDER, libraryUrl: `${MODEL_SERVER}/libs/${WASM_NAME}`, id: MODEL_ID, contextWindow: 1024 });
    await typePrompt(page, 'Hi', 1);
    const target = pane(page, MODEL_ID);
    const error = target.getByTestId('pane-error');
    const tryAgain = error.getByTestId('error-action');

    // 1. Valid JSON, absurd values (what made web-llm fail with "reading 'includes'").
    await injectFault('mlc-chat-config.json', 'config', { context_window_size: -1, prefill_chunk_size: 0, tokenizer_files: null });
    await page.getByTestId('run').click();
    await expect(error).toContainText('A model file is not usable', { timeout: 120_000 });
    await expect(error).toContainText('mlc-chat-config.json from 127.0.0.1:4312 cannot be used: tokenizer_files must be a list of file names');
    await expect(tryAgain).toHaveText('Try again');
    expect(await settledEntries(page)).toEqual([LIBRARY]);

    // 2. A filter's web page, 200, for the manifest.
    await clearFaults();
    await injectFault('-cache.json', 'html');
    await tryAgain.click();
    await expect(error).toContainText('The network answered with a web page instead of the model file', { timeout: 120_000 });
    await expect(error).toContainText(/-cache\.json from 127\.0\.0\.1:4312/);
    // Kept: the config, tokenizer and library, which passed their checks; not the page.
    expect(await settledEntries(page)).toEqual(['webllm/config mlc-chat-config.json', 'webllm/model tokenizer.json', LIBRARY]);

    // 3. A shard with the right length and flipped bytes: caught by its md5sum before it is stored.
    await clearFaults();
    await injectFault('params_shard_8', 'corrupt');
    await tryAgain.click();
    await expect(error).toContainText('A downloaded model file was damaged', { timeout: 5 * 60_000 });
    await expect(error).toContainText('params_shard_8.bin from 127.0.0.1:4312 arrived damaged: its MD5 checksum is');
    await expect(target.getByTestId('pane-status')).toHaveText('Error');
    const afterDamage = await settledEntries(page);
    expect(afterDamage).not.toContain('webllm/model params_shard_8.bin');
    expect(afterDamage.filter((entry) => !entry.includes('params_shard_'))).toEqual(['webllm/config mlc-chat-config.json', 'webllm/model ndarray-cache.json', 'webllm/model tokenizer.json', LIBRARY]);

    // 4. Fault removed: Try again really starts over where needed and the model runs.
    await clearFaults();
    await tryAgain.click();
    await expect(target.getByTestId('pane-status')).toHaveText('Generating', { timeout: 5 * 60_000 });
    await expect(target.getByTestId('pane-status')).toHaveText('Finished', { timeout: 8 * 60_000 });
    await expect(error).toHaveCount(0);
    const entries = await settledEntries(page);
    expect(entries).toEqual(expect.arrayContaining([...SHARDS, 'webllm/config mlc-chat-config.json', 'webllm/model ndarray-cache.json', LIBRARY]));
  });
});
