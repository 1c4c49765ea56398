// The real-engine half of `npm run bench`: the same synthetic Qwen2 model, the same request, run
// (a) through Lineup's UI (LINEUP_ENGINE=compat build: web-llm 0.2.79 in the app's worker) and
// (b) by web-llm 0.2.79 on a bare page (bench/), in one browser, turns interleaved so that a
// busy machine slows both sides alike. Each side loads the model once.
//
// Nothing is added to the app for this. The bench watches the app page from outside: a
// MutationObserver sees the Run click, the pane's status and the first output in the DOM; a
// PerformanceObserver collects long tasks; and a wrapper around `Worker` reads web-llm's usage
// figures (exact numbers, where the metrics table shows rounded ones) from the worker's replies.
import { chromium } from '@playwright/test';

// Same flags as playwright.config.ts (a .ts file Node cannot import): WebGPU on SwiftShader.
const CHROMIUM_ARGS = ['--headless=new', '--no-sandbox', '--enable-unsafe-webgpu', '--use-webgpu-adapter=swiftshader', '--enable-features=Vulkan', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];
const LONG = 20 * 60_000;

/** Runs in the app page before its scripts: observation only, invisible to the app. */
function instrument() {
  const bench = { events: [], longTasks: [] };
  window.__bench = bench;
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) bench.longTasks.push({ start: entry.startTime, duration: entry.duration });
  }).observe({ type: 'longtask', buffered: true });
  // Long animation frames name the scripts behind a long task: what to fix when the budget is missed.
  bench.frames = [];
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) {
      const scripts = entry.scripts.map((s) => `${s.invoker || s.sourceFunctionName || '?'} ${Math.round(s.duration)} ms`);
      bench.frames.push({ start: entry.startTime, duration: entry.duration, scripts });
    }
  }).observe({ type: 'long-animation-frame', buffered: true });
  const findUsage = (value, depth) => {
    if (!value || typeof value !== 'object' || depth > 4) return null;
    if ('decodeTokensPerSecond' in value && 'timeToFirstTokenSeconds' in value) return value;
    for (const key of Object.keys(value)) {
      const found = findUsage(value[key], depth + 1);
      if (found) return found;
    }
    return null;
  };
  const NativeWorker = window.Worker;
  window.Worker = class extends NativeWorker {
    constructor(...args) {
      super(...args);
      this.addEventListener('message', (event) => {
        const usage = findUsage(event.data, 0);
        if (usage) bench.events.push({ type: 'usage', at: performance.now(), usage });
      });
    }
  };
  // Control for a busy machine: while the app is idle, a 1 ms task every 50 ms. If one of those is
  // reported as a long task, the OS starved the page's thread (SwiftShader takes every core).
  let probe;
  bench.probe = (on) => {
    clearInterval(probe);
    if (on) probe = setInterval(() => { const t = performance.now(); while (performance.now() - t < 1); }, 50);
    return performance.now();
  };
  /** Status changes and the moment output first appears in one pane (a Markdown block mounts). */
  bench.watch = (pane) => {
    let status = pane.dataset.status;
    let shown = false;
    new MutationObserver(() => {
      if (pane.dataset.status !== status) {
        status = pane.dataset.status;
        bench.events.push({ type: 'status', status, at: performance.now() });
      }
      const now = pane.querySelector('[data-testid="pane-output"] .markdown, [data-testid="pane-output"] pre.plain') !== null;
      if (now && !shown) bench.events.push({ type: 'output', at: performance.now() });
      shown = now;
    }).observe(pane, { subtree: true, childList: true, characterData: true, attributes: true, attributeFilter: ['data-status'] });
  };
}

/**
 * @param {{ appUrl: string, bareUrl: string, model: { id: string, weightsUrl: string, libraryUrl: string, contextWindowSize: number }, request: { prompt: string, maxTokens: number, temperature: number, topP: number, seed: number }, log: (line: string) => void }} options
 */
export async function measureRealEngine({ appUrl, bareUrl, model, request, log }) {
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: CHROMIUM_ARGS });
  try {
    const app = await (await browser.newContext()).newPage();
    const bare = await (await browser.newContext()).newPage();
    await app.addInitScript(instrument);
    const appSide = await openApp(app, appUrl, model, request);
    await bare.goto(bareUrl);
    await bare.waitForFunction(() => 'bench' in window);

    const appRuns = [];
    const bareRuns = [];
    let idleLongest = 0; // longest task on the idle app page while the bare page generates
    log('app: Run 1 (downloads and compiles the model, then generates)…');
    appRuns.push(await appSide.run());
    log(`  decode ${appRuns[0].decode.toFixed(4)} tok/s, ${appRuns[0].tokens} tokens`);
    log('bare web-llm: load…');
    await bare.bringToFront();
    const bareLoadMs = await bare.evaluate((m) => window.bench.load(m), model);
    for (let round = 1; round <= 2; round++) {
      log(`bare web-llm: generate ${round}…`);
      await bare.bringToFront();
      const idleFrom = await app.evaluate(() => window.__bench.probe(true));
      bareRuns.push(await bare.evaluate((r) => window.bench.generate(r), request));
      const idleTo = await app.evaluate(() => window.__bench.probe(false));
      const tasks = await app.evaluate(() => window.__bench.longTasks);
      idleLongest = Math.max(idleLongest, ...tasks.filter((t) => t.start >= idleFrom && t.start < idleTo).map((t) => t.duration));
      log(`  decode ${bareRuns.at(-1).decodeTokensPerSecond.toFixed(4)} tok/s, ${bareRuns.at(-1).completionTokens} tokens`);
      if (round === 2) break;
      log('app: Run 2 (model already loaded: Run → first token is the pure app path)…');
      appRuns.push(await appSide.run());
      log(`  decode ${appRuns.at(-1).decode.toFixed(4)} tok/s, ${appRuns.at(-1).tokens} tokens`);
    }
    return { appRuns, bareRuns, bareLoadMs, idleLongest, visibility: await app.evaluate(() => document.visibilityState) };
  } finally {
    await browser.close();
  }
}

async function openApp(page, appUrl, model, request) {
  await page.goto(appUrl);
  await page.locator('main[data-restored="true"]').waitFor();
  while ((await page.getByTestId('pane-remove').count()) > 0) await page.getByTestId('pane-remove').first().click();
  await page.getByTestId('catalog-open').click(); // the catalog is a dialog
  await page.getByTestId('tab-custom').click();
  await page.getByTestId('custom-weights-url').fill(model.weightsUrl);
  await page.getByTestId('custom-library-url').fill(model.libraryUrl);
  await page.getByTestId('custom-model-id').fill(model.id);
  await page.getByTestId('custom-context').fill(String(model.contextWindowSize));
  await page.getByTestId('custom-add').click();
  await page.getByTestId('catalog-close').click();
  const pane = page.locator(`[data-testid="pane"][data-model-id="${model.id}"]`);
  await pane.waitFor();
  await page.getByTestId('prompt-input').fill(request.prompt);
  await page.getByText('System prompt and settings').click();
  await page.getByTestId('max-tokens-input').fill(String(request.maxTokens));
  await page.getByPlaceholder('random').fill(String(request.seed));
  // Parallel mode keeps the model loaded after a run, so Run 2 goes straight to generation.
  await page.getByTestId('parallel-toggle').check();
  await pane.evaluate((element) => window.__bench.watch(element));

  return {
    /** One Run through the UI; figures from the events the observers recorded during it. */
    async run() {
      await page.bringToFront();
      const from = await page.evaluate(() => {
        const at = performance.now();
        window.__bench.events.push({ type: 'click', at });
        document.querySelector('[data-testid="run"]').click();
        return at;
      });
      await page.waitForFunction((t) => window.__bench.events.some((e) => e.type === 'usage' && e.at > t), from, { timeout: LONG, polling: 1000 });
      await page.getByTestId('run').and(page.locator(':enabled')).waitFor({ timeout: LONG });
      const { events, longTasks, frames } = await page.evaluate((t) => ({
        events: window.__bench.events.filter((e) => e.at >= t),
        longTasks: window.__bench.longTasks,
        frames: window.__bench.frames,
      }), from);
      const at = (type, status) => events.find((e) => e.type === type && (status === undefined || e.status === status))?.at ?? null;
      const generating = at('status', 'generating');
      const output = at('output');
      const usage = events.find((e) => e.type === 'usage').usage;
      const end = events.filter((e) => e.type === 'status' && e.status !== 'generating' && e.at > (generating ?? Infinity))[0]?.at ?? Infinity;
      // While streaming: tasks that start once generation has started, up to the one that ends it.
      // The Run press itself (it starts generation) is reported on its own.
      const streaming = longTasks.filter((task) => task.start >= generating && task.start < end);
      const longest = streaming.reduce((max, task) => (task.duration > (max?.duration ?? 0) ? task : max), null);
      const press = longTasks.find((task) => task.start <= from && task.start + task.duration >= from);
      const loadedBefore = events.findIndex((e) => e.type === 'status' && /checking|downloading|compiling/.test(e.status)) === -1;
      return {
        loadedBefore,
        decode: usage.decodeTokensPerSecond,
        tokens: usage.completionTokens,
        ttftEngineMs: usage.timeToFirstTokenSeconds * 1000,
        // Run click → output in the DOM; only meaningful when nothing had to load first.
        clickToScreenMs: output === null ? null : output - from,
        generatingToScreenMs: output === null || generating === null ? null : output - generating,
        longestTaskMs: longest?.duration ?? 0,
        longestTask: longest ? describe(longest, generating, frames) : null,
        longTasks: streaming.length,
        runPress: press ? describe(press, generating, frames) : null,
      };
    },
  };
}

/** A long task, when it began relative to generation, and the scripts its animation frame names. */
function describe(task, generating, frames) {
  const frame = frames.find((f) => f.start <= task.start + 1 && f.start + f.duration >= task.start + task.duration - 1);
  const scripts = frame?.scripts.join(', ') || 'no script named (style, layout, GC or a starved thread)';
  return `${Math.round(task.duration)} ms at ${Math.round(task.start - generating)} ms from generation start; ${scripts}`;
}
