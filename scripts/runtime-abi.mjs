// Reads, from web-llm's bundled tvmjs, what its WebAssembly runtime hands a model library
// (the `env` and `wasi_snapshot_preview1` imports) and which library exports it calls.
// tvmjs is not exported by web-llm, so the page cannot ask it at run time; this extraction runs
// at development time (`node scripts/extract-runtime-abi.mjs`) and a unit test re-runs it, so an
// upgrade of web-llm that changes the ABI fails the tests until the table is regenerated.
import { readFileSync } from 'node:fs';

/** Keys of a JS object literal's top level, quoted or not: `{a:x,"b":y}` → ['a', 'b']. */
function literalKeys(body) {
  const keys = [];
  let depth = 0;
  let expectKey = true;
  for (let i = 0; i < body.length; i++) {
    const ch = body[i];
    if (ch === '{' || ch === '(' || ch === '[') depth++;
    else if (ch === '}' || ch === ')' || ch === ']') depth--;
    else if (ch === ',' && depth === 0) expectKey = true;
    else if (expectKey && depth === 0 && !/\s/.test(ch)) {
      const match = /^(?:"([^"]+)"|'([^']+)'|([A-Za-z_$][\w$]*))\s*:/.exec(body.slice(i));
      if (match) {
        keys.push(match[1] ?? match[2] ?? match[3]);
        i += match[0].length - 1;
      }
      expectKey = false;
    }
  }
  return keys;
}

/** The body between the braces that open at `from` (the index of `{`). */
function bracedBody(source, from) {
  let depth = 0;
  for (let i = from; i < source.length; i++) {
    if (source[i] === '{') depth++;
    else if (source[i] === '}' && --depth === 0) return source.slice(from + 1, i);
  }
  throw new Error('unbalanced braces');
}

function objectAfter(source, marker, from = 0) {
  const at = source.indexOf(marker, from);
  if (at < 0) throw new Error(`tvmjs layout changed: "${marker}" not found`);
  return literalKeys(bracedBody(source, source.indexOf('{', at)));
}

/**
 * @param {string} source web-llm's lib/index.js
 * @returns {{ modelVersion: string, provides: { env: string[], wasi_snapshot_preview1: string[] }, requiresExports: string[] }}
 */
export function extractRuntimeAbi(source) {
  const modelVersion = /const modelVersion = "([^"]+)"/.exec(source)?.[1];
  if (!modelVersion) throw new Error('web-llm layout changed: modelVersion not found');
  // EmccWASI wraps tvmjs's Emscripten glue; its `wasmImports` object is handed to the library as
  // both `env` and `wasi_snapshot_preview1` (createWasm: {"env": wasmImports, "wasi_...": wasmImports}).
  const wasi = source.indexOf('function EmccWASI()');
  if (wasi < 0) throw new Error('tvmjs layout changed: EmccWASI not found');
  const glue = objectAfter(source, 'var wasmImports=', wasi);
  if (!source.slice(wasi).includes('{"env":wasmImports,"wasi_snapshot_preview1":wasmImports}')) {
    throw new Error('tvmjs layout changed: wasmImports is no longer both env and wasi_snapshot_preview1');
  }
  // Environment.environment() then adds its defaults and its own functions to `env` only.
  const envStart = source.indexOf('environment(initEnv)');
  if (envStart < 0) throw new Error('tvmjs layout changed: Environment.environment not found');
  const defaults = objectAfter(source, 'const defaultEnv = ', envStart);
  const added = objectAfter(source, 'const newEnv = ', envStart);
  // Exports the runtime calls on the library instance (validateInstance, FFI calls).
  const tvmjs = source.slice(source.indexOf('class Environment'), source.indexOf('function instantiate(bufferSource'));
  const checked = [...tvmjs.matchAll(/checkExports\(\[([^\]]*)\]\)/g)].flatMap((m) => [...m[1].matchAll(/"([^"]+)"/g)].map((n) => n[1]));
  const called = [...tvmjs.matchAll(/\bthis\.(?:lib\.)?exports\.(TVM\w+)/g)].map((m) => m[1]);
  const sorted = (names) => [...new Set(names)].sort();
  return {
    modelVersion,
    provides: { env: sorted([...defaults, ...glue, ...added]), wasi_snapshot_preview1: sorted(glue) },
    requiresExports: sorted([...checked, ...called]),
  };
}

/** The runtimes this app can be built with (vite.config.ts ENGINE_RUNTIMES), by package dir. */
export const RUNTIME_PACKAGES = ['node_modules/@mlc-ai/web-llm', 'node_modules/web-llm-compat'];

/** @param {string} root repository root */
export function extractAll(root) {
  const table = {};
  for (const dir of RUNTIME_PACKAGES) {
    const { version } = JSON.parse(readFileSync(`${root}/${dir}/package.json`, 'utf8'));
    const abi = extractRuntimeAbi(readFileSync(`${root}/${dir}/lib/index.js`, 'utf8'));
    table[abi.modelVersion] = { webllmVersion: version, provides: abi.provides, requiresExports: abi.requiresExports };
  }
  return table;
}
