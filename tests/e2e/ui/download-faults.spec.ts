import { expect, test } from '@playwright/test';
import { addCustomModel, clearLineup, openApp, pane, typePrompt } from '../support/lineup';
import { cachedModelEntries, clearFaults, injectFault, MODEL_SERVER, SYNTH_FOLDER } from '../support/fault-server';

// The scripted engine downloads the synthetic model's config, manifest and smallest shard for
// real (Cache.add, like web-llm) from the local model server, which injects the faults of
// issue #18; the app's worker checks every download on its way in.

const MODEL = { weightsUrl: SYNTH_FOLDER, libraryUrl: `${MODEL_SERVER}/libs/model-webgpu.wasm`, id: 'faults-q4f32_1' };

test.beforeEach(async ({ page }) => {
  await clearFaults();
  await openApp(page);
  await clearLineup(page);
  await addCustomModel(page, MODEL);
  await typePrompt(page, 'hello there');
});
test.afterEach(clearFaults);

test('a stalled download says so after 10 s, drops speed and time left, and Retry starts it again', async ({ page }) => {
  await injectFault('params_shard_8', 'stall');
  await page.getByTestId('run').click();
  const target = pane(page, MODEL.id);
  const bar = target.getByTestId('load-progress');
  await expect(bar.getByTestId('load-stalled')).toHaveText(/^No data for 1\d s — the connection may be stuck$/, { timeout: 20_000 });
  await expect(bar).not.toContainText('left');
  await expect(bar).not.toContainText('/s');
  await expect(bar.getByRole('button', { name: 'Cancel' })).toBeVisible();

  await clearFaults(); // the network is back
  await bar.getByTestId('load-retry').click();
  await expect(target.getByTestId('pane-status')).toHaveText('Finished', { timeout: 30_000 });
  await expect(target.getByTestId('pane-error')).toHaveCount(0);
  expect(await cachedModelEntries(page)).toEqual(['webllm/config mlc-chat-config.json', 'webllm/model params_shard_8.bin', 'webllm/model tensor-cache.json']);
});

test('an HTML page served as tensor-cache.json is named, not cached, and Try again downloads it afresh', async ({ page }) => {
  await injectFault('tensor-cache.json', 'html');
  await page.getByTestId('run').click();
  const target = pane(page, MODEL.id);
  const error = target.getByTestId('pane-error');
  await expect(error).toContainText('A model file is not usable', { timeout: 20_000 });
  await expect(error).toContainText('The network answered with a web page instead of the model file tensor-cache.json from 127.0.0.1:4312');
  await expect(error.getByTestId('error-action')).toHaveText('Try again');
  // The config passed its checks and stays; the page never reached the cache.
  expect(await cachedModelEntries(page)).toEqual(['webllm/config mlc-chat-config.json']);

  await clearFaults();
  await error.getByTestId('error-action').click();
  await expect(target.getByTestId('pane-status')).toHaveText('Finished', { timeout: 30_000 });
  expect(await cachedModelEntries(page)).toContain('webllm/model tensor-cache.json');
});

test('a shard with flipped bytes fails its md5sum, is not kept, and the run is not Finished', async ({ page }) => {
  await injectFault('params_shard_8', 'corrupt');
  await page.getByTestId('run').click();
  const target = pane(page, MODEL.id);
  const error = target.getByTestId('pane-error');
  await expect(error).toContainText('A downloaded model file was damaged', { timeout: 20_000 });
  await expect(error).toContainText('params_shard_8.bin from 127.0.0.1:4312 arrived damaged: its MD5 checksum is');
  await expect(target.getByTestId('pane-status')).toHaveText('Error');
  expect(await cachedModelEntries(page)).toEqual(['webllm/config mlc-chat-config.json', 'webllm/model tensor-cache.json']);

  await clearFaults();
  await error.getByTestId('error-action').click();
  await expect(target.getByTestId('pane-status')).toHaveText('Finished', { timeout: 30_000 });
});

test('a bad config stays out of the cache, and a bad one already cached is removed', async ({ page }) => {
  await injectFault('mlc-chat-config.json', 'config', { context_window_size: -1, prefill_chunk_size: 0, tokenizer_files: null });
  await page.getByTestId('run').click();
  const target = pane(page, MODEL.id);
  const error = target.getByTestId('pane-error');
  await expect(error).toContainText('A model file is not usable', { timeout: 20_000 });
  await expect(error).toContainText('mlc-chat-config.json from 127.0.0.1:4312 cannot be used: tokenizer_files must be a list of file names');
  expect(await cachedModelEntries(page)).toEqual([]);

  // A bad copy stored earlier (by an older version, or by hand) is found and removed before use.
  await clearFaults();
  await page.evaluate(async (url) => {
    const cache = await caches.open('webllm/config');
    await cache.put(url, new Response('{"context_window_size": -1}', { headers: { 'content-type': 'application/json' } }));
  }, `${SYNTH_FOLDER}mlc-chat-config.json`);
  expect(await cachedModelEntries(page)).toEqual(['webllm/config mlc-chat-config.json']);
  await error.getByTestId('error-action').click();
  await expect.poll(() => cachedModelEntries(page), { timeout: 20_000 }).toEqual([]);
  await expect(error).toContainText('mlc-chat-config.json from 127.0.0.1:4312 cannot be used: tokenizer_files must be a list of file names');
  await error.getByTestId('error-action').click();
  await expect(target.getByTestId('pane-status')).toHaveText('Finished', { timeout: 30_000 });
});
