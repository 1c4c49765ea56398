import { expect, test } from '@playwright/test';
import { fixtureDir, fixturePresent, isCI, MODEL_ID, WASM_NAME } from '../../support/fixture.mjs';
import { addCustomModel, clearLineup, metric, openApp, pane, typePrompt } from '../support/lineup';

// The one end-to-end test with nothing faked: the app's own worker runs real web-llm (0.2.79,
// chosen in vite.config.ts) on WebGPU (SwiftShader, on the CPU), loading the synthetic Qwen2-0.5B
// weights from the local model server like it would from Hugging Face. SwiftShader decodes about
// one token every 12 s, so the answer is kept to a few tokens.

const MODEL_SERVER = 'http://127.0.0.1:4312';

async function shardRequests(): Promise<number> {
  const response = await fetch(`${MODEL_SERVER}/__control`);
  const { requests } = (await response.json()) as { requests: Record<string, number> };
  return Object.entries(requests)
    .filter(([path]) => path.includes('params_shard_'))
    .reduce((sum, [, count]) => sum + count, 0);
}

async function failNext(path: string, status: number): Promise<void> {
  await fetch(`${MODEL_SERVER}/__control`, {
    method: 'POST',
    body: JSON.stringify({ failNext: { path, status, times: 1 } }),
  });
}

function tokensPerSecond(text: string): number {
  const match = /^([\d.]+) tok\/s$/.exec(text);
  return match ? Number(match[1]) : Number.NaN;
}

test.describe('real engine', () => {
  test.skip(
    !fixturePresent() && !isCI(),
    `WebLLM fixture not found at ${fixtureDir}; set LINEUP_FIXTURE_DIR to run the real-engine test`,
  );

  test('the app worker loads the synthetic Qwen2 via WebLLM, streams tokens with stats, then reloads it from cache and offline', async ({ page, context }) => {
    test.setTimeout(20 * 60_000);
    expect(fixturePresent(), `CI must have the fixture at ${fixtureDir}`).toBe(true);

    // Privacy: every request the page and its workers make must stay on this machine.
    const foreign: string[] = [];
    context.on('request', (request) => {
      const url = new URL(request.url());
      if (url.protocol.startsWith('http') && url.hostname !== '127.0.0.1') foreign.push(request.url());
    });
    // …and the worker web-llm runs in is started from blob:, so the page's policy binds it too.
    const workers: string[] = [];
    page.on('worker', (worker) => workers.push(worker.url()));

    await openApp(page);
    await expect(page.getByTestId('gpu-status')).toHaveAttribute('data-available', 'true');
    await clearLineup(page);
    await addCustomModel(page, {
      weightsUrl: `${MODEL_SERVER}/models/synth/resolve/main/`,
      libraryUrl: `${MODEL_SERVER}/libs/${WASM_NAME}`,
      id: MODEL_ID,
      contextWindow: 1024,
    });
    await typePrompt(page, 'Hi', 3);
    const target = pane(page, MODEL_ID);

    // A download that breaks mid-way (HTTP 500 on one weight shard) is reported, and retried.
    await failNext('params_shard_3', 500);
    await page.getByTestId('run').click();
    await expect(target.getByTestId('pane-error')).toContainText('Download failed', { timeout: 120_000 });
    await target.getByTestId('error-action').click(); // "Try again"

    // A real download first: the progress bar shows bytes from the local model server.
    await expect(target.getByTestId('load-progress')).toBeVisible({ timeout: 60_000 });
    await expect(target.getByTestId('pane-status')).toHaveText('Generating', { timeout: 5 * 60_000 });
    await expect(target.getByTestId('pane-status')).toHaveText('Finished', { timeout: 8 * 60_000 });
    await expect(target.getByTestId('pane-error')).toHaveCount(0);

    const output = (await target.getByTestId('pane-output').innerText()).trim();
    expect(output.length, 'streamed text in the pane').toBeGreaterThan(0);
    const tokens = await metric(page, MODEL_ID, 'tokens');
    const generated = Number(tokens.split('→')[1]?.trim());
    expect(generated, `generated tokens (${tokens})`).toBeGreaterThanOrEqual(2);
    expect(tokensPerSecond(await metric(page, MODEL_ID, 'decode'))).toBeGreaterThan(0);
    expect(tokensPerSecond(await metric(page, MODEL_ID, 'prefill'))).toBeGreaterThan(0);
    expect(await metric(page, MODEL_ID, 'ttft-engine')).toMatch(/^\d[\d.]* (ms|s)$|min/);
    expect(await metric(page, MODEL_ID, 'ttft-screen')).toMatch(/^\d[\d.]* (ms|s)$|min/);
    await expect(target.locator('[data-metric="load"] .plain')).toHaveText('Load time (downloaded)');
    const downloaded = await shardRequests();
    expect(downloaded, 'weight shards fetched from the model server').toBeGreaterThan(0);

    // Reload: the weights come from the browser cache, not the network.
    await page.reload();
    await expect(pane(page, MODEL_ID)).toBeVisible();
    await typePrompt(page, 'Hi', 1);
    await page.getByTestId('run').click();
    await expect(pane(page, MODEL_ID).getByTestId('pane-status')).toHaveText('Finished', { timeout: 8 * 60_000 });
    await expect(pane(page, MODEL_ID).locator('[data-metric="load"] .plain')).toHaveText('Load time (from cache)');
    expect(await shardRequests(), 'no shard downloaded twice').toBe(downloaded);

    // Offline: the service worker serves the app (engine chunk included), web-llm's cache the model.
    await page.waitForFunction(() => Boolean(navigator.serviceWorker?.controller), undefined, { timeout: 60_000 });
    await context.setOffline(true);
    await page.reload();
    await expect(page.locator('main')).toHaveAttribute('data-restored', 'true');
    await typePrompt(page, 'Hi', 1);
    await page.getByTestId('run').click();
    await expect(pane(page, MODEL_ID).getByTestId('pane-status')).toHaveText('Finished', { timeout: 8 * 60_000 });
    await expect(pane(page, MODEL_ID).getByTestId('pane-error')).toHaveCount(0);
    await expect(pane(page, MODEL_ID).locator('[data-metric="load"] .plain')).toHaveText('Load time (from cache)');
    await context.setOffline(false);

    expect(foreign, 'requests to hosts other than 127.0.0.1').toEqual([]);
    expect(workers.length, 'engine workers started').toBeGreaterThan(0);
    for (const url of workers) expect(url, 'the engine worker inherits the page policy').toMatch(/^blob:/);
  });

  test('a model host answering 404 gets a clear message, not a hang', async ({ page }) => {
    await openApp(page);
    await clearLineup(page);
    await addCustomModel(page, {
      weightsUrl: `${MODEL_SERVER}/models/missing/resolve/main/`,
      libraryUrl: `${MODEL_SERVER}/libs/${WASM_NAME}`,
      id: 'missing-model-q4f32_1',
    });
    await typePrompt(page, 'Hi', 2);
    await page.getByTestId('run').click();
    const error = pane(page, 'missing-model-q4f32_1').getByTestId('pane-error');
    await expect(error).toBeVisible({ timeout: 120_000 });
    await expect(error).toContainText('Download failed');
    await expect(error.getByTestId('error-action')).toHaveText('Try again');
    await expect(page.getByTestId('run')).toBeEnabled();
  });
});
