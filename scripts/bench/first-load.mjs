// First-load JavaScript of a built Lineup: what a visitor's browser must download and run before
// the page works. That is index.html's module scripts and modulepreloads plus everything they
// import statically, transitively. Dynamic import() chunks (chart, service worker registration)
// and the engine worker chunk (web-llm, loaded on first Run) are left out on purpose: keeping
// them out of this set is exactly what the budget protects.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { init, parse } from 'es-module-lexer';

/** Strings that only web-llm's bundle contains (checked to be present in the engine chunk). */
export const WEBLLM_MARKERS = ['tvmjs', 'MLCEngine'];

/** @param {string} html @returns {string[]} src/href of module scripts and modulepreload links */
function entryUrls(html) {
  const urls = [];
  for (const tag of html.match(/<(?:script|link)\b[^>]*>/gi) ?? []) {
    const attr = (name) => new RegExp(`\\b${name}\\s*=\\s*["']([^"']+)["']`, 'i').exec(tag)?.[1];
    const isModuleScript = /^<script/i.test(tag) && attr('type') === 'module' && attr('src');
    const isPreload = /^<link/i.test(tag) && attr('rel') === 'modulepreload' && attr('href');
    if (isModuleScript) urls.push(attr('src'));
    else if (isPreload) urls.push(attr('href'));
  }
  return urls;
}

/**
 * @param {string} distDir a built site (dist/)
 * @returns {Promise<{ files: { file: string, bytes: number, gzip: number }[], gzipTotal: number, markersFound: string[], engineChunk: string | null, markersInEngine: string[] }>}
 */
export async function firstLoadJs(distDir) {
  await init;
  const html = readFileSync(path.join(distDir, 'index.html'), 'utf8');
  const pending = entryUrls(html).map((url) => path.resolve(distDir, url.replace(/^\//, '')));
  const seen = new Set();
  while (pending.length > 0) {
    const file = /** @type {string} */ (pending.pop());
    if (seen.has(file)) continue;
    seen.add(file);
    const [imports] = parse(readFileSync(file, 'utf8'));
    for (const entry of imports) {
      // d === -1: a static `import … from` / `export … from`; dynamic import() and import.meta are skipped.
      if (entry.d !== -1 || !entry.n || !entry.n.startsWith('.')) continue;
      pending.push(path.resolve(path.dirname(file), entry.n));
    }
  }
  const files = [...seen].map((file) => {
    const code = readFileSync(file);
    return { file: path.relative(distDir, file), bytes: code.length, gzip: gzipSync(code, { level: 9 }).length };
  });
  // "tvmjs-opfs-store" is the name of web-llm's OPFS folder, which the storage panel reads
  // (src/lib/storage/opfs-store.ts): a folder name, not web-llm's code.
  const text = [...seen].map((file) => readFileSync(file, 'utf8').replaceAll('tvmjs-opfs-store', '')).join('\n');
  const engineChunk = findEngineChunk(distDir);
  const engineText = engineChunk ? readFileSync(path.join(distDir, engineChunk), 'utf8') : '';
  return {
    files,
    gzipTotal: files.reduce((sum, f) => sum + f.gzip, 0),
    markersFound: WEBLLM_MARKERS.filter((marker) => text.includes(marker)),
    engineChunk,
    // A marker absent from web-llm itself would make the check above meaningless.
    markersInEngine: WEBLLM_MARKERS.filter((marker) => engineText.includes(marker)),
  };
}

function findEngineChunk(distDir) {
  const name = readdirSync(path.join(distDir, 'assets')).find((file) => /^engine\.worker-[\w-]+\.js$/.test(file));
  return name ? `assets/${name}` : null;
}
