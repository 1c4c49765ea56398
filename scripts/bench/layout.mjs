// The layout half of `npm run bench`: does the first screen hold still, and is Run on it?
// The CPU is slowed 4× as in Lighthouse's mobile run. A first visit (fresh browser profile: nothing in IndexedDB, so the default line-up of two
// models) is opened at each viewport and watched from outside:
// - cumulative layout shift: a PerformanceObserver for 'layout-shift' entries, installed before
//   the page's own scripts, summed (entries right after input excluded, as the metric defines)
//   until the page has been quiet for QUIET_MS after restoring its line-up;
// - the Run button's box at that point, against the viewport (inside = top ≥ 0, bottom ≤ height);
// - the layout viewport (a phone zooms out when something is wider than the screen);
// - the elements that moved, for reading a missed budget.
import { chromium } from '@playwright/test';

const CHROMIUM_ARGS = ['--headless=new', '--no-sandbox', '--enable-unsafe-webgpu', '--use-webgpu-adapter=swiftshader', '--enable-features=Vulkan', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];

/**
 * Laptop and phone, the sizes the issue measured (Lighthouse's mobile CLS was 0.319), and the
 * phone again in a browser without WebGPU (as Lighthouse's own headless Chrome often is): the
 * GPU line then turns into the reason, which must not push the page down either.
 */
export const LAYOUT_VIEWPORTS = [
  { name: 'laptop 1440×900', width: 1440, height: 900, mobile: false, webgpu: true },
  { name: 'phone 390×844', width: 390, height: 844, mobile: true, webgpu: true },
  { name: 'phone, no WebGPU', width: 390, height: 844, mobile: true, webgpu: false },
];
const CPU_SLOWDOWN = 4;
/** Long enough for the GPU probe, the IndexedDB read-back and the lazily loaded parts. */
const QUIET_MS = 1500;

/** Runs in the page before its scripts: observation only. */
function instrument() {
  const shifts = [];
  window.__layout = { shifts };
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) {
      if (entry.hadRecentInput) continue;
      const sources = (entry.sources ?? []).map((source) => {
        const node = source.node;
        const name = node?.nodeType === 1 ? `${node.tagName.toLowerCase()}${node.dataset?.testid ? `[${node.dataset.testid}]` : ''}${node.className && typeof node.className === 'string' ? `.${node.className.split(' ')[0]}` : ''}` : node ? '#text' : '(gone)';
        return `${name} ${Math.round(source.previousRect.y)}→${Math.round(source.currentRect.y)}`;
      });
      shifts.push({ at: entry.startTime, value: entry.value, sources });
    }
  }).observe({ type: 'layout-shift', buffered: true });
}

/** One first visit at one viewport. */
async function firstVisit(browser, appUrl, viewport) {
  const context = await browser.newContext({ viewport: { width: viewport.width, height: viewport.height }, isMobile: viewport.mobile, hasTouch: viewport.mobile, deviceScaleFactor: 1 });
  try {
    const page = await context.newPage();
    await page.addInitScript(instrument);
    if (!viewport.webgpu) await page.addInitScript(() => Object.defineProperty(Navigator.prototype, 'gpu', { get: () => undefined, configurable: true }));
    // Lighthouse's mobile run slows the CPU 4×: late parts (GPU probe, read-back) land after paint.
    const cdp = await context.newCDPSession(page);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: CPU_SLOWDOWN });
    await page.goto(appUrl);
    await page.locator('main[data-restored="true"]').waitFor({ timeout: 60_000 });
    // Quiet: no new layout shift for QUIET_MS.
    let count = -1;
    for (;;) {
      const now = await page.evaluate(() => window.__layout.shifts.length);
      if (now === count) break;
      count = now;
      await page.waitForTimeout(QUIET_MS);
    }
    return await page.evaluate(() => {
      const shifts = window.__layout.shifts;
      const run = document.querySelector('[data-testid="run"]')?.getBoundingClientRect();
      const panes = document.querySelector('[data-testid="panes"]')?.getBoundingClientRect();
      return {
        cls: shifts.reduce((sum, shift) => sum + shift.value, 0),
        shifts,
        run: run ? { top: run.top, bottom: run.bottom } : null,
        panesTop: panes ? panes.top : null,
        height: window.innerHeight,
        width: window.innerWidth,
      };
    });
  } finally {
    await context.close();
  }
}

/**
 * @param {{ appUrl: string, log: (line: string) => void }} options
 * @returns {Promise<Array<{ viewport: typeof LAYOUT_VIEWPORTS[number], cls: number, run: { top: number, bottom: number } | null, height: number, panesTop: number | null }>>}
 */
export async function measureLayout({ appUrl, log }) {
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: CHROMIUM_ARGS });
  try {
    const results = [];
    for (const viewport of LAYOUT_VIEWPORTS) {
      const result = await firstVisit(browser, appUrl, viewport);
      const run = result.run ? `Run at y ${Math.round(result.run.top)}–${Math.round(result.run.bottom)} of ${result.height}` : 'no Run button';
      log(`  first load at ${viewport.name}: CLS ${result.cls.toFixed(4)} (${result.shifts.length} shifts), ${run}, panes start at y ${result.panesTop === null ? '—' : Math.round(result.panesTop)}, layout viewport ${result.width}×${result.height}${result.width > viewport.width ? ' (zoomed out: something is wider than the screen)' : ''}`);
      for (const shift of result.shifts) log(`    shift ${shift.value.toFixed(4)} at ${Math.round(shift.at)} ms: ${shift.sources.join('; ')}`);
      results.push({ viewport, ...result });
    }
    return results;
  } finally {
    await browser.close();
  }
}
