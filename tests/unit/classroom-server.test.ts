// @vitest-environment node
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { createClassroomServer, parseRange } from '../../scripts/classroom/server.mjs';

// The classroom server on 127.0.0.1 only (never another address in tests): it serves the app and
// the saved models with the headers web-llm needs, and nothing else.

const MODEL = 'Qwen2-0.5B-Instruct-q4f32_1-MLC';
const LIB = 'Qwen2-0.5B-Instruct-q4f32_1-ctx4k_cs1k-webgpu.wasm';
const SHARD = Uint8Array.from({ length: 5000 }, (_, i) => i % 251);
let dir: string;
let server: Server;
let base: string;

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'classroom-'));
  const app = path.join(dir, 'app');
  const models = path.join(dir, 'models');
  mkdirSync(path.join(app, 'assets'), { recursive: true });
  writeFileSync(path.join(app, 'index.html'), '<!doctype html><title>Lineup</title>');
  writeFileSync(path.join(app, 'assets', 'index.js'), 'console.log(1)');
  writeFileSync(path.join(app, '.env'), 'SECRET=1');
  mkdirSync(path.join(models, MODEL), { recursive: true });
  writeFileSync(path.join(models, MODEL, 'mlc-chat-config.json'), '{}');
  writeFileSync(path.join(models, MODEL, 'params_shard_0.bin'), SHARD);
  writeFileSync(path.join(models, MODEL, LIB), 'wasm');
  writeFileSync(path.join(models, MODEL, '.secret'), 'no');
  writeFileSync(path.join(models, 'notes.txt'), 'not a model file');
  ({ server } = createClassroomServer({ appDir: app, modelsDir: models }));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
  rmSync(dir, { recursive: true, force: true });
});

const weights = (file: string) => `${base}/hf/mlc-ai/${MODEL}/resolve/main/${file}`;

describe('classroom server', () => {
  it('serves the app at / and its files', async () => {
    const page = await fetch(`${base}/`);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(await page.text()).toContain('<title>Lineup</title>');
    expect((await fetch(`${base}/assets/index.js`)).status).toBe(200);
  });

  it('serves model files with CORS, their length, and byte ranges', async () => {
    const whole = await fetch(weights('params_shard_0.bin'), { headers: { Origin: 'http://example.test' } });
    expect(whole.status).toBe(200);
    expect(whole.headers.get('access-control-allow-origin')).toBe('*');
    expect(whole.headers.get('content-length')).toBe('5000');
    expect(whole.headers.get('accept-ranges')).toBe('bytes');
    expect(new Uint8Array(await whole.arrayBuffer())).toEqual(SHARD);

    const part = await fetch(weights('params_shard_0.bin'), { headers: { Range: 'bytes=1000-1009' } });
    expect(part.status).toBe(206);
    expect(part.headers.get('content-range')).toBe('bytes 1000-1009/5000');
    expect(part.headers.get('content-length')).toBe('10');
    expect([...new Uint8Array(await part.arrayBuffer())]).toEqual([...SHARD.subarray(1000, 1010)]);
    expect((await fetch(weights('params_shard_0.bin'), { headers: { Range: 'bytes=-4' } })).headers.get('content-range')).toBe('bytes 4996-4999/5000');

    const beyond = await fetch(weights('params_shard_0.bin'), { headers: { Range: 'bytes=6000-' } });
    expect(beyond.status).toBe(416);
    expect(beyond.headers.get('content-range')).toBe('bytes */5000');

    const head = await fetch(weights('params_shard_0.bin'), { method: 'HEAD' });
    expect(head.headers.get('content-length')).toBe('5000');
    const preflight = await fetch(weights('params_shard_0.bin'), { method: 'OPTIONS' });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('access-control-allow-headers')).toBe('Range');
  });

  it('serves a model library under any library path, by its file name', async () => {
    const library = await fetch(`${base}/lib/web-llm-models/v0_2_86/base/${LIB}`);
    expect(library.status).toBe(200);
    expect(library.headers.get('content-type')).toBe('application/wasm');
  });

  it('serves no other path: no listings, hidden files, escapes, unknown models or writes', async () => {
    const refused = [
      `${base}/assets/`,
      `${base}/.env`,
      `${base}/hf/mlc-ai/${MODEL}/resolve/main/`,
      weights('.secret'),
      weights('missing.bin'),
      weights('..%2F..%2Fapp%2Findex.html'),
      `${base}/hf/mlc-ai/${MODEL}/resolve/main/%2e%2e/notes.txt`,
      `${base}/hf/mlc-ai/Other-MLC/resolve/main/mlc-chat-config.json`,
      `${base}/notes.txt`,
      `${base}/models/${MODEL}/params_shard_0.bin`,
      `${base}/lib/`,
      `${base}/lib/notes.txt`,
      `${base}/%E0%A4%A`,
    ];
    for (const url of refused) expect([url, (await fetch(url)).status]).toEqual([url, 404]);
    const write = await fetch(weights('params_shard_0.bin'), { method: 'PUT', body: 'x' });
    expect(write.status).toBe(405);
    expect(write.headers.get('allow')).toBe('GET, HEAD, OPTIONS');
  });
});

describe('parseRange', () => {
  it('reads one byte range and refuses what cannot be served', () => {
    expect(parseRange(undefined, 10)).toBeUndefined();
    expect(parseRange('bytes=0-', 10)).toEqual({ start: 0, end: 9 });
    expect(parseRange('bytes=2-100', 10)).toEqual({ start: 2, end: 9 });
    expect(parseRange('bytes=-3', 10)).toEqual({ start: 7, end: 9 });
    expect(parseRange('bytes=5-2', 10)).toBeNull();
    expect(parseRange('bytes=0-1,4-5', 10)).toBeNull();
    expect(parseRange('items=0-1', 10)).toBeNull();
  });
});
