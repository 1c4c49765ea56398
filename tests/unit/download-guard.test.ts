// @vitest-environment node
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { DownloadGuard } from '../../workers/model-files/download-guard';

const FOLDER = 'http://127.0.0.1:4312/models/synth/resolve/main/';
const LIBRARY = 'http://127.0.0.1:4312/libs/model.wasm';

/** A response whose body arrives in `chunks`, like a download. */
function streamed(chunks: Uint8Array[], headers: Record<string, string> = {}): Response {
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      chunks.forEach((chunk) => controller.enqueue(chunk));
      controller.close();
    },
  });
  return new Response(body, { headers });
}

function shardGuard(shard: Uint8Array, withHash: boolean) {
  const guard = new DownloadGuard(FOLDER, LIBRARY);
  const md5sum = createHash('md5').update(shard).digest('hex');
  guard.expectShards({ records: [{ dataPath: 'params_shard_0.bin', nbytes: shard.length, records: [], ...(withHash ? { md5sum } : {}) }] });
  return guard;
}

const read = (guard: DownloadGuard, url: string, response: Response) => guard.watch(url, response, guard.opened()).arrayBuffer();

describe('DownloadGuard', () => {
  const shard = new Uint8Array(300_000).map((_, i) => i % 251);
  const url = `${FOLDER}params_shard_0.bin`;

  it('passes an intact shard through unchanged and marks it verified', async () => {
    const guard = shardGuard(shard, true);
    const out = new Uint8Array(await read(guard, url, streamed([shard.subarray(0, 1000), shard.subarray(1000)])));
    expect(out).toEqual(shard);
    expect(guard.verified.has(url)).toBe(true);
    expect(guard.receivedBytes).toBe(shard.length);
  });

  it('fails a shard with the right length but flipped bytes, by its md5sum', async () => {
    const guard = shardGuard(shard, true);
    const damaged = shard.slice();
    damaged[150_000] = (damaged[150_000] ?? 0) ^ 0xff;
    await expect(read(guard, url, streamed([damaged]))).rejects.toMatchObject({ name: 'ModelFileDamagedError' });
    expect(guard.failure?.message).toMatch(/^params_shard_0\.bin from 127\.0\.0\.1:4312 arrived damaged: its MD5 checksum is [0-9a-f]{32}, but tensor-cache\.json says/);
    expect(guard.verified.has(url)).toBe(false);
  });

  it('without an md5sum still checks the size, both short and long', async () => {
    await expect(read(shardGuard(shard, false), url, streamed([shard.subarray(1)]))).rejects.toMatchObject({ name: 'ModelFileDamagedError' });
    const long = new Uint8Array(shard.length + 1);
    await expect(read(shardGuard(shard, false), url, streamed([long]))).rejects.toThrow(/more than 300,001 bytes arrived, but tensor-cache\.json says 300,000/);
  });

  it('refuses an HTML page served as tensor-cache.json, and learns shards from a good one', async () => {
    const guard = new DownloadGuard(FOLDER, LIBRARY);
    const page = new TextEncoder().encode('<!doctype html><title>Sign in to Wi-Fi</title>');
    await expect(read(guard, `${FOLDER}tensor-cache.json`, streamed([page], { 'content-type': 'text/html' }))).rejects.toThrow(/web page instead of the model file tensor-cache\.json from 127\.0\.0\.1:4312/);
    const manifest = JSON.stringify({ records: [{ dataPath: 'params_shard_0.bin', nbytes: 4, records: [] }] });
    await read(guard, `${FOLDER}tensor-cache.json`, streamed([new TextEncoder().encode(manifest)]));
    await expect(read(guard, url, streamed([new Uint8Array(5)]))).rejects.toMatchObject({ name: 'ModelFileDamagedError' });
  });

  it('counts idle time only while a download is open', async () => {
    const guard = new DownloadGuard(FOLDER, LIBRARY);
    expect(guard.idleMs(performance.now() + 60_000)).toBe(0);
    const close = guard.opened();
    expect(guard.idleMs(performance.now() + 12_000)).toBeGreaterThanOrEqual(11_900);
    close();
    expect(guard.idleMs(performance.now() + 12_000)).toBe(0);
  });
});
