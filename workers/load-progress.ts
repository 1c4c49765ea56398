import type { InitProgressReport } from '#engine-runtime';
import type { LoadProgress } from '../src/lib/engine/protocol';

/**
 * web-llm reports loading as one stream of {progress, text} over three stages: fetching the
 * weights into the cache ("Fetching param cache[...]"), copying them to the GPU ("Loading model
 * from cache[...]") and compiling shaders ("Loading GPU shader modules[...]"). We turn that into
 * a phase plus byte counts, because a person wants to see megabytes, not a bare percentage.
 */
export function toLoadProgress(report: InitProgressReport, totalBytes: number | null): LoadProgress {
  const text = report.text ?? '';
  const fraction = clamp01(report.progress);
  const phase: LoadProgress['phase'] = /shader|compil/i.test(text) ? 'compiling' : 'downloading';
  const fetching = /fetching param cache/i.test(text);
  const fromText = megabytesInText(text);
  let receivedBytes = 0;
  if (fetching) {
    receivedBytes = totalBytes !== null ? Math.round(fraction * totalBytes) : (fromText ?? 0);
  }
  return { phase, fraction, receivedBytes, totalBytes, text };
}

function megabytesInText(text: string): number | null {
  const match = /(\d+(?:\.\d+)?)\s*MB (?:fetched|loaded)/i.exec(text);
  return match ? Math.round(Number(match[1]) * 1024 * 1024) : null;
}

function clamp01(value: number): number {
  if (!Number.isFinite(value)) return 0;
  return Math.min(1, Math.max(0, value));
}

/**
 * Total size of a model's weights, read from its tensor cache manifest (web-llm 0.2.80+ names it
 * tensor-cache.json, older runtimes ndarray-cache.json). Best effort: null when unreadable.
 */
export async function fetchWeightsSize(weightsUrl: string): Promise<number | null> {
  for (const name of ['tensor-cache.json', 'ndarray-cache.json']) {
    try {
      const url = new URL(name, weightsUrl).href;
      // A model already cached (or added from a folder) is sized without touching the network.
      const cached = await globalThis.caches?.match(url, { cacheName: 'webllm/model' } as MultiCacheQueryOptions).catch(() => undefined);
      const response = cached ?? (await fetch(url));
      if (!response.ok) continue;
      const manifest = (await response.json()) as { records?: Array<{ nbytes?: number }> };
      const total = (manifest.records ?? []).reduce((sum, shard) => sum + (shard.nbytes ?? 0), 0);
      if (total > 0) return total;
    } catch {
      // Try the other name, then give up: the byte count is a nicety, never a reason to fail.
    }
  }
  return null;
}
