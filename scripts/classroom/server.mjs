// The classroom server: serves the built app and a folder of saved models on the LAN, with what
// web-llm needs from a model host (CORS, Range, Content-Length) and nothing else. Safe defaults:
// read-only (GET/HEAD/OPTIONS), no directory listing, and only files indexed at start-up are
// served, so a request path is looked up in a table, never joined onto the disk path.
//
//   /                                              the app (index.html), and every file of the build
//   /hf/<org>/<Model>/resolve/<rev>/<file>         <models>/<Model>/<file>   (VITE_MODEL_BASE_URL = /hf/)
//   /lib/<any path>/<library>.wasm                 the .wasm of that name in any model folder
//                                                  (VITE_MODEL_LIB_BASE_URL = /lib/)
import { createReadStream, readdirSync, statSync } from 'node:fs';
import { createServer as createHttpServer } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import path from 'node:path';

const TYPES = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.css': 'text/css; charset=utf-8',
  '.json': 'application/json', '.webmanifest': 'application/manifest+json', '.svg': 'image/svg+xml', '.png': 'image/png',
  '.wasm': 'application/wasm', '.bin': 'application/octet-stream', '.model': 'application/octet-stream', '.txt': 'text/plain; charset=utf-8',
};
const typeOf = (file) => TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream';
const hidden = (name) => name.startsWith('.');

/** Every plain, non-hidden file under `dir`, keyed by its '/'-separated path. */
function indexTree(dir, prefix = '', out = new Map()) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (hidden(entry.name)) continue;
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) indexTree(full, `${prefix}${entry.name}/`, out);
    else if (entry.isFile()) out.set(prefix + entry.name, full);
  }
  return out;
}

/**
 * A folder of saved models: one subfolder per model, named after its repository (as "Save to
 * folder" writes it), or a single model folder itself. Returns model → (file → path) and
 * library file name → path.
 */
export function indexModels(modelsDir) {
  const models = new Map();
  const libraries = new Map();
  const folders = readdirSync(modelsDir, { withFileTypes: true }).filter((entry) => entry.isDirectory() && !hidden(entry.name));
  const asFolders = folders.length > 0 ? folders.map((entry) => [entry.name, path.join(modelsDir, entry.name)]) : [[path.basename(modelsDir), modelsDir]];
  for (const [name, dir] of asFolders) {
    const files = new Map();
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      if (!entry.isFile() || hidden(entry.name)) continue;
      files.set(entry.name, path.join(dir, entry.name));
      if (entry.name.endsWith('.wasm') && !libraries.has(entry.name)) libraries.set(entry.name, path.join(dir, entry.name));
    }
    if (files.has('mlc-chat-config.json')) models.set(name, files);
  }
  return { models, libraries };
}

/** Decoded path segments, or null for anything that could name a hidden file or leave a folder. */
function segmentsOf(pathname) {
  try {
    const parts = pathname.split('/').slice(1).map(decodeURIComponent);
    return parts.some((part) => part.includes('/') || part.includes('\\') || part.includes('\0') || part === '..' || (hidden(part) && part !== '')) ? null : parts;
  } catch {
    return null;
  }
}

export function resolveRequest(pathname, app, index) {
  const parts = segmentsOf(pathname);
  if (!parts) return null;
  if (parts[0] === 'hf' && parts.length === 6 && parts[3] === 'resolve') {
    const file = index.models.get(parts[2])?.get(parts[5]);
    return file ? { file, model: true } : null;
  }
  if (parts[0] === 'lib' && parts.length >= 2) {
    const file = index.libraries.get(parts.at(-1));
    return file ? { file, model: true } : null;
  }
  const key = parts.join('/') || 'index.html';
  const file = app.get(key === '' ? 'index.html' : key);
  return file ? { file, model: false } : null;
}

/** `bytes=a-b`, `bytes=a-`, `bytes=-n` (one range); undefined: no header; null: unsatisfiable. */
export function parseRange(header, size) {
  if (!header) return undefined;
  const match = /^bytes=(\d*)-(\d*)$/.exec(header.trim());
  if (!match || (match[1] === '' && match[2] === '')) return null;
  let start = match[1] === '' ? size - Number(match[2]) : Number(match[1]);
  let end = match[1] === '' || match[2] === '' ? size - 1 : Math.min(Number(match[2]), size - 1);
  start = Math.max(0, start);
  if (start > end || start >= size) return null;
  return { start, end };
}

/**
 * @param {{ appDir: string, modelsDir: string, tls?: { cert: Buffer, key: Buffer }, log?: (line: string) => void }} options
 */
export function createClassroomServer({ appDir, modelsDir, tls, log = () => undefined }) {
  const app = indexTree(appDir);
  if (!app.has('index.html')) throw new Error(`${appDir} has no index.html: build the app first.`);
  const index = indexModels(modelsDir);
  const handler = (req, res) => {
    const pathname = new URL(req.url ?? '/', 'http://classroom').pathname;
    const found = resolveRequest(pathname, app, index);
    res.setHeader('X-Content-Type-Options', 'nosniff');
    if (found?.model) {
      res.setHeader('Access-Control-Allow-Origin', '*');
      res.setHeader('Access-Control-Allow-Headers', 'Range');
      res.setHeader('Access-Control-Expose-Headers', 'Content-Length, Content-Range, Accept-Ranges');
    }
    const finish = (status, body = '') => {
      res.statusCode = status;
      if (body) res.setHeader('Content-Type', 'text/plain; charset=utf-8');
      res.end(body);
      log(`${req.method} ${pathname} ${status}`);
    };
    if (req.method === 'OPTIONS') return finish(found ? 204 : 404);
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.setHeader('Allow', 'GET, HEAD, OPTIONS');
      return finish(405, 'Read-only server.\n');
    }
    if (!found) return finish(404, 'Not found.\n');
    const size = statSync(found.file).size;
    res.setHeader('Content-Type', typeOf(found.file));
    res.setHeader('Accept-Ranges', 'bytes');
    // Model files never change under a URL; the app's must be revalidated so a rebuild is picked up.
    res.setHeader('Cache-Control', found.model ? 'public, max-age=86400' : 'no-cache');
    const range = parseRange(req.headers.range, size);
    if (range === null) {
      res.setHeader('Content-Range', `bytes */${size}`);
      return finish(416);
    }
    const { start, end } = range ?? { start: 0, end: size - 1 };
    res.statusCode = range ? 206 : 200;
    if (range) res.setHeader('Content-Range', `bytes ${start}-${end}/${size}`);
    res.setHeader('Content-Length', String(Math.max(0, end - start + 1)));
    log(`${req.method} ${pathname} ${res.statusCode}${range ? ` ${start}-${end}` : ''}`);
    if (req.method === 'HEAD' || size === 0) return res.end();
    createReadStream(found.file, { start, end }).on('error', () => res.destroy()).pipe(res);
  };
  const server = tls ? createHttpsServer(tls, handler) : createHttpServer(handler);
  return { server, models: [...index.models.keys()], libraries: [...index.libraries.keys()] };
}
