/**
 * Where the catalog's models are downloaded from. Some networks (schools, companies) block
 * Hugging Face or GitHub; whoever builds Lineup for them can mirror the files on a host they
 * allow and point the build at it with two environment variables, read at build time:
 *
 *   VITE_MODEL_BASE_URL      replaces `https://huggingface.co/` in weights URLs
 *   VITE_MODEL_LIB_BASE_URL  replaces `https://raw.githubusercontent.com/mlc-ai/binary-mlc-llm-libs/main/`
 *                            in model library URLs
 *
 * The rest of each URL is kept, so the mirror reproduces the original folder layout (see the
 * README, "Mirror the models on your own host"). Pure functions: no DOM, no fetch.
 */
import type { ModelSpec } from '../engine/protocol';

export const HUGGING_FACE_PREFIX = 'https://huggingface.co/';
export const MODEL_LIB_PREFIX = 'https://raw.githubusercontent.com/mlc-ai/binary-mlc-llm-libs/main/';

export interface ModelHosts {
  /** Replacement for HUGGING_FACE_PREFIX, ending in `/`; null keeps the original host. */
  modelBaseUrl: string | null;
  /** Replacement for MODEL_LIB_PREFIX, ending in `/`; null keeps the original host. */
  libBaseUrl: string | null;
}

export const DEFAULT_HOSTS: ModelHosts = { modelBaseUrl: null, libBaseUrl: null };

/**
 * Checks one base URL. A relative URL would resolve against the page, and a `?query` would end up
 * in the middle of every file URL, so both are refused with a message naming the variable.
 * @throws Error for anything but an absolute http(s) URL without query or fragment.
 */
export function parseBaseUrl(name: string, raw: string | undefined): string | null {
  const text = raw?.trim() ?? '';
  if (text === '') return null;
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new Error(`${name} must be an absolute URL such as https://models.example.org/hf/; got "${text}"`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new Error(`${name} must start with https:// (or http:// for a local test); got "${text}"`);
  }
  if (url.search || url.hash) throw new Error(`${name} must not have a ?query or #fragment; got "${text}"`);
  // Without the trailing slash, "…/hf" + "mlc-ai/…" would glue two path segments together.
  return url.href.endsWith('/') ? url.href : `${url.href}/`;
}

/** Reads the two variables from an env object (`import.meta.env` in the app, `process.env` in the build). */
export function modelHostsFromEnv(env: Record<string, string | boolean | undefined>): ModelHosts {
  const read = (name: string) => (typeof env[name] === 'string' ? (env[name] as string) : undefined);
  return {
    modelBaseUrl: parseBaseUrl('VITE_MODEL_BASE_URL', read('VITE_MODEL_BASE_URL')),
    libBaseUrl: parseBaseUrl('VITE_MODEL_LIB_BASE_URL', read('VITE_MODEL_LIB_BASE_URL')),
  };
}

function replacePrefix(url: string, prefix: string, base: string | null): string {
  return base !== null && url.startsWith(prefix) ? base + url.slice(prefix.length) : url;
}

/**
 * The spec with its weights and library moved to the configured hosts. URLs on other hosts are
 * left alone (a model already served from elsewhere is not in the mirror). Returns a new object.
 */
export function rewriteModelHosts(spec: ModelSpec, hosts: ModelHosts): ModelSpec {
  return {
    ...spec,
    weightsUrl: replacePrefix(spec.weightsUrl, HUGGING_FACE_PREFIX, hosts.modelBaseUrl),
    libraryUrl: replacePrefix(spec.libraryUrl, MODEL_LIB_PREFIX, hosts.libBaseUrl),
  };
}

/**
 * This build's hosts. vite.config.ts validates the same variables, so a bad value fails the build.
 * Named one by one so Vite inlines just these two (and `?.` because vite.config.ts imports this
 * file in Node, where import.meta.env does not exist).
 */
export const MODEL_HOSTS: ModelHosts = modelHostsFromEnv({
  VITE_MODEL_BASE_URL: import.meta.env?.VITE_MODEL_BASE_URL,
  VITE_MODEL_LIB_BASE_URL: import.meta.env?.VITE_MODEL_LIB_BASE_URL,
});
