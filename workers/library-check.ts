/**
 * Checks a model library before web-llm loads it: is it WebAssembly at all, and does it fit
 * this build's runtime (its imports and exports against tvmjs's, see library-abi.ts)? A library
 * built for another web-llm version otherwise fails inside web-llm with "function import
 * requires a callable", after which "try again" can never help. Failures get named errors
 * (library-diagnosis.ts; src/lib/engine/errors.ts turns them into plain words and actions).
 *
 * The library is read from web-llm's cache when it is there; a download that passes is stored
 * where web-llm looks for it, so the library is fetched once. A copy that fails is never kept.
 */
import { modelVersion } from '#engine-runtime';
import type { ModelSpec } from '../src/lib/engine/protocol';
import { runtimeAbiFor } from './library-abi';
import { deleteCachedLibrary, readCachedLibrary, storeLibrary } from './library-cache';
import { inspectLibrary, libraryErrorFrom } from './library-diagnosis';

const RUNTIME = { label: __ENGINE_VERSION__, modelVersion };

async function download(url: string): Promise<ArrayBuffer> {
  const response = await fetch(url);
  if (!response.ok) {
    // Worded like web-llm's own download errors, so errors.ts says "Download failed".
    throw new Error(`Failed to fetch the model library ${url}: HTTP status ${response.status}`);
  }
  return response.arrayBuffer();
}

/**
 * Run before web-llm's reload. Network failures are thrown as they are (a download problem, not
 * a library problem). Runtimes without an ABI table (the scripted test engine) are not checked.
 */
export async function checkModelLibrary(model: ModelSpec): Promise<void> {
  const abi = runtimeAbiFor(RUNTIME.modelVersion);
  if (!abi) return;
  const runtime = { ...RUNTIME, abi };
  const backend = model.cacheBackend ?? 'cache';
  const cached = await readCachedLibrary(model.libraryUrl, backend);
  if (cached) return inspectLibrary(cached, model.libraryUrl, runtime, true);
  const bytes = await download(model.libraryUrl);
  await inspectLibrary(bytes, model.libraryUrl, runtime, false);
  await storeLibrary(model.libraryUrl, bytes, backend);
}

/**
 * An error from web-llm's reload that is really about the library becomes the same diagnosis,
 * and the copy web-llm cached is deleted so the next attempt does not fail on it again.
 */
export async function explainLibraryFailure(error: unknown, model: ModelSpec): Promise<unknown> {
  const diagnosis = libraryErrorFrom(error, model.libraryUrl, RUNTIME);
  if (!diagnosis) return error;
  await deleteCachedLibrary(model.libraryUrl);
  return diagnosis;
}
