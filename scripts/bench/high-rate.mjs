// The high-rate half of `npm run bench`: does the page keep up with a fast GPU? The scripted
// engine (LINEUP_ENGINE=fake build) streams 4 panes in parallel, each at 300 tokens/s of
// markdown-heavy text for 20 s, five times in a row. Watched from outside, as the real-engine
// half is: a MutationObserver notes when each numbered token ("w17") reaches a pane's DOM, the
// scripted engine posts when it produced each token (BroadcastChannel, once per answer, after
// its last token), and Chrome's DevTools protocol gives main-thread task time and the heap.
//
// Lag is measured from the moment the engine produced a token in the worker, so it includes the
// worker's own batching (≤ 16 ms) as well as the trip to the page and the paint: stricter than
// "left the worker".
import { chromium } from '@playwright/test';

const CHROMIUM_ARGS = ['--headless=new', '--no-sandbox', '--enable-unsafe-webgpu', '--use-webgpu-adapter=swiftshader', '--enable-features=Vulkan', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];

/** Runs in the page before its scripts: observation only. */
function instrument() {
  const bench = { seen: {}, produced: {}, longTasks: [], lastMutation: 0 };
  window.__rate = bench;
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) bench.longTasks.push({ start: entry.startTime, duration: entry.duration });
  }).observe({ type: 'longtask', buffered: true });
  const channel = new BroadcastChannel('lineup-bench-rate');
  channel.onmessage = (event) => (bench.produced[event.data.weightsUrl] = event.data.producedAt);
  // Token numbers only ever enter a pane through a mutation: a node added (a rendered block, a
  // re-rendered tail, the plain text shown meanwhile) or a text node's data changed (words
  // appended to the tail). So the observer reads only what each mutation brought, not the pane:
  // reading the pane per mutation (even just its last 600 characters, walking text nodes
  // backwards with a filter called per node) made the observer itself ~10 % of the main thread,
  // measured, a cost that counted in the busy share. The numbers rise along the text, so the
  // highest one a node holds is near its end: its last `chars` characters are enough.
  const lastText = (root, chars) => {
    if (root.nodeType === 3) return root.data.slice(-chars);
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    let node = root;
    while (node.lastChild) node = node.lastChild;
    walker.currentNode = node;
    let text = node.nodeType === 3 ? node.data : '';
    while (text.length < chars && walker.previousNode()) text = walker.currentNode.data + text;
    return text.slice(-chars);
  };
  // A node counts once it is on the page, in a pane's output, and not in a previous answer that
  // the page is still removing, hidden meanwhile (`.md-discarded`, discard-in-slices.ts): those
  // numbers are not on screen and must not count as the new run's.
  const paneOf = (node) => {
    if (!node.isConnected) return null;
    const element = node.nodeType === 1 ? node : node.parentElement;
    if (!element || element.closest('.md-discarded')) return null;
    return element.closest('[data-testid="pane-output"]')?.closest('[data-testid="pane"]')?.dataset.modelId ?? null;
  };
  // Per pane: the highest token number in the DOM so far, and when each number first got there.
  const highest = new Map();
  const observer = new MutationObserver((mutations) => {
    const now = performance.timeOrigin + performance.now();
    const found = new Map();
    const read = (node) => {
      if (node.nodeType !== 1 && node.nodeType !== 3) return;
      const id = paneOf(node);
      if (!id) return;
      let max = found.get(id) ?? -1;
      for (const match of lastText(node, 600).matchAll(/w(\d+)/g)) max = Math.max(max, Number(match[1]));
      found.set(id, max);
    };
    for (const mutation of mutations) {
      if (mutation.type === 'characterData') read(mutation.target);
      else for (const node of mutation.addedNodes) read(node);
    }
    if (found.size > 0) bench.lastMutation = performance.now(); // something changed in a pane's output
    for (const [id, max] of found) {
      const before = highest.get(id) ?? -1;
      if (max <= before) continue;
      const seen = (bench.seen[id] ??= []);
      for (let n = before + 1; n <= max; n++) seen[n] = now;
      highest.set(id, max);
    }
  });
  bench.reset = () => {
    highest.clear();
    bench.seen = {};
    bench.produced = {};
    bench.longTasks = [];
  };
  document.addEventListener('DOMContentLoaded', () => observer.observe(document.body, { subtree: true, childList: true, characterData: true }));
}

const percentile = (sorted, p) => (sorted.length ? sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] : Number.NaN);

export const launchBenchBrowser = () => chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: CHROMIUM_ARGS });

/** The app with `panes` scripted fast models in its line-up, parallel mode on, a prompt typed. */
export async function openHighRatePage(browser, { appUrl, panes = 4, rate = 300, seconds = 20 }) {
  const page = await browser.newPage({ viewport: { width: 1600, height: 1000 } });
  await page.addInitScript(instrument);
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Performance.enable');
  await page.goto(appUrl);
  await page.locator('main[data-restored="true"]').waitFor();
  const remove = page.getByTestId('pane-remove');
  while ((await remove.count()) > 0) await remove.first().click();
  const origin = new URL(appUrl).origin;
  await page.getByTestId('catalog-open').click(); // the catalog is a dialog
  for (let i = 0; i < panes; i++) {
    await page.getByTestId('tab-custom').click();
    await page.getByTestId('custom-weights-url').fill(`${origin}/fake-models/rate${rate}x${seconds}/pane${i}/resolve/main/`);
    await page.getByTestId('custom-library-url').fill(`${origin}/fake-libs/model-webgpu.wasm`);
    await page.getByTestId('custom-model-id').fill(`fast-${i}`);
    await page.getByTestId('custom-add').click();
  }
  await page.getByTestId('catalog-close').click();
  await page.getByText('System prompt and settings').click();
  await page.getByTestId('parallel-toggle').check();
  await page.getByTestId('prompt-input').fill('Stream as fast as a big GPU would.');
  return { page, cdp };
}

/** Run and wait until all `panes` say Finished. */
export async function runToTheEnd(page, { panes = 4, seconds = 20 }) {
  await page.getByTestId('run').click();
  // On SwiftShader the app asks first whether to run on a software GPU: yes (the engine is scripted).
  await page.waitForFunction(() => document.querySelector('[data-testid="software-confirm-run"]') || [...document.querySelectorAll('[data-testid="pane"]')].some((pane) => !['idle', 'ready'].includes(pane.dataset.status)));
  const confirm = page.getByTestId('software-confirm-run');
  if (await confirm.isVisible()) await confirm.click();
  await page.waitForFunction((count) => [...document.querySelectorAll('[data-testid="pane-status"]')].filter((node) => node.textContent === 'Finished').length === count, panes, { timeout: (seconds + 60) * 1000, polling: 500 });
}

export async function measureHighRate({ appUrl, panes = 4, rate = 300, seconds = 20, runs = 5, log }) {
  const browser = await launchBenchBrowser();
  try {
    const { page, cdp } = await openHighRatePage(browser, { appUrl, panes, rate, seconds });
    const heap = async () => {
      await cdp.send('HeapProfiler.collectGarbage');
      return (await cdp.send('Runtime.getHeapUsage')).usedSize;
    };
    const taskSeconds = async () => (await cdp.send('Performance.getMetrics')).metrics.find((metric) => metric.name === 'TaskDuration').value;

    const results = [];
    let heapBefore = null;
    // Run 0 loads the four models and the markdown renderer: a warm-up, not counted; the heap is
    // measured after it (garbage collected), then after the `runs` measured runs.
    for (let run = 0; run <= runs; run++) {
      // The previous answer may still be getting its last formatting (the page formats the end of
      // an answer out of view in batches, streamed-markdown.ts): its token numbers landing after
      // the reset would count as this run's, seen before they were produced. So let it settle.
      await page.waitForFunction(() => performance.now() - window.__rate.lastMutation > 500, null, { polling: 100 });
      await page.evaluate(() => window.__rate.reset());
      const wallStart = Date.now();
      const taskStart = await taskSeconds();
      await runToTheEnd(page, { panes, seconds });
      const busy = (await taskSeconds()) - taskStart;
      const wall = (Date.now() - wallStart) / 1000;
      await page.waitForFunction((count) => Object.keys(window.__rate.produced).length === count, panes, { timeout: 10_000 });
      const observed = await page.evaluate(() => {
        const { seen, produced, longTasks } = window.__rate;
        const panesSeen = [...document.querySelectorAll('[data-testid="pane"]')].map((pane) => {
          const id = pane.dataset.modelId;
          const text = pane.querySelector('[data-testid="pane-output"]')?.textContent ?? '';
          const shown = new Set([...text.matchAll(/w(\d+)/g)].map((match) => match[1])).size;
          const url = Object.keys(produced).find((key) => key.includes(`/pane${id.slice('fast-'.length)}/`));
          const times = produced[url] ?? [];
          const lags = times.map((at, n) => (seen[id]?.[n] ?? Number.NaN) - at).filter(Number.isFinite);
          return { id, shown, produced: times.length, lags };
        });
        return { panesSeen, longest: Math.max(0, ...longTasks.map((task) => task.duration)) };
      });
      const lags = observed.panesSeen.flatMap((pane) => pane.lags).sort((a, b) => a - b);
      const shown = observed.panesSeen.reduce((sum, pane) => sum + pane.shown, 0);
      const produced = observed.panesSeen.reduce((sum, pane) => sum + pane.produced, 0);
      const result = { run, shown, produced, lagP95: percentile(lags, 95), lagMedian: percentile(lags, 50), lagged: lags.length, busyShare: busy / wall, longest: observed.longest };
      if (run > 0) results.push(result);
      log(`  high-rate run ${run === 0 ? '0 (warm-up, loads the models)' : run}: ${shown}/${produced} tokens on screen, lag median ${result.lagMedian.toFixed(1)} ms, p95 ${result.lagP95.toFixed(1)} ms (${lags.length} tokens timed), main thread busy ${(result.busyShare * 100).toFixed(1)} % of ${wall.toFixed(1)} s, longest task ${observed.longest ? `${observed.longest.toFixed(0)} ms` : 'none >= 50 ms'}`);
      if (run === 0) heapBefore = await heap();
    }
    const heapAfter = await heap();
    return { results, heapGrowthBytes: heapAfter - heapBefore, heapBefore, heapAfter };
  } finally {
    await browser.close();
  }
}
