import { expect, test, type BrowserContext, type Page } from '@playwright/test';
import { addCustomModel, clearLineup, openApp, pane, typePrompt } from '../support/lineup';
import { FAKE_CONFIG, FAKE_SHARDS } from '../support/fake-model-folder';

// "Download models from": the scripted engine downloads a "/real-files/" model's config, manifest,
// smallest shard and library for real (tests/fake/fake-webllm.ts), from whatever host its URLs
// name. Playwright routes stand in for the four public hosts (they also answer the engine
// worker's requests), so each source's requests are seen exactly, with the page's real
// Content-Security-Policy in force: a host the policy did not list would never reach a route.

const ID = 'source-test-q4f32_1';
const MODEL = {
  id: ID,
  weightsUrl: 'https://huggingface.co/lineup-test/real-files/resolve/main/',
  libraryUrl: 'https://raw.githubusercontent.com/lineup-test/libs/main/real-files-webgpu.wasm',
};
/** Each stand-in serves the same files under its own layout. */
const HOSTS = {
  huggingface: { origin: 'https://huggingface.co', folder: '/lineup-test/real-files/resolve/main/' },
  'hf-mirror': { origin: 'https://hf-mirror.com', folder: '/lineup-test/real-files/resolve/main/' },
  github: { origin: 'https://raw.githubusercontent.com', library: '/lineup-test/libs/main/real-files-webgpu.wasm' },
  jsdelivr: { origin: 'https://cdn.jsdelivr.net', library: '/gh/lineup-test/libs@main/real-files-webgpu.wasm' },
} as const;
type Host = keyof typeof HOSTS;

const FILES: Record<string, Buffer> = {
  'mlc-chat-config.json': Buffer.from(JSON.stringify(FAKE_CONFIG)),
  'tensor-cache.json': Buffer.from(JSON.stringify({ metadata: {}, records: Object.entries(FAKE_SHARDS).map(([dataPath, nbytes]) => ({ dataPath, nbytes, records: [] })) })),
  'tokenizer.json': Buffer.from(JSON.stringify({ model: { vocab: {} } })),
  ...Object.fromEntries(Object.entries(FAKE_SHARDS).map(([name, size]) => [name, Buffer.alloc(size, name.length)])),
};
const LIBRARY = Buffer.from([0, 97, 115, 109, 1, 0, 0, 0]);

interface StandIns {
  /** Paths requested from each host, in order. */
  requests: Record<Host, string[]>;
  /** Hosts that answer 503 (a blocked or broken source). */
  failing: Set<Host>;
}

async function standIn(context: BrowserContext): Promise<StandIns> {
  const stand: StandIns = { requests: { huggingface: [], 'hf-mirror': [], github: [], jsdelivr: [] }, failing: new Set() };
  for (const [host, layout] of Object.entries(HOSTS) as Array<[Host, (typeof HOSTS)[Host]]>) {
    await context.route(`${layout.origin}/**`, (route) => {
      const path = new URL(route.request().url()).pathname;
      stand.requests[host].push(path);
      const headers = { 'access-control-allow-origin': '*' };
      if (stand.failing.has(host)) return route.fulfill({ status: 503, headers, body: 'unavailable' });
      const name = 'folder' in layout && path.startsWith(layout.folder) ? path.slice(layout.folder.length) : null;
      const body = 'library' in layout && path === layout.library ? LIBRARY : name !== null ? FILES[name] : undefined;
      if (!body) return route.fulfill({ status: 404, headers, body: 'not found' });
      const type = path.endsWith('.json') ? 'application/json' : path.endsWith('.wasm') ? 'application/wasm' : 'application/octet-stream';
      return route.fulfill({ status: 200, headers: { ...headers, 'content-type': type, 'content-length': String(body.length) }, body });
    });
  }
  return stand;
}

const total = (stand: StandIns) => Object.values(stand.requests).reduce((sum, list) => sum + list.length, 0);
const clear = (stand: StandIns) => Object.values(stand.requests).forEach((list) => list.splice(0));

async function openStorage(page: Page) {
  const panel = page.getByTestId('storage-panel');
  if ((await panel.getAttribute('open')) === null) await panel.locator('summary').click();
  await expect(panel.getByTestId('download-source')).toBeVisible();
  return panel;
}

async function chooseSources(page: Page, weights: string, library: string) {
  const panel = await openStorage(page);
  await panel.getByTestId('source-weights').selectOption(weights);
  await panel.getByTestId('source-library').selectOption(library);
}

async function runModel(page: Page, prompt: string) {
  await typePrompt(page, prompt);
  await page.getByTestId('run').click();
  // SwiftShader is a software adapter: Run asks once per session before going ahead.
  const anyway = page.getByRole('button', { name: 'Run anyway' });
  await anyway.waitFor({ state: 'visible', timeout: 1500 }).then(() => anyway.click(), () => undefined);
}

/** The setting as saved in preferences (idb-keyval's default store). */
function storedSourceChoice(page: Page): Promise<unknown> {
  return page.evaluate(
    () =>
      new Promise((resolve) => {
        const open = indexedDB.open('keyval-store');
        open.onsuccess = () => {
          const get = open.result.transaction('keyval').objectStore('keyval').get('lineup:preferences');
          get.onsuccess = () => resolve((get.result as { downloadSource?: unknown } | undefined)?.downloadSource ?? null);
          get.onerror = () => resolve(null);
        };
        open.onerror = () => resolve(null);
      }),
  );
}

async function setUp(page: Page) {
  await openApp(page);
  await clearLineup(page);
  await addCustomModel(page, MODEL);
}

test('the page may connect only to the download sources, and the setting moves every download to the chosen ones', async ({ page, context }) => {
  const stand = await standIn(context);
  await openApp(page);
  const policy = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
  const connect = policy!.split('; ').find((part) => part.startsWith('connect-src '));
  // Exactly the setting's hosts (Hugging Face with its CDNs, hf-mirror.com, GitHub, jsDelivr);
  // 127.0.0.1:* is the test build's local servers (never in a user build).
  expect(connect).toBe(
    "connect-src 'self' data: blob: https://huggingface.co https://*.huggingface.co https://*.hf.co https://hf-mirror.com https://*.hf-mirror.com https://raw.githubusercontent.com https://cdn.jsdelivr.net http://127.0.0.1:*",
  );

  await clearLineup(page);
  await addCustomModel(page, MODEL);
  await chooseSources(page, 'hf-mirror', 'jsdelivr');
  await expect(page.getByTestId('storage-source-summary')).toHaveText('downloads from hf-mirror.com (weights) and jsDelivr (libraries)');
  await runModel(page, 'Which host?');
  await expect(pane(page, ID).getByTestId('pane-status')).toHaveText('Finished');
  await expect(pane(page, ID).getByTestId('pane-output')).toContainText('Which host?');

  const folder = HOSTS['hf-mirror'].folder;
  expect(stand.requests['hf-mirror']).toEqual(expect.arrayContaining([`${folder}mlc-chat-config.json`, `${folder}tensor-cache.json`, `${folder}params_shard_1.bin`]));
  expect(stand.requests.jsdelivr).toEqual([HOSTS.jsdelivr.library]);
  expect(stand.requests.huggingface).toEqual([]);
  expect(stand.requests.github).toEqual([]);

  // Stored under the URLs it came from; the storage panel says from where.
  const stored = await page.evaluate(async () => [
    ...(await (await caches.open('webllm/model')).keys()).map((request) => request.url),
    ...(await (await caches.open('webllm/wasm')).keys()).map((request) => request.url),
  ]);
  expect(stored).toEqual(expect.arrayContaining([`https://hf-mirror.com${folder}params_shard_1.bin`, `https://cdn.jsdelivr.net${HOSTS.jsdelivr.library}`]));
  const panel = await openStorage(page);
  await expect(panel.getByTestId('cached-model').filter({ hasText: ID }).first()).toContainText('from hf-mirror.com');
});

test('a model downloaded from one source loads from the cache after the setting changes, with no request to the new source', async ({ page, context }) => {
  const stand = await standIn(context);
  await setUp(page);
  await runModel(page, 'First from Hugging Face');
  await expect(pane(page, ID).getByTestId('pane-status')).toHaveText('Finished');
  expect(stand.requests.huggingface.length).toBeGreaterThanOrEqual(3);
  expect(stand.requests.github).toEqual([HOSTS.github.library]);

  await chooseSources(page, 'hf-mirror', 'jsdelivr');
  // The choice is remembered (preferences, saved a moment after a change): after a reload it is still the mirrors.
  await expect.poll(() => storedSourceChoice(page)).toEqual({ weights: 'hf-mirror', library: 'jsdelivr' });
  await page.reload();
  await expect(page.locator('main')).toHaveAttribute('data-restored', 'true');
  await expect(page.getByTestId('storage-source-summary')).toHaveText('downloads from hf-mirror.com (weights) and jsDelivr (libraries)');
  clear(stand);
  await runModel(page, 'Then from the cache');
  await expect(pane(page, ID).getByTestId('pane-status')).toHaveText('Finished');
  await expect(pane(page, ID).getByTestId('pane-output')).toContainText('Then from the cache');
  expect(stand.requests).toEqual({ huggingface: [], 'hf-mirror': [], github: [], jsdelivr: [] });
  // And nothing was stored a second time under the new source's URLs.
  const mirrored = await page.evaluate(async () =>
    [...(await (await caches.open('webllm/model')).keys()), ...(await (await caches.open('webllm/wasm')).keys())].map((request) => request.url).filter((url) => /hf-mirror\.com|jsdelivr/.test(url)),
  );
  expect(mirrored).toEqual([]);
});

test('a download that fails on one source offers the others, and one click downloads from the next', async ({ page, context }) => {
  const stand = await standIn(context);
  stand.failing.add('hf-mirror');
  stand.failing.add('jsdelivr');
  await setUp(page);
  await chooseSources(page, 'hf-mirror', 'jsdelivr');
  await runModel(page, 'Blocked source');
  const error = pane(page, ID).getByTestId('pane-error');
  await expect(error).toBeVisible();
  await expect(error).toContainText('hf-mirror.com');
  const other = error.locator('[data-action="try-other-source"]');
  await expect(other).toHaveText('Download from another source');
  expect(total(stand)).toBeGreaterThan(0);
  expect(stand.requests.huggingface).toEqual([]);

  await other.click();
  await expect(pane(page, ID).getByTestId('pane-status')).toHaveText('Finished');
  await expect(page.getByTestId('storage-source-summary')).toHaveText('downloads from Hugging Face (weights) and GitHub (libraries)');
  expect(stand.requests.huggingface).toEqual(expect.arrayContaining([`${HOSTS.huggingface.folder}params_shard_1.bin`]));
  expect(stand.requests.github).toEqual([HOSTS.github.library]);
  await expect(page.getByTestId('source-notice')).toContainText('Now downloading from Hugging Face (weights) and GitHub (libraries)');
});
