import { expect, test } from '@playwright/test';
import { openApp, pane, typePrompt } from '../support/lineup';

// The installed app works without a network: the service worker (vite-plugin-pwa, registered in
// production builds) precaches the app shell and the engine worker chunk, and the weights come
// from the engine's own Cache API storage (the scripted engine stores them like web-llm does).

/** Every URL in the service worker's precache, and every URL in the engine's model cache. */
async function cachedUrls(page: import('@playwright/test').Page) {
  return page.evaluate(async () => {
    const out: { precache: string[]; models: string[] } = { precache: [], models: [] };
    for (const name of await caches.keys()) {
      const urls = (await (await caches.open(name)).keys()).map((request) => request.url);
      if (name.startsWith('workbox-precache')) out.precache.push(...urls);
      else if (name.startsWith('webllm/')) out.models.push(...urls);
    }
    return out;
  });
}

test('after one visit the app reloads and runs cached models offline', async ({ page, context }) => {
  await openApp(page);
  await typePrompt(page, 'works offline');
  await page.getByTestId('run').click();
  const ids = await page.getByTestId('pane').evaluateAll((nodes) => nodes.map((node) => node.getAttribute('data-model-id')!));
  expect(ids).toHaveLength(2);
  for (const id of ids) await expect(pane(page, id).getByTestId('pane-status')).toHaveText('Finished');

  // clientsClaim: the first visit is controlled once the precache is installed, no reload needed.
  await page.waitForFunction(() => Boolean(navigator.serviceWorker?.controller), undefined, { timeout: 30_000 });
  const cached = await cachedUrls(page);
  expect(cached.precache.some((url) => /\/assets\/engine\.worker-[\w-]+\.js/.test(url)), 'engine chunk precached').toBe(true);
  // Weights stay in the engine's cache only: the service worker keeps no second copy.
  expect(cached.models.length).toBeGreaterThan(0);
  expect(cached.precache.filter((url) => /fake-models|fake-libs|\/resolve\//.test(url))).toEqual([]);

  await context.setOffline(true);
  await page.reload();
  await expect(page.getByTestId('gpu-status')).not.toHaveAttribute('data-available', 'checking');
  await expect(page.locator('main')).toHaveAttribute('data-restored', 'true');
  await expect(page.getByTestId('prompt-input')).toHaveValue('works offline');
  // Really offline: a request the service worker does not answer from its cache fails.
  // (navigator.onLine is not asserted: Chromium 150 reports true after a reload under emulation.)
  const network = await page.evaluate(() => fetch(`/not-cached-${Date.now()}.json`).then(() => 'reached', () => 'failed'));
  expect(network).toBe('failed');

  await page.getByTestId('run').click();
  for (const id of ids) {
    await expect(pane(page, id).getByTestId('pane-status')).toHaveText('Finished');
    await expect(pane(page, id).getByTestId('pane-output')).toContainText('works offline');
    await expect(pane(page, id).locator('[data-metric="load"] .plain')).toHaveText('Load time (from cache)');
  }
  await context.setOffline(false);
});
