/**
 * Test-only (scripted engine, ".../probe-network/..." models): from inside the app's engine
 * worker, where prompts are processed, try every way a script there could send the prompt to a
 * foreign host, and report per channel what happened. The e2e test (worker-policy.spec.ts) points
 * it at a real listening server on another origin and checks that every channel was blocked by
 * the page's Content-Security-Policy and that the server saw nothing.
 *
 * Outcomes: "blocked" (the browser reported a CSP violation for that URL), "reached" (the request
 * got an answer), "failed" (an error, but no violation: not proof of the policy), "no answer"
 * (nothing within the time limit), "unavailable" (the API does not exist in a module worker).
 */

export type ProbeOutcome = 'blocked' | 'reached' | 'failed' | 'no answer' | 'unavailable';

const SETTLE_MS = 4000;

/** What a nested worker runs: it fetches too, and reports its own violation events. */
const NESTED_WORKER_SOURCE = `
  const violations = [];
  self.addEventListener('securitypolicyviolation', (event) => violations.push(event.blockedURI));
  self.onmessage = async ({ data }) => {
    let fetched = 'failed';
    try { await fetch(data); fetched = 'reached'; } catch {}
    await new Promise((resolve) => setTimeout(resolve, 100));
    postMessage(violations.some((uri) => uri.startsWith(data)) ? 'blocked' : fetched);
  };`;

type Attempt = (url: string) => Promise<Exclude<ProbeOutcome, 'no answer'>>;

const answered = (settle: (value: 'reached' | 'failed') => void) => ({
  ok: () => settle('reached'),
  fail: () => settle('failed'),
});

const CHANNELS: Record<string, Attempt> = {
  fetch: (url) => fetch(url, { method: 'POST', body: 'prompt' }).then(() => 'reached', () => 'failed'),
  XMLHttpRequest: (url) =>
    new Promise((settle) => {
      const xhr = new XMLHttpRequest();
      const { ok, fail } = answered(settle);
      xhr.onload = ok;
      xhr.onerror = fail;
      try {
        xhr.open('POST', url);
        xhr.send('prompt');
      } catch {
        fail();
      }
    }),
  WebSocket: (url) =>
    new Promise((settle) => {
      const { ok, fail } = answered(settle);
      try {
        const socket = new WebSocket(url.replace(/^http/, 'ws'));
        socket.onopen = () => {
          socket.close();
          ok();
        };
        socket.onerror = fail;
      } catch {
        fail();
      }
    }),
  EventSource: (url) =>
    new Promise((settle) => {
      const { ok, fail } = answered(settle);
      try {
        const source = new EventSource(url);
        source.onopen = () => {
          source.close();
          ok();
        };
        source.onerror = () => {
          source.close();
          fail();
        };
      } catch {
        fail();
      }
    }),
  'import()': (url) => import(/* @vite-ignore */ url).then(() => 'reached', () => 'failed'),
  'Cache API add()': async (url) => {
    try {
      await (await caches.open('lineup-network-probe')).add(url);
      return 'reached';
    } catch {
      return 'failed';
    } finally {
      await caches.delete('lineup-network-probe');
    }
  },
  // Module workers have no importScripts (it throws a TypeError before any request).
  importScripts: async (url) => {
    const scope = globalThis as unknown as { importScripts?: (src: string) => void };
    if (typeof scope.importScripts !== 'function') return 'unavailable';
    try {
      scope.importScripts(url);
      return 'reached';
    } catch (error) {
      return error instanceof TypeError ? 'unavailable' : 'failed';
    }
  },
  // navigator.sendBeacon exists on the page's Navigator only, not on WorkerNavigator.
  'navigator.sendBeacon': async (url) => {
    const nav = navigator as unknown as { sendBeacon?: (target: string, body: string) => boolean };
    if (typeof nav.sendBeacon !== 'function') return 'unavailable';
    return nav.sendBeacon(url, 'prompt') ? 'reached' : 'failed';
  },
  // A worker started from here (blob:, the only kind allowed) fetching on its own.
  'nested Worker': (url) =>
    new Promise((settle) => {
      if (typeof Worker !== 'function') return settle('unavailable');
      const blob = URL.createObjectURL(new Blob([NESTED_WORKER_SOURCE], { type: 'text/javascript' }));
      try {
        const worker = new Worker(blob);
        // The nested worker watches for violations itself: its verdict is this channel's outcome.
        worker.onmessage = ({ data }: MessageEvent<'blocked' | 'reached' | 'failed'>) => {
          worker.terminate();
          settle(data);
        };
        worker.onerror = () => settle('failed');
        worker.postMessage(url);
      } catch {
        settle('failed');
      }
    }),
};

/** Tries every channel against `origin` (all at once), each URL carrying the prompt. */
export async function probeNetwork(origin: string, prompt: string): Promise<Record<string, ProbeOutcome>> {
  const violations: string[] = [];
  const onViolation = (event: SecurityPolicyViolationEvent) => violations.push(event.blockedURI);
  globalThis.addEventListener('securitypolicyviolation', onViolation);
  const names = Object.keys(CHANNELS);
  const urlOf = (name: string) =>
    `${origin}/probe/${encodeURIComponent(name.replace(/\W+/g, '-'))}?prompt=${encodeURIComponent(prompt)}`;
  const outcomes = await Promise.all(
    names.map((name) =>
      Promise.race([
        CHANNELS[name]!(urlOf(name)).catch(() => 'failed' as const),
        new Promise<'no answer'>((resolve) => setTimeout(() => resolve('no answer'), SETTLE_MS)),
      ]),
    ),
  );
  await new Promise((resolve) => setTimeout(resolve, 100)); // violation events are queued tasks
  globalThis.removeEventListener('securitypolicyviolation', onViolation);
  const report: Record<string, ProbeOutcome> = {};
  names.forEach((name, index) => {
    const path = urlOf(name).replace(/^http/, '').split('?')[0]!;
    const violated = violations.some((uri) => uri.replace(/^(http|ws)/, '').split('?')[0] === path);
    const outcome = outcomes[index]!;
    report[name] = outcome === 'unavailable' || !violated ? outcome : 'blocked';
  });
  return report;
}

/** The report as the model's answer: one list item per channel, easy to read and to parse. */
export function probeReport(outcomes: Record<string, ProbeOutcome>): string {
  return `Network probe from the engine worker:\n\n${Object.entries(outcomes)
    .map(([name, outcome]) => `- ${name} → ${outcome}`)
    .join('\n')}\n`;
}
