/**
 * The diagnosis of a model library's bytes: WebAssembly or not, compilable or not, built for this
 * runtime or not. Pure (no fetching, no caches, no web-llm import), so unit tests run it on the
 * real fixture library against each runtime's ABI. library-check.ts does the I/O around it.
 */
import { versionMismatchText } from '../src/lib/engine/library-version';
import { compareAbi, describeMismatch, isMismatch, type RuntimeAbi } from './library-abi';
import { notWasmText, sniffLibraryFormat } from './library-format';

/** The runtime a library must fit: its label for people, web-llm's modelVersion and its ABI. */
export interface LibraryRuntime {
  label: string;
  modelVersion: string;
  abi: RuntimeAbi;
}

/*
 * The message of each error is "<plain words>\n<technical details>": only name and message
 * cross the worker boundary, and errors.ts shows the first line as the explanation.
 */
export class ModelLibraryVersionError extends Error {
  override name = 'ModelLibraryVersionError';
}
export class ModelLibraryFormatError extends Error {
  override name = 'ModelLibraryFormatError';
}
/** The copy in the browser's cache fails, whatever the URL serves now: deleting it may help. */
export class CachedModelLibraryError extends Error {
  override name = 'CachedModelLibraryError';
}

function cachedCopyText(problem: string, runtime: LibraryRuntime): string {
  return (
    `The copy of this model library saved in the browser does not work with ${runtime.label} (${problem}). ` +
    'It was saved earlier, and the file at its URL may have changed since. Delete the cached copy to download it again.'
  );
}

/** Throws a named error when `bytes` cannot be this runtime's library; resolves otherwise. */
export async function inspectLibrary(bytes: ArrayBuffer, url: string, runtime: LibraryRuntime, fromCache: boolean): Promise<void> {
  const view = new Uint8Array(bytes);
  const format = sniffLibraryFormat(view);
  if (format !== 'wasm') {
    const firstLine = new TextDecoder().decode(view.subarray(0, 200)).split('\n')[0]?.trim() ?? '';
    const technical = `${url} starts with ${JSON.stringify(firstLine.slice(0, 80))} (${bytes.byteLength} bytes), not the WebAssembly magic number`;
    if (fromCache) throw new CachedModelLibraryError(`${cachedCopyText('it is not WebAssembly', runtime)}\n${technical}`);
    throw new ModelLibraryFormatError(`${notWasmText(format, firstLine)}\n${technical}`);
  }
  let module: WebAssembly.Module;
  try {
    module = await WebAssembly.compile(bytes);
  } catch (error) {
    const technical = `WebAssembly.compile: ${(error as Error)?.message ?? error}`;
    if (fromCache) throw new CachedModelLibraryError(`${cachedCopyText('it is damaged', runtime)}\n${technical}`);
    throw new ModelLibraryFormatError(
      `The model library at this URL is damaged or truncated WebAssembly, so it cannot be compiled. Edit the model, or check the file on its host.\n${technical}`,
    );
  }
  const mismatch = compareAbi(WebAssembly.Module.imports(module), WebAssembly.Module.exports(module), runtime.abi);
  if (!isMismatch(mismatch)) return;
  const technical = `Library ${url} does not match ${runtime.label} (modelVersion ${runtime.modelVersion}): ${describeMismatch(mismatch)}`;
  if (fromCache) throw new CachedModelLibraryError(`${cachedCopyText(`it was built for another web-llm version than ${runtime.modelVersion}`, runtime)}\n${technical}`);
  throw new ModelLibraryVersionError(`${versionMismatchText(url, runtime)}\n${technical}`);
}

const LIBRARY_FAILURE = /function import requires a callable|WebAssembly\.(?:instantiate|compile|Module)|Import #\d+ .*"env"|wasm.*magic|expected magic word/i;

/**
 * An error from web-llm's reload that is really about the library (a LinkError or CompileError
 * the check did not foresee, or a runtime without an ABI table) as the same named diagnosis;
 * null for any other error.
 */
export function libraryErrorFrom(error: unknown, libraryUrl: string, runtime: Omit<LibraryRuntime, 'abi'>): Error | null {
  const name = String((error as { name?: unknown } | null)?.name ?? '');
  const message = String((error as { message?: unknown } | null)?.message ?? error);
  const isLibrary = name === 'LinkError' || name === 'CompileError' || LIBRARY_FAILURE.test(message);
  if (!isLibrary) return null;
  const technical = `${name}: ${message}`;
  if (name === 'CompileError' || /magic/i.test(message)) {
    return new ModelLibraryFormatError(
      `The model library at this URL is not valid WebAssembly, so it cannot be compiled. Edit the model and give the URL of the raw .wasm file.\n${technical}`,
    );
  }
  return new ModelLibraryVersionError(`${versionMismatchText(libraryUrl, runtime)}\n${technical}`);
}
