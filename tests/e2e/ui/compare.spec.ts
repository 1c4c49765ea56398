import { expect, test } from '@playwright/test';
import { addCustomModel, clearLineup, fakeModel, metric, openApp, openCatalog, pane, typePrompt } from '../support/lineup';

// The `ui` project serves a build whose worker runs the scripted engine in tests/fake, so these
// flows exercise the real worker, protocol, state machine and components in seconds.


test('reports the GPU and starts with two recommended models that fit it', async ({ page }) => {
  await openApp(page);
  await expect(page.getByTestId('gpu-adapter')).not.toBeEmpty();
  // SwiftShader has no shader-f16, so the defaults must be the q4f32 builds.
  await expect(page.getByTestId('gpu-f16')).toHaveText('no');
  const panes = page.getByTestId('pane');
  await expect(panes).toHaveCount(2);
  for (const id of await panes.evaluateAll((nodes) => nodes.map((node) => node.getAttribute('data-model-id')))) {
    expect(id).toContain('q4f32');
  }
});

test('runs one prompt through two models: streamed markdown, metrics and chart', async ({ page }) => {
  // web-llm lives only in the worker chunk: opening the page must not download it.
  const engineRequests: string[] = [];
  page.on('request', (request) => {
    if (/engine\.worker/.test(request.url())) engineRequests.push(request.url());
  });
  await openApp(page);
  await expect(page.getByTestId('pane')).toHaveCount(2);
  expect(engineRequests, 'engine chunk requested before Run').toEqual([]);
  await typePrompt(page, 'Name a **primary** colour');
  await page.getByTestId('run').click();

  const panes = page.getByTestId('pane');
  const ids = await panes.evaluateAll((nodes) => nodes.map((node) => node.getAttribute('data-model-id')!));
  for (const id of ids) {
    await expect(pane(page, id).getByTestId('pane-status')).toHaveText('Finished');
    const output = pane(page, id).getByTestId('pane-output');
    await expect(output).toContainText(`${id} says: Name a primary colour`);
    await expect(output.locator('strong', { hasText: 'primary' })).toBeVisible(); // markdown rendered
    await expect(output.locator('li')).toHaveCount(2);
    expect(await metric(page, id, 'decode')).toMatch(/^\d+(\.\d+)? tok\/s$/);
    expect(await metric(page, id, 'ttft-engine')).toMatch(/ms|s$/);
    expect(await metric(page, id, 'load')).toMatch(/ms|s/);
    await expect(pane(page, id).locator('[data-metric="load"] .plain')).toHaveText('Load time (downloaded)');
  }
  const chartValues = page.getByTestId('chart-values').locator('li');
  await expect(chartValues).toHaveCount(2);
  await expect(chartValues.first()).toContainText('tok/s');
});

test('model output is sanitised: no script, handler or javascript: link survives', async ({ page }) => {
  await openApp(page);
  await typePrompt(page, 'x <img src=x onerror="window.__pwned=1"> <script>window.__pwned=2</script> [click](javascript:window.__pwned=3)');
  await page.getByTestId('run').click();
  const output = page.getByTestId('pane-output').first();
  await expect(output).toContainText('click');
  await expect(page.getByTestId('pane-status').first()).toHaveText('Finished');
  await expect(output.locator('img, script')).toHaveCount(0);
  await output.getByText('click').click();
  expect(await page.evaluate(() => (window as { __pwned?: number }).__pwned)).toBeUndefined();
});

test('one model at a time by default: the next pane waits, and can be skipped', async ({ page }) => {
  await openApp(page);
  await clearLineup(page);
  await addCustomModel(page, fakeModel('slow', 'slow-a-q4f32_1'));
  await addCustomModel(page, fakeModel('slow', 'slow-b-q4f32_1'));
  await typePrompt(page, 'one two three four five six seven eight');
  await page.getByTestId('run').click();

  await expect(pane(page, 'slow-b-q4f32_1').getByTestId('pane-status')).toHaveText('Waiting for its turn');
  await pane(page, 'slow-b-q4f32_1').getByTestId('pane-stop').click(); // "Skip"
  await expect(pane(page, 'slow-a-q4f32_1').getByTestId('pane-status')).toHaveText('Finished', { timeout: 20_000 });
  await expect(pane(page, 'slow-b-q4f32_1').getByTestId('pane-output')).toHaveText('Output will appear here.');
  await expect(page.getByTestId('run')).toBeEnabled();
});

test('Stop halts a pane and keeps what it wrote; Cancel aborts a download', async ({ page }) => {
  await openApp(page);
  await clearLineup(page);
  await addCustomModel(page, fakeModel('slow', 'slow-c-q4f32_1'));
  await typePrompt(page, 'alpha beta gamma delta epsilon zeta eta theta iota kappa');

  // Cancel while downloading: a clear message, nothing else breaks.
  await page.getByTestId('run').click();
  const target = pane(page, 'slow-c-q4f32_1');
  await expect(target.getByTestId('load-progress')).toBeVisible();
  await target.getByRole('button', { name: 'Cancel' }).click();
  await expect(target.getByTestId('pane-error')).toContainText('Loading cancelled');
  await expect(page.getByTestId('run')).toBeEnabled();

  // Run again, then stop mid-answer.
  await page.getByTestId('run').click();
  await expect(target.getByTestId('pane-output')).toContainText('says:', { timeout: 20_000 });
  await target.getByTestId('pane-stop').click();
  await expect(target.getByTestId('pane-status')).toHaveText('Stopped');
  const text = await target.getByTestId('pane-output').innerText();
  expect(text).toContain('says:');
  expect(text).not.toContain('Done.');
});

test('a failed download explains itself and Try again works after', async ({ page }) => {
  await openApp(page);
  await clearLineup(page);
  await addCustomModel(page, fakeModel('fail-download', 'broken-q4f32_1'));
  await typePrompt(page, 'hello');
  await page.getByTestId('run').click();
  const error = pane(page, 'broken-q4f32_1').getByTestId('pane-error');
  await expect(error).toContainText('Download failed');
  await expect(error.getByRole('button', { name: 'Try again' })).toBeVisible();
});

test('a crashed engine worker is reported, replaced, and the next model still runs', async ({ page }) => {
  await openApp(page);
  await clearLineup(page);
  await addCustomModel(page, fakeModel('crash', 'crashy-q4f32_1'));
  await addCustomModel(page, fakeModel('fine', 'steady-q4f32_1'));
  await typePrompt(page, 'still here');
  await page.getByTestId('run').click();
  await expect(pane(page, 'crashy-q4f32_1').getByTestId('pane-error')).toContainText('The engine crashed');
  await expect(pane(page, 'steady-q4f32_1').getByTestId('pane-output')).toContainText('still here');
});

test('a lost GPU device is reported and the engine recovers for the next model', async ({ page }) => {
  await openApp(page);
  await clearLineup(page);
  await addCustomModel(page, fakeModel('device-lost', 'lost-q4f32_1'));
  await addCustomModel(page, fakeModel('fine', 'fine-q4f32_1'));
  await typePrompt(page, 'one two three four five six');
  await page.getByTestId('run').click();
  await expect(pane(page, 'lost-q4f32_1').getByTestId('pane-error')).toContainText('The GPU stopped responding');
  await expect(pane(page, 'fine-q4f32_1').getByTestId('pane-status')).toHaveText('Finished');
});

test('after a reload the line-up, prompt and cached weights are all still there', async ({ page }) => {
  await openApp(page);
  await typePrompt(page, 'remember me');
  await page.getByTestId('run').click();
  await expect(page.getByTestId('pane-status').nth(1)).toHaveText('Finished');
  const ids = await page.getByTestId('pane').evaluateAll((nodes) => nodes.map((node) => node.getAttribute('data-model-id')!));

  await page.reload();
  await expect(page.getByTestId('prompt-input')).toHaveValue('remember me');
  const idsAfter = await page.getByTestId('pane').evaluateAll((nodes) => nodes.map((node) => node.getAttribute('data-model-id')!));
  expect(idsAfter).toEqual(ids);
  await page.getByTestId('run').click();
  for (const id of ids) {
    await expect(pane(page, id).getByTestId('pane-status')).toHaveText('Finished');
    await expect(pane(page, id).locator('[data-metric="load"] .plain')).toHaveText('Load time (from cache)');
  }
});

test('without WebGPU the app explains what to do and Run stays off', async ({ page }) => {
  await page.addInitScript(() => {
    Object.defineProperty(Navigator.prototype, 'gpu', { get: () => undefined, configurable: true });
  });
  await page.goto('./');
  const status = page.getByTestId('gpu-status');
  await expect(status).toHaveAttribute('data-available', 'false');
  await expect(status).toContainText('This browser does not support WebGPU');
  await expect(status).toContainText('Chrome or Edge 113');
  await typePrompt(page, 'hello');
  await expect(page.getByTestId('run')).toBeDisabled();
  await expect(page.getByTestId('run-problem')).toHaveText('WebGPU is not available in this browser.');
  // The catalog is still there to browse: each card says it cannot run here, and the reason is
  // said once, at the top, instead of on every card.
  await expect(page.getByTestId('fit').first()).toContainText("Won't run here");
  await expect(page.getByTestId('fit').first()).not.toContainText('WebGPU is not available');
});

test('an invalid custom model URL gets a clear message and nothing is added', async ({ page }) => {
  await openApp(page);
  await openCatalog(page);
  await page.getByTestId('tab-custom').click();
  await page.getByTestId('custom-weights-url').fill('ftp://example.org/model');
  await page.getByTestId('custom-library-url').fill('https://example.org/model.bin');
  await page.getByTestId('custom-add').click();
  const problems = page.getByTestId('custom-model-problems');
  await expect(problems).toContainText('Weights URL must start with http:// or https://');
  await expect(problems).toContainText('.wasm');
  await expect(page.getByTestId('pane')).toHaveCount(2);
});

test('all models: search narrows the list; variants that cannot run say why', async ({ page }) => {
  await openApp(page);
  await openCatalog(page);
  await page.getByTestId('tab-all').click();
  const count = page.getByTestId('search-count');
  const total = Number((await count.innerText()).split(' ')[0]);
  await page.getByTestId('model-search').fill('smollm2');
  await expect(count).not.toHaveText(`${total} models`);
  const cards = page.getByTestId('all-list').getByTestId('model-card');
  await expect(cards.first()).toContainText('SmolLM2');

  // Switch a model to its f16 build: SwiftShader lacks shader-f16, so it is marked, not hidden.
  await page.getByTestId('model-search').fill('SmolLM2-360M');
  const card = cards.first();
  const f16 = await card.getByLabel('Variant').locator('option', { hasText: 'q4f16' }).first().getAttribute('value');
  await card.getByLabel('Variant').selectOption(f16!);
  await expect(card.getByTestId('fit')).toContainText('Needs shader-f16');
  await expect(card.getByTestId('model-toggle')).toBeDisabled();
});

test('a prompt longer than the context window is stopped before anything loads', async ({ page }) => {
  await openApp(page);
  await typePrompt(page, 'word '.repeat(6000));
  await expect(page.getByTestId('run')).toBeDisabled();
  await expect(page.getByTestId('run-problem')).toContainText('exceeds the smallest context window');
});

test('on a phone the panes stack vertically', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await openApp(page);
  const boxes = await page.getByTestId('pane').evaluateAll((nodes) => nodes.map((node) => node.getBoundingClientRect().toJSON()));
  expect(boxes).toHaveLength(2);
  expect(boxes[1].top).toBeGreaterThanOrEqual(boxes[0].bottom);
  expect(Math.abs(boxes[1].left - boxes[0].left)).toBeLessThan(2);
});
