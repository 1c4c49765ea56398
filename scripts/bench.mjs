#!/usr/bin/env node
// npm run bench: Lineup's speed budget. Prints every figure next to its budget and exits 1 when
// one is missed (or could not be measured). Not part of `npm test`: the real-engine half runs on
// SwiftShader, about one token per 15 s, so a run takes several minutes.
//
//   1. first-load JavaScript (gzip) of the user build: app shell only, web-llm must not be in it;
//   2. with the real engine (web-llm 0.2.79, the synthetic Qwen2 fixture), Lineup against
//      web-llm on a bare page: decode speed, the longest main-thread task while streaming, and
//      what the app adds between Run and the first token on screen;
//   3. the user build's first screen at 1440×900 and 390×844: layout shift and Run's position;
//   4. a simulated fast GPU (scripted engine): tokens on screen, lag, main-thread load, heap.
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { build, preview } from 'vite';
import { fixtureDir, fixturePresent, repoRoot, WASM_NAME } from '../tests/support/fixture.mjs';
import { startModelServer } from '../tests/support/model-server.mjs';
import { makeSyntheticWeights } from './make-synthetic-weights.mjs';
import { firstLoadJs } from './bench/first-load.mjs';
import { measureRealEngine } from './bench/real-engine.mjs';
import { measureHighRate } from './bench/high-rate.mjs';
import { measureLayout } from './bench/layout.mjs';

const BUDGET = { layoutShift: 0.05, firstLoadKb: 80, decodeRatio: 0.97, longTaskMs: 50, ttftOverheadMs: 50, shownRatio: 1, lagP95Ms: 50, busyShare: 0.25, heapGrowthMb: 10 };
const PORTS = { app: 4330, bare: 4331, models: 4332, fake: 4333, user: 4334 }; // apart from the e2e tests' 4310-4312
// --high-rate-only: just the simulated fast GPU (3.), a couple of minutes instead of ~12.
const ONLY_HIGH_RATE = process.argv.includes('--high-rate-only');
// --layout-only: just the first screen of the user build (layout shift, Run's position), ~1 minute.
const ONLY_LAYOUT = process.argv.includes('--layout-only');
const REQUEST = { prompt: 'Hi', maxTokens: 4, temperature: 0.7, topP: 0.95, seed: 7 }; // the app's defaults, a fixed seed
const out = (dir) => path.join(repoRoot, dir);
const log = (line) => console.log(line);

/** @type {{ figure: string, measured: string, budget: string, ratio: string, ok: boolean }[]} */
const rows = [];
const ratio = (value) => (Number.isFinite(value) ? value.toFixed(3) : '—');
const ms = (value) => (value === null || !Number.isFinite(value) ? '—' : `${value.toFixed(1)} ms`);

function viteBuild(env) {
  execFileSync('npx', ['vite', 'build', '--logLevel', 'warn'], { cwd: repoRoot, stdio: 'inherit', env: { ...process.env, ...env } });
}

// 1. First-load JavaScript of what users get (npm run build → dist/).
if (!ONLY_HIGH_RATE && !ONLY_LAYOUT) {
log('building the user app (dist/)…');
viteBuild({ LINEUP_ENGINE: 'webllm', LINEUP_OUT_DIR: 'dist' });
const firstLoad = await firstLoadJs(out('dist'));
for (const file of firstLoad.files) log(`  first load: ${file.file}  ${(file.bytes / 1000).toFixed(1)} kB, gzip ${(file.gzip / 1000).toFixed(1)} kB`);
log(`  web-llm markers in the engine chunk ${firstLoad.engineChunk ?? '(none found)'}: ${firstLoad.markersInEngine.join(', ') || 'none'}`);
const kb = firstLoad.gzipTotal / 1000;
rows.push({ figure: 'first-load JS, gzip (app shell, no engine/lazy chunks)', measured: `${kb.toFixed(1)} kB`, budget: `<= ${BUDGET.firstLoadKb} kB`, ratio: ratio(kb / BUDGET.firstLoadKb), ok: kb <= BUDGET.firstLoadKb });
rows.push({
  figure: 'web-llm in first-load JS (markers tvmjs, MLCEngine)',
  measured: firstLoad.markersFound.length ? `found: ${firstLoad.markersFound.join(', ')}` : 'absent',
  budget: firstLoad.markersInEngine.length ? 'absent' : 'absent (void: markers not in the engine chunk)',
  ratio: '—',
  ok: firstLoad.markersFound.length === 0 && firstLoad.markersInEngine.length > 0,
});

// 2. Real engine: Lineup's UI against web-llm on a bare page.
if (!fixturePresent()) {
  rows.push({ figure: 'real-engine figures', measured: 'not measured', budget: `needs the fixture at ${fixtureDir}`, ratio: '—', ok: false });
} else {
  await makeSyntheticWeights();
  log('building the app with the real engine (web-llm 0.2.79) and the bare web-llm page…');
  viteBuild({ LINEUP_ENGINE: 'compat', LINEUP_OUT_DIR: 'dist-bench/app' });
  const bareConfig = { root: out('bench'), configFile: false, base: './', logLevel: 'warn', build: { outDir: out('dist-bench/bare'), emptyOutDir: true, target: 'es2022', chunkSizeWarningLimit: 8000 } };
  await build(bareConfig);
  const appServer = await preview({ logLevel: 'warn', preview: { host: '127.0.0.1', port: PORTS.app, strictPort: true }, build: { outDir: out('dist-bench/app') } });
  const bareServer = await preview({ ...bareConfig, preview: { host: '127.0.0.1', port: PORTS.bare, strictPort: true } });
  const models = await startModelServer({ port: PORTS.models });
  try {
    const result = await measureRealEngine({
      appUrl: `http://127.0.0.1:${PORTS.app}/`,
      bareUrl: `http://127.0.0.1:${PORTS.bare}/`,
      model: { id: 'Qwen2-0.5B-bench-q4f32_1', weightsUrl: `${models.url}/models/synth/resolve/main/`, libraryUrl: `${models.url}/libs/${WASM_NAME}`, contextWindowSize: 1024 },
      request: REQUEST,
      log,
    });
    report(result);
  } finally {
    await models.close();
    await new Promise((done) => appServer.httpServer.close(done));
    await new Promise((done) => bareServer.httpServer.close(done));
  }
}
}

// 3. The first screen of what users get: layout shift while it loads, and Run on it.
if (!ONLY_HIGH_RATE) {
  if (ONLY_LAYOUT) {
    log('building the user app (dist/)…');
    viteBuild({ LINEUP_ENGINE: 'webllm', LINEUP_OUT_DIR: 'dist' });
  }
  const userServer = await preview({ logLevel: 'warn', preview: { host: '127.0.0.1', port: PORTS.user, strictPort: true }, build: { outDir: out('dist') } });
  try {
    for (const { viewport, cls, run, height } of await measureLayout({ appUrl: `http://127.0.0.1:${PORTS.user}/`, log })) {
      rows.push({ figure: `${viewport.name}: first-load layout shift (CLS)`, measured: cls.toFixed(4), budget: `< ${BUDGET.layoutShift}`, ratio: ratio(cls / BUDGET.layoutShift), ok: cls < BUDGET.layoutShift });
      const inside = run !== null && run.top >= 0 && run.bottom <= height;
      rows.push({ figure: `${viewport.name}: Run button's bottom edge`, measured: run ? `y ${Math.round(run.bottom)} px` : 'no Run button', budget: `<= ${height} px`, ratio: run ? ratio(run.bottom / height) : '—', ok: inside });
    }
  } finally {
    await new Promise((done) => userServer.httpServer.close(done));
  }
}

// 4. A simulated fast GPU: the scripted engine, 4 panes in parallel at 300 tokens/s for 20 s each.
if (!ONLY_LAYOUT) {
  log('building the app with the scripted engine for the high-rate run…');
  viteBuild({ LINEUP_ENGINE: 'fake', LINEUP_OUT_DIR: 'dist-bench/fake' });
  const fakeServer = await preview({ logLevel: 'warn', preview: { host: '127.0.0.1', port: PORTS.fake, strictPort: true }, build: { outDir: out('dist-bench/fake') } });
  try {
    const { results, heapGrowthBytes } = await measureHighRate({ appUrl: `http://127.0.0.1:${PORTS.fake}/`, log });
    const worst = (pick, better) => results.map(pick).reduce((a, b) => (better(a, b) ? b : a));
    const shown = worst((run) => run.shown / run.produced, (a, b) => b < a);
    const lag = worst((run) => run.lagP95, (a, b) => b > a);
    const busy = worst((run) => run.busyShare, (a, b) => b > a);
    const longest = worst((run) => run.longest, (a, b) => b > a);
    const heapMb = heapGrowthBytes / 1e6;
    rows.push({ figure: 'fast GPU (4 × 300 tok/s): tokens on screen ÷ produced', measured: shown.toFixed(3), budget: `= ${BUDGET.shownRatio.toFixed(2)}`, ratio: ratio(shown / BUDGET.shownRatio), ok: shown === BUDGET.shownRatio });
    rows.push({ figure: 'fast GPU: token produced → on screen, p95 (worst run)', measured: ms(lag), budget: `< ${BUDGET.lagP95Ms} ms`, ratio: ratio(lag / BUDGET.lagP95Ms), ok: lag < BUDGET.lagP95Ms });
    rows.push({ figure: 'fast GPU: main-thread busy share (worst run)', measured: `${(busy * 100).toFixed(1)} %`, budget: `< ${BUDGET.busyShare * 100} %`, ratio: ratio(busy / BUDGET.busyShare), ok: busy < BUDGET.busyShare });
    rows.push({ figure: 'fast GPU: longest main-thread task (longtask)', measured: longest === 0 ? 'none >= 50 ms' : ms(longest), budget: `< ${BUDGET.longTaskMs} ms`, ratio: ratio(longest / BUDGET.longTaskMs), ok: longest < BUDGET.longTaskMs });
    rows.push({ figure: `fast GPU: heap growth over ${results.length} runs (after GC)`, measured: `${heapMb.toFixed(2)} MB`, budget: `< ${BUDGET.heapGrowthMb} MB`, ratio: ratio(heapMb / BUDGET.heapGrowthMb), ok: heapMb < BUDGET.heapGrowthMb });
  } finally {
    await new Promise((done) => fakeServer.httpServer.close(done));
  }
}

function report({ appRuns, bareRuns, bareLoadMs, idleLongest, visibility }) {
  log(`bare web-llm load: ${(bareLoadMs / 1000).toFixed(1)} s; app page visibility: ${visibility}`);
  log(`  machine noise: longest task of a 1 ms probe on the idle app page while the bare page generated: ${idleLongest ? ms(idleLongest) : 'none >= 50 ms'}`);
  for (const [i, run] of appRuns.entries()) {
    log(`  app run ${i + 1}: ${run.loadedBefore ? 'model loaded' : 'loaded the model first'}, ${run.tokens} tokens, decode ${run.decode.toFixed(4)} tok/s, web-llm TTFT ${ms(run.ttftEngineMs)}, ` +
      `Run→screen ${ms(run.clickToScreenMs)}, generate→screen ${ms(run.generatingToScreenMs)}, long tasks while streaming: ${run.longTasks}` +
      (run.longestTask ? ` (longest ${run.longestTask})` : '') + (run.runPress ? `; the Run press was a long task: ${run.runPress}` : ''));
  }
  for (const [i, run] of bareRuns.entries()) {
    log(`  bare run ${i + 1}: ${run.completionTokens} tokens, decode ${run.decodeTokensPerSecond.toFixed(4)} tok/s, web-llm TTFT ${ms(run.ttftEngineMs)}, create()→first chunk ${ms(run.wallTtftMs)}, text ${JSON.stringify(run.text)}`);
  }
  // Best of each side: interference from the rest of the machine only ever slows a run down.
  const appDecode = Math.max(...appRuns.map((run) => run.decode));
  const bareDecode = Math.max(...bareRuns.map((run) => run.decodeTokensPerSecond));
  const decodeRatio = appDecode / bareDecode;
  rows.push({ figure: 'decode tok/s, app UI / bare web-llm (best of 2 each)', measured: `${appDecode.toFixed(4)} / ${bareDecode.toFixed(4)}`, budget: `ratio >= ${BUDGET.decodeRatio}`, ratio: ratio(decodeRatio), ok: decodeRatio >= BUDGET.decodeRatio });

  const longest = Math.max(...appRuns.map((run) => run.longestTaskMs));
  rows.push({ figure: 'longest main-thread task while streaming (longtask)', measured: longest === 0 ? 'none >= 50 ms' : ms(longest), budget: `< ${BUDGET.longTaskMs} ms`, ratio: ratio(longest / BUDGET.longTaskMs), ok: longest < BUDGET.longTaskMs });

  // Run → first token on screen, against web-llm's own TTFT of the same run (prefill time).
  const warm = appRuns.find((run) => run.loadedBefore && run.clickToScreenMs !== null);
  const overhead = warm ? warm.clickToScreenMs - warm.ttftEngineMs : Number.NaN;
  rows.push({ figure: 'Run → first token on screen, minus web-llm TTFT', measured: ms(overhead), budget: `< ${BUDGET.ttftOverheadMs} ms`, ratio: ratio(overhead / BUDGET.ttftOverheadMs), ok: overhead < BUDGET.ttftOverheadMs });
  // For reading the figure above: how much of it web-llm spends outside its TTFT on a bare page.
  const bareShare = Math.min(...bareRuns.map((run) => run.wallTtftMs - run.ttftEngineMs));
  log(`  of which web-llm itself on a bare page (create() → first chunk, minus its TTFT): ${ms(bareShare)}; app alone: ${ms(overhead - bareShare)}`);
}

log('\nLineup speed budget');
const width = [56, 18, 16, 7];
const line = (cells) => cells.map((cell, i) => String(cell).padEnd(width[i] ?? 0)).join(' ');
log(line(['figure', 'measured', 'budget', 'ratio', 'result']));
for (const row of rows) log(line([row.figure, row.measured, row.budget, row.ratio, row.ok ? 'ok' : 'MISSED']));
const missed = rows.filter((row) => !row.ok).length;
log(missed ? `\n${missed} budget(s) missed` : '\nall budgets met');
process.exit(missed ? 1 : 0);
