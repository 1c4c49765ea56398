#!/usr/bin/env node
// A tiny zero-dependency HTTP server that plays "Hugging Face + model-library CDN" for tests:
// the real engine downloads the synthetic Qwen2 model from it exactly as it would from the web.
//
//   GET /models/synth/resolve/main/<file>   mlc-chat-config.json, tokenizer.json, tokenizer_config.json
//                                           (fixture); tensor-cache.json, ndarray-cache.json,
//                                           params_shard_N.bin (synthetic weights)
//   GET /libs/<WASM_NAME>                   the model library (application/wasm)
//   anything else                           404
// The model URL must contain "/resolve/main/" (web-llm appends it otherwise).
//
// Failure injection (for download-error/retry tests):
//   POST /__control  {"failNext": {"path": "params_shard_3", "status": 500, "times": 1}}
//     -> the next `times` (default 1) GET/HEAD requests whose path contains `path` answer `status`.
//   POST /__control  {"reset": true}   -> clears pending failures.
//   GET  /__control                     -> {"failures": [...], "requests": <count by path>}
//   DELETE /__control                   -> same as reset.
//
// CLI: node tests/support/model-server.mjs [--port 8765] [--host 127.0.0.1]   (LINEUP_SERVER_LOG=1 logs requests)
import { createReadStream, statSync } from 'node:fs';
import { createServer } from 'node:http';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { FIXTURE_MODEL_FILES, WASM_NAME, fixtureDir, syntheticWeightsDir } from './fixture.mjs';

export const MODEL_PATH = '/models/synth/resolve/main/';
export const LIB_PATH = `/libs/${WASM_NAME}`;

const SYNTH_FILE = /^(tensor-cache\.json|ndarray-cache\.json|params_shard_\d+\.bin)$/;
const CORS = {
  'Access-Control-Allow-Origin': '*',
  'Access-Control-Allow-Methods': 'GET, HEAD, POST, DELETE, OPTIONS',
  'Access-Control-Allow-Headers': '*',
  'Access-Control-Expose-Headers': 'Content-Length, Content-Type',
};

/** @param {string} file @returns {string} */
function contentType(file) {
  if (file.endsWith('.wasm')) return 'application/wasm';
  if (file.endsWith('.json')) return 'application/json';
  return 'application/octet-stream';
}

/** Maps a URL path to a file on disk, or null (404). Never joins user input into a path unchecked. */
function resolveFile(/** @type {string} */ pathname) {
  if (pathname === LIB_PATH) return path.join(fixtureDir, WASM_NAME);
  if (!pathname.startsWith(MODEL_PATH)) return null;
  const name = pathname.slice(MODEL_PATH.length);
  if (FIXTURE_MODEL_FILES.includes(name)) return path.join(fixtureDir, name);
  if (SYNTH_FILE.test(name)) return path.join(syntheticWeightsDir, name);
  return null;
}

/**
 * @param {{ port?: number, host?: string, log?: boolean }} [opts]
 * @returns {Promise<{ url: string, port: number, close: () => Promise<void> }>}
 */
export function startModelServer({ port = 0, host = '127.0.0.1', log = process.env.LINEUP_SERVER_LOG === '1' } = {}) {
  /** @type {{ path: string, status: number, times: number }[]} */
  let failures = [];
  /** @type {Record<string, number>} */
  const requests = {};

  const server = createServer((req, res) => {
    const started = Date.now();
    const method = req.method ?? 'GET';
    let pathname = '';
    try {
      pathname = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    } catch {
      pathname = '/<malformed>'; // a bad %-escape must not crash the server; it falls through to 404
    }
    if (log) res.on('finish', () => console.log(`[model-server] ${method} ${pathname} -> ${res.statusCode} (${Date.now() - started} ms)`));

    const send = (/** @type {number} */ status, /** @type {string} */ body, type = 'text/plain; charset=utf-8') => {
      res.writeHead(status, { ...CORS, 'Content-Type': type, 'Content-Length': Buffer.byteLength(body) });
      res.end(method === 'HEAD' ? undefined : body);
    };

    if (method === 'OPTIONS') {
      res.writeHead(204, { ...CORS, 'Access-Control-Max-Age': '600' });
      return res.end();
    }

    if (pathname === '/__control') {
      if (method === 'GET') return send(200, JSON.stringify({ failures, requests }), 'application/json');
      if (method === 'DELETE') {
        failures = [];
        return send(200, '{"ok":true}', 'application/json');
      }
      if (method !== 'POST') return send(405, 'method not allowed');
      let body = '';
      req.setEncoding('utf8');
      req.on('data', (c) => (body += c));
      req.on('end', () => {
        try {
          const cmd = body ? JSON.parse(body) : {};
          if (cmd.reset) failures = [];
          if (cmd.failNext) {
            const { path: sub, status = 500, times = 1 } = cmd.failNext;
            if (typeof sub !== 'string') throw new Error('failNext.path must be a string');
            failures.push({ path: sub, status, times });
          }
          send(200, JSON.stringify({ ok: true, failures }), 'application/json');
        } catch (err) {
          send(400, String(err));
        }
      });
      return;
    }

    if (method !== 'GET' && method !== 'HEAD') return send(405, 'method not allowed');
    requests[pathname] = (requests[pathname] ?? 0) + 1;

    const failure = failures.find((f) => pathname.includes(f.path));
    if (failure) {
      if (--failure.times <= 0) failures = failures.filter((f) => f !== failure);
      return send(failure.status, `injected failure ${failure.status}`);
    }

    const file = resolveFile(pathname);
    /** @type {import('node:fs').Stats | undefined} */
    let st;
    try {
      st = file ? statSync(file) : undefined;
    } catch {
      st = undefined;
    }
    if (!file || !st?.isFile()) return send(404, `not found: ${pathname}`);

    res.writeHead(200, {
      ...CORS,
      'Content-Type': contentType(file),
      'Content-Length': st.size,
      'Cache-Control': 'no-store', // the engine's own Cache API storage is what tests exercise
    });
    if (method === 'HEAD') return res.end();
    const stream = createReadStream(file); // streamed: shards are up to 68 MB, 309 MB in all
    stream.on('error', () => res.destroy());
    res.on('close', () => stream.destroy()); // client aborted (e.g. engine.unload mid-download)
    stream.pipe(res);
  });

  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      const addr = /** @type {import('node:net').AddressInfo} */ (server.address());
      resolve({
        url: `http://${host}:${addr.port}`,
        port: addr.port,
        close: () =>
          new Promise((done) => {
            server.close(() => done());
            server.closeAllConnections();
          }),
      });
    });
  });
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const arg = (/** @type {string} */ name, /** @type {string} */ dflt) => {
    const i = process.argv.indexOf(name);
    return i >= 0 && process.argv[i + 1] ? /** @type {string} */ (process.argv[i + 1]) : dflt;
  };
  const { url, close } = await startModelServer({ port: Number(arg('--port', '8765')), host: arg('--host', '127.0.0.1') });
  console.log(`model server: ${url}  (model ${url}${MODEL_PATH}, lib ${url}${LIB_PATH})`);
  const stop = () => close().then(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}
