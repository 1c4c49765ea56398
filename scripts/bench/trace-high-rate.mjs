#!/usr/bin/env node
// Where does the main thread's time go while 4 panes stream at 300 tokens/s? One run of the
// high-rate bench (scripted engine) under Chromium's tracing and the V8 sampling profiler, then
// a summary: main-thread time by trace event (self time, so nested events are not counted twice)
// and the JavaScript functions with the most self time. A developer tool, not a budget.
//
//   LINEUP_ENGINE=fake LINEUP_OUT_DIR=dist-bench/fake npx vite build
//   node scripts/bench/trace-high-rate.mjs [seconds=8] [trace.json to keep the raw trace]
//   (TRACE_CATEGORIES=a,b adds trace categories, e.g. accessibility or blink_style)
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { preview } from 'vite';
import { repoRoot } from '../../tests/support/fixture.mjs';
import { launchBenchBrowser, openHighRatePage, runToTheEnd } from './high-rate.mjs';

const seconds = Number(process.argv[2] ?? 8);
const keep = process.argv[3];
const PORT = 4334;
const CATEGORIES = ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'v8.execute', 'blink', 'toplevel', ...(process.env.TRACE_INVALIDATIONS ? ['disabled-by-default-devtools.timeline.invalidationTracking'] : []), ...(process.env.TRACE_CATEGORIES?.split(',') ?? [])];

const server = await preview({ logLevel: 'warn', preview: { host: '127.0.0.1', port: PORT, strictPort: true }, build: { outDir: path.join(repoRoot, 'dist-bench/fake') } });
const browser = await launchBenchBrowser();
try {
  const { page, cdp } = await openHighRatePage(browser, { appUrl: `http://127.0.0.1:${PORT}/`, seconds });
  await runToTheEnd(page, { seconds }); // warm-up: loads the models and the renderer
  const events = [];
  cdp.on('Tracing.dataCollected', ({ value }) => events.push(...value));
  const done = new Promise((resolve) => cdp.once('Tracing.tracingComplete', resolve));
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
  await cdp.send('Tracing.start', { traceConfig: { includedCategories: CATEGORIES }, transferMode: 'ReportEvents' });
  await cdp.send('Profiler.start');
  const started = Date.now();
  await runToTheEnd(page, { seconds });
  const wallMs = Date.now() - started;
  const { profile } = await cdp.send('Profiler.stop');
  await cdp.send('Tracing.end');
  await done;
  if (keep) writeFileSync(keep, JSON.stringify({ traceEvents: events }));
  const longest = summariseTrace(events, wallMs);
  summariseProfile(profile);
  if (longest) summariseWindow(profile, longest);
} finally {
  await browser.close();
  await new Promise((resolve) => server.httpServer.close(resolve));
}

function summariseTrace(events, wallMs) {
  const main = events.find((event) => event.name === 'thread_name' && event.args?.name === 'CrRendererMain' && events.some((other) => other.pid === event.pid && other.name === 'Layout'));
  if (!main) return console.log('no renderer main thread in the trace');
  const spans = events.filter((event) => event.pid === main.pid && event.tid === main.tid && event.ph === 'X' && event.dur > 0).sort((a, b) => a.ts - b.ts || b.dur - a.dur);
  const self = new Map();
  const stack = [];
  let busy = 0;
  // Tasks of 50 ms or more (the bench's "longest task"), each with its own self-time breakdown.
  const longTasks = [];
  let top = null;
  for (const span of spans) {
    while (stack.length && stack.at(-1).ts + stack.at(-1).dur <= span.ts) stack.pop();
    const parent = stack.at(-1);
    if (parent) self.set(parent.name, (self.get(parent.name) ?? 0) - span.dur);
    else {
      busy += span.dur;
      top = span.dur >= 50_000 ? { span, self: new Map() } : null;
      if (top) longTasks.push(top);
    }
    self.set(span.name, (self.get(span.name) ?? 0) + span.dur);
    if (top) {
      if (parent) top.self.set(parent.name, (top.self.get(parent.name) ?? 0) - span.dur);
      top.self.set(span.name, (top.self.get(span.name) ?? 0) + span.dur);
    }
    stack.push(span);
  }
  console.log(`main thread busy ${(busy / 1000).toFixed(0)} ms of ${wallMs} ms wall (${((busy / 1000 / wallMs) * 100).toFixed(1)} %); self time by event:`);
  for (const [name, us] of [...self].sort((a, b) => b[1] - a[1]).slice(0, 22)) console.log(`  ${(us / 1000).toFixed(0).padStart(7)} ms  ${name}`);
  const start = spans[0]?.ts ?? 0;
  console.log(`tasks of 50 ms or more: ${longTasks.length}`);
  for (const { span, self: parts } of longTasks.sort((a, b) => b.span.dur - a.span.dur).slice(0, 6)) {
    const breakdown = [...parts].sort((a, b) => b[1] - a[1]).slice(0, 6).map(([name, us]) => `${name} ${(us / 1000).toFixed(0)}`).join(', ');
    console.log(`  ${(span.dur / 1000).toFixed(0).padStart(5)} ms at ${((span.ts - start) / 1e6).toFixed(2)} s: ${breakdown}`);
  }
  // The longest task that ran page code (not the tracing's own start-up message).
  return longTasks.filter(({ self: parts }) => parts.has('FunctionCall')).sort((a, b) => b.span.dur - a.span.dur)[0]?.span;
}

/** The JavaScript sampled during one task (trace and profile share Chrome's clock), by innermost app function. */
function summariseWindow(profile, span) {
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const parent = new Map();
  for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);
  const name = (node) => `${node.callFrame.functionName || '(anonymous)'} ${node.callFrame.url.split('/').pop()}:${node.callFrame.lineNumber + 1}`;
  const counts = new Map();
  let at = profile.startTime;
  profile.samples.forEach((id, i) => {
    at += profile.timeDeltas[i];
    if (at < span.ts || at > span.ts + span.dur) return;
    // self function, and the chain of callers up to 4 app frames
    const chain = [];
    for (let node = byId.get(id); node && chain.length < 5; node = byId.get(parent.get(node.id))) if (node.callFrame.url || chain.length === 0) chain.push(name(node));
    const key = chain.join(' < ');
    counts.set(key, (counts.get(key) ?? 0) + 1);
  });
  const interval = (profile.endTime - profile.startTime) / profile.samples.length / 1000;
  console.log(`JavaScript in the longest page task (${(span.dur / 1000).toFixed(0)} ms), sampled stacks:`);
  for (const [key, count] of [...counts].sort((a, b) => b[1] - a[1]).slice(0, 15)) console.log(`  ${(count * interval).toFixed(1).padStart(6)} ms  ${key}`);
}

function summariseProfile(profile) {
  const interval = (profile.endTime - profile.startTime) / profile.samples.length / 1000; // ms per sample
  const hits = new Map();
  for (const node of profile.nodes) {
    const { functionName, url, lineNumber } = node.callFrame;
    const key = `${functionName || '(anonymous)'} ${url.split('/').pop()}:${lineNumber + 1}`;
    hits.set(key, (hits.get(key) ?? 0) + (node.hitCount ?? 0));
  }
  // Inclusive (total) time per function: what an app function costs with everything it calls.
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const total = new Map();
  const visit = (node, onStack) => {
    const { functionName, url, lineNumber } = node.callFrame;
    const key = `${functionName || '(anonymous)'} ${url.split('/').pop()}:${lineNumber + 1}`;
    let sum = node.hitCount ?? 0;
    const inner = new Set(onStack).add(key);
    for (const child of node.children ?? []) sum += visit(byId.get(child), inner);
    if (!onStack.has(key)) total.set(key, (total.get(key) ?? 0) + sum);
    return sum;
  };
  visit(profile.nodes[0], new Set());
  console.log('JavaScript total time, app code (sampled):');
  for (const [key, count] of [...total].filter(([key]) => /\.js:/.test(key)).sort((a, b) => b[1] - a[1]).slice(0, 25)) console.log(`  ${(count * interval).toFixed(0).padStart(7)} ms  ${key}`);
  console.log('JavaScript self time (sampled):');
  for (const [key, count] of [...hits].sort((a, b) => b[1] - a[1]).slice(0, 25)) console.log(`  ${(count * interval).toFixed(0).padStart(7)} ms  ${key}`);
}
