#!/usr/bin/env node
// A tiny zero-dependency HTTP server that plays "Hugging Face + model-library CDN" for tests:
// the real engine downloads the synthetic Qwen2 model from it exactly as it would from the web.
//
//   GET /models/synth/resolve/main/<file>   mlc-chat-config.json, tokenizer.json, tokenizer_config.json
//                                           (fixture); tensor-cache.json, ndarray-cache.json,
//                                           params_shard_N.bin (synthetic weights)
//   GET /libs/<WASM_NAME>                   the model library (application/wasm)
//   GET /libs/v0_2_48/<WASM_NAME>           the same, under a version folder (also v0_2_86/base/…)
//   anything else                           404
// The model URL must contain "/resolve/main/" (web-llm appends it otherwise).
//
// Failure injection (for download-error/retry tests):
//   POST /__control  {"failNext": {"path": "params_shard_3", "status": 500, "times": 1}}
//     -> the next `times` (default 1) GET/HEAD requests whose path contains `path` answer `status`.
//   POST /__control  {"fault": {"path": "params_shard_8", "kind": "corrupt", "times": 2}}
//     -> faults a test can leave in place until reset (`times` defaults to every request):
//        corrupt  200 with the right length, some bytes flipped (a damaged download)
//        stall    200 headers, then not one byte (until the client gives up)
//        html     200 text/html error page (captive portals and school filters do this)
//        config   mlc-chat-config.json merged with `config` (null deletes a key), 200
//   POST /__control  {"reset": true}   -> clears pending failures and faults.
//   GET  /__control                     -> {"failures": [...], "requests": <count by path>}
//   DELETE /__control                   -> same as reset.
//
// CLI: node tests/support/model-server.mjs [--port 8765] [--host 127.0.0.1]   (LINEUP_SERVER_LOG=1 logs requests)
import { createHash } from 'node:crypto';
import { createReadStream, readFileSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { FIXTURE_MODEL_FILES, WASM_NAME, fixtureDir, syntheticWeightsDir } from './fixture.mjs';

export const MODEL_PATH = '/models/synth/resolve/main/';
export const LIB_PATH = `/libs/${WASM_NAME}`;
const VERSIONED_LIB = /^\/libs\/v\d+_\d+_\d+(?:\/[a-z]+)?\/([^/]+)$/;

const MANIFEST = /^(tensor-cache|ndarray-cache)\.json$/;
const HTML_PAGE = '<!DOCTYPE html><html><head><title>Blocked</title></head><body><h1>This site is blocked by your network administrator</h1></body></html>';
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
  // The same library under a web-llm version folder (/libs/v0_2_48/…, /libs/v0_2_86/base/…), as
  // binary-mlc-llm-libs publishes them: the library-version tests need a URL that names a folder.
  if (VERSIONED_LIB.exec(pathname)?.[1] === WASM_NAME) return path.join(fixtureDir, WASM_NAME);
  if (!pathname.startsWith(MODEL_PATH)) return null;
  const name = pathname.slice(MODEL_PATH.length);
  if (FIXTURE_MODEL_FILES.includes(name)) return path.join(fixtureDir, name);
  if (SYNTH_FILE.test(name)) return path.join(syntheticWeightsDir, name);
  return null;
}

/** @type {Map<string, string>} */
const manifestCache = new Map();

/**
 * The manifest as MLC's converter writes it: each shard record carries the shard's `md5sum`
 * (tvm/contrib/tvmjs.py). The synthetic weights' manifest has none, so it is added here, once.
 */
function manifestWithHashes(/** @type {string} */ file) {
  const cached = manifestCache.get(file);
  if (cached) return cached;
  const manifest = JSON.parse(readFileSync(file, 'utf8'));
  for (const shard of manifest.records) {
    shard.md5sum = createHash('md5').update(readFileSync(path.join(path.dirname(file), shard.dataPath))).digest('hex');
  }
  const text = JSON.stringify(manifest);
  manifestCache.set(file, text);
  return text;
}

/** Streams `file` with a few bytes flipped in its middle: same length, 200, wrong content. */
function sendCorrupted(/** @type {import('node:http').ServerResponse} */ res, /** @type {string} */ file) {
  const bytes = readFileSync(file);
  const middle = Math.floor(bytes.length / 2);
  for (let i = middle; i < Math.min(bytes.length, middle + 64); i++) bytes[i] = (bytes[i] ?? 0) ^ 0xff;
  res.end(bytes);
}

/**
 * @param {{ port?: number, host?: string, log?: boolean }} [opts]
 * @returns {Promise<{ url: string, port: number, close: () => Promise<void> }>}
 */
export function startModelServer({ port = 0, host = '127.0.0.1', log = process.env.LINEUP_SERVER_LOG === '1' } = {}) {
  /** @type {{ path: string, status: number, times: number }[]} */
  let failures = [];
  /** @type {{ path: string, kind: string, times: number, config?: Record<string, unknown> }[]} */
  let faults = [];
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
      if (method === 'GET') return send(200, JSON.stringify({ failures, faults, requests }), 'application/json');
      if (method === 'DELETE') {
        failures = [];
        faults = [];
        return send(200, '{"ok":true}', 'application/json');
      }
      if (method !== 'POST') return send(405, 'method not allowed');
      let body = '';
      req.setEncoding('utf8');
      req.on('data', (c) => (body += c));
      req.on('end', () => {
        try {
          const cmd = body ? JSON.parse(body) : {};
          if (cmd.reset) {
            failures = [];
            faults = [];
          }
          if (cmd.fault) {
            const { path: sub, kind, times = Number.POSITIVE_INFINITY, config } = cmd.fault;
            if (typeof sub !== 'string' || !['corrupt', 'stall', 'html', 'config'].includes(kind)) {
              throw new Error('fault needs a path and a kind: corrupt, stall, html or config');
            }
            faults.push({ path: sub, kind, times, config });
          }
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

    const fault = faults.find((f) => pathname.includes(f.path));
    if (fault && --fault.times <= 0) faults = faults.filter((f) => f !== fault);
    if (fault?.kind === 'html') return send(200, HTML_PAGE, 'text/html; charset=utf-8');
    if (fault?.kind === 'config') {
      const config = { ...JSON.parse(readFileSync(file, 'utf8')) };
      for (const [key, value] of Object.entries(fault.config ?? {})) {
        if (value === null) delete config[key];
        else config[key] = value;
      }
      return send(200, JSON.stringify(config), 'application/json');
    }
    if (MANIFEST.test(path.basename(file)) && file.startsWith(syntheticWeightsDir)) {
      return send(200, manifestWithHashes(file), 'application/json');
    }

    res.writeHead(200, {
      ...CORS,
      'Content-Type': contentType(file),
      'Content-Length': st.size,
      'Cache-Control': 'no-store', // the engine's own Cache API storage is what tests exercise
    });
    if (method === 'HEAD') return res.end();
    if (fault?.kind === 'stall') return; // headers sent, no body: the client must notice on its own
    if (fault?.kind === 'corrupt') return sendCorrupted(res, file);
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
