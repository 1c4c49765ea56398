import type { Page } from '@playwright/test';

/** The local model server's fault injection (tests/support/model-server.mjs, POST /__control). */
export const MODEL_SERVER = 'http://127.0.0.1:4312';
export const SYNTH_FOLDER = `${MODEL_SERVER}/models/synth/resolve/main/`;

export type FaultKind = 'corrupt' | 'stall' | 'html' | 'config';

export async function injectFault(path: string, kind: FaultKind, config?: Record<string, unknown>): Promise<void> {
  const response = await fetch(`${MODEL_SERVER}/__control`, { method: 'POST', body: JSON.stringify({ fault: { path, kind, config } }) });
  if (!response.ok) throw new Error(`fault not accepted: ${await response.text()}`);
}

export async function clearFaults(): Promise<void> {
  await fetch(`${MODEL_SERVER}/__control`, { method: 'POST', body: JSON.stringify({ reset: true }) });
}

/** web-llm's stored entries for the synthetic model, as "scope file" (file relative to the server), sorted. */
export async function cachedModelEntries(page: Page): Promise<string[]> {
  return page.evaluate(async (server) => {
    const out: string[] = [];
    for (const scope of ['webllm/config', 'webllm/model', 'webllm/wasm']) {
      if (!(await caches.has(scope))) continue;
      for (const request of await (await caches.open(scope)).keys()) {
        if (request.url.startsWith(server)) out.push(`${scope} ${request.url.slice(server.length).split('/').pop()}`);
      }
    }
    return out.sort();
  }, MODEL_SERVER);
}
