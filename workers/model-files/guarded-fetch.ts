import type { DownloadGuard } from './download-guard';

/**
 * Routes the engine's downloads through the active DownloadGuard. web-llm fetches with the global
 * `fetch` (IndexedDB backend) or stores with `Cache.add` (Cache API backend), which downloads
 * inside the browser with no progress and no chance to look at the bytes before they are kept.
 * So, in this worker only, `Cache.add` becomes fetch + put (what the spec says it does), and
 * `fetch` hands model-file responses to the guard. Outside a load both behave as before.
 */
let active: DownloadGuard | null = null;
let installed = false;

export function guardDownloads(guard: DownloadGuard | null): void {
  if (!installed) install();
  active = guard;
}

function install(): void {
  installed = true;
  const nativeFetch = globalThis.fetch.bind(globalThis);
  globalThis.fetch = async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    const guard = active;
    const url = input instanceof Request ? input.url : String(input);
    if (!guard || !guard.concerns(url)) return nativeFetch(input, init);
    const close = guard.opened();
    try {
      const response = await nativeFetch(input, init);
      if (!response.ok) {
        close();
        return response;
      }
      return guard.watch(url, response, close);
    } catch (error) {
      close();
      throw error;
    }
  };
  if (typeof Cache === 'undefined') return;
  Cache.prototype.add = async function add(this: Cache, request: RequestInfo | URL): Promise<void> {
    const req = request instanceof Request ? request : new Request(request);
    const response = await globalThis.fetch(req);
    if (!response.ok) throw new TypeError(`Failed to execute 'add' on 'Cache': Request failed with status ${response.status}`);
    await this.put(req, response);
  };
}
