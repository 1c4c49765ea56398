import { readdirSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { startForeignOrigin, type ForeignOrigin } from '../../support/foreign-origin';
import { addCustomModel, clearLineup, fakeModel, openApp, pane } from '../support/lineup';

// "Nothing you type leaves this device" must hold where prompts are processed: in the engine
// worker. The policy is a <meta> tag, which binds a worker only when the worker inherits it (a
// blob: worker does; one started from a same-origin URL would take its policy from response
// headers, i.e. none). The scripted engine's probe tries every channel from inside that worker.

let foreign: ForeignOrigin;
test.beforeEach(async () => {
  foreign = await startForeignOrigin();
});
test.afterEach(async () => {
  await foreign.close();
});

/** Every worker the page starts, by URL. */
function recordWorkers(page: Page): string[] {
  const urls: string[] = [];
  page.on('worker', (worker) => urls.push(worker.url()));
  return urls;
}

test('the engine worker cannot reach another host by any channel', async ({ page }) => {
  const workers = recordWorkers(page);
  await openApp(page);
  await clearLineup(page);
  await addCustomModel(page, fakeModel('probe-network', 'probe-q4f32_1'));
  await page.getByTestId('prompt-input').fill(`my secret prompt, sent to ${foreign.origin}`);
  await page.getByTestId('run').click();
  const target = pane(page, 'probe-q4f32_1');
  await expect(target.getByTestId('pane-status')).toHaveText('Finished', { timeout: 30_000 });

  const report = await target.getByTestId('pane-output').innerText();
  const outcomes = Object.fromEntries([...report.matchAll(/^(.+?) → (.+)$/gm)].map((match) => [match[1]!.trim(), match[2]!.trim()]));
  expect(outcomes).toEqual({
    fetch: 'blocked',
    XMLHttpRequest: 'blocked',
    WebSocket: 'blocked',
    EventSource: 'blocked',
    'import()': 'blocked',
    'Cache API add()': 'blocked',
    'nested Worker': 'blocked',
    // Not channels a module worker has: importScripts throws, sendBeacon is page-only.
    importScripts: 'unavailable',
    'navigator.sendBeacon': 'unavailable',
  });
  expect(foreign.hits, 'requests that reached the foreign server').toEqual([]);
  expect(workers.length).toBeGreaterThan(0);
  for (const url of workers) expect(url, 'workers inherit the page policy').toMatch(/^blob:/);
});

test('the benchmark starts its engine worker the same way', async ({ page }) => {
  const workers = recordWorkers(page);
  await openApp(page);
  await clearLineup(page);
  await addCustomModel(page, fakeModel('bench-policy', 'bench-policy-q4f32_1'));
  await page.getByTestId('mode-benchmark').click();
  await page.getByTestId('bench-runs').fill('1');
  await page.getByTestId('bench-start').click();
  await expect(page.getByTestId('bench-progress')).toContainText('Model 1 of 1');
  await expect.poll(() => workers.length).toBeGreaterThan(0);
  for (const url of workers) expect(url, 'workers inherit the page policy').toMatch(/^blob:/);
});

test('the engine worker refuses to run when started from its own URL (bound by no policy)', async ({ page }) => {
  await openApp(page);
  // The build this project serves (playwright.config.ts: dist-fake).
  const chunk = readdirSync('dist-fake/assets').find((file) => /^engine\.worker-[\w-]+\.js$/.test(file));
  expect(chunk).toBeDefined();
  const outcome = await page.evaluate(
    (url) =>
      new Promise<string>((resolve) => {
        const worker = new Worker(url, { type: 'module' });
        worker.onerror = (event) => resolve(`refused: ${event.message}`);
        worker.onmessage = () => resolve('answered');
        setTimeout(() => resolve('silent'), 5000);
      }),
    `./assets/${chunk}`,
  );
  expect(outcome).toContain('refused');
  expect(outcome).toContain('privacy policy');
});
