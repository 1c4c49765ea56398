#!/usr/bin/env node
// Regenerates docs/screenshot.png: the compare view with two finished panes, produced by the REAL
// engine (web-llm 0.2.79 on SwiftShader) on the synthetic Qwen2 fixture, registered twice under two
// ids so the second pane shows a load from the browser cache. Takes ~6 minutes on 2 CPU cores.
//   node scripts/readme-screenshot.mjs
import { chromium } from '@playwright/test';
import { build, preview } from 'vite';
import { fixturePresent, fixtureDir, MODEL_ID, WASM_NAME } from '../tests/support/fixture.mjs';
import { startModelServer } from '../tests/support/model-server.mjs';
import { makeSyntheticWeights } from './make-synthetic-weights.mjs';

if (!fixturePresent()) {
  console.error(`fixture not found at ${fixtureDir}`);
  process.exit(1);
}
process.env.LINEUP_ENGINE = 'compat';
const outDir = 'dist-screenshot';
await makeSyntheticWeights();
await build({ logLevel: 'warn', build: { outDir } });
const server = await preview({ preview: { port: 4320, strictPort: true }, build: { outDir } });
const models = await startModelServer({ port: 4321 });
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--headless=new', '--no-sandbox', '--enable-unsafe-webgpu', '--use-webgpu-adapter=swiftshader', '--enable-features=Vulkan', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
});
try {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 }, deviceScaleFactor: 1 });
  await page.goto('http://127.0.0.1:4320/');
  await page.getByTestId('pane').first().waitFor();
  while ((await page.getByTestId('pane-remove').count()) > 0) await page.getByTestId('pane-remove').first().click();
  await page.getByTestId('catalog-open').click(); // the catalog is a dialog
  for (const id of [MODEL_ID, `${MODEL_ID.replace('-q4f32_1', '')}-copy-q4f32_1`]) {
    await page.getByTestId('tab-custom').click();
    await page.getByTestId('custom-weights-url').fill(`${models.url}/models/synth/resolve/main/`);
    await page.getByTestId('custom-library-url').fill(`${models.url}/libs/${WASM_NAME}`);
    await page.getByTestId('custom-model-id').fill(id);
    await page.getByTestId('custom-context').fill('1024');
    await page.getByTestId('custom-add').click();
  }
  await page.getByTestId('tab-recommended').click();
  await page.getByTestId('catalog-close').click();
  await page.getByTestId('prompt-input').fill('Hi! Who are you?');
  await page.getByText('System prompt and settings').click();
  await page.getByTestId('max-tokens-input').fill('3');
  await page.getByText('System prompt and settings').click();
  await page.getByTestId('run').click();
  await page.getByTestId('run').waitFor({ timeout: 20 * 60_000 });
  await page.evaluate(() => window.scrollTo(0, 0));
  const bottom = await page.getByTestId('comparison-chart').boundingBox();
  // The first screen as a visitor sees it (header, GPU line, line-up row, prompt), then both
  // panes with their metrics, and the chart.
  await page.screenshot({
    path: 'docs/screenshot.png',
    fullPage: true,
    clip: { x: 0, y: 0, width: 1280, height: bottom.y + bottom.height + 24 },
  });
  console.log('wrote docs/screenshot.png');
} finally {
  await browser.close();
  await models.close();
  server.httpServer.close();
}
