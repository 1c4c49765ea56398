/**
 * Where model files can be downloaded from. Two kinds of file, each with its own sources:
 *
 * - weights (config, tokenizer, manifest, shards): Hugging Face, or hf-mirror.com, which serves
 *   every Hugging Face repository under the same paths, or the build-time mirror
 *   (VITE_MODEL_BASE_URL, see src/lib/catalog/model-hosts.ts);
 * - model libraries (.wasm): GitHub's raw files, or jsDelivr's `gh` endpoint, which serves files
 *   of public GitHub repositories from a CDN, or the build-time mirror (VITE_MODEL_LIB_BASE_URL).
 *
 * This list is the one the page's Content-Security-Policy is built from
 * (src/lib/security/content-security-policy.ts), so the hosts offered here, the hosts the model
 * URL rules accept and the hosts the browser lets the page reach are the same. Pure data: no DOM.
 */
import { MODEL_HOSTS, type ModelHosts } from '../catalog/model-hosts.ts';

export type WeightsSourceId = 'huggingface' | 'hf-mirror' | 'mirror';
export type LibrarySourceId = 'github' | 'jsdelivr' | 'mirror';

export interface SourceInfo<Id extends string> {
  id: Id;
  /**
   * The source's name, e.g. "hf-mirror.com" (a proper name, never translated). A mirror's name
   * and every source's one-line hint are interface text: source-text.ts words them.
   */
  label: string;
  /** The host its files come from (named in the mirror's label and hint). */
  host: string;
  /** CSP host sources this source needs (its redirect targets included). */
  cspSources: readonly string[];
}

export const HUGGING_FACE_BASE = 'https://huggingface.co/';
export const HF_MIRROR_BASE = 'https://hf-mirror.com/';
export const GITHUB_RAW_BASE = 'https://raw.githubusercontent.com/';
export const JSDELIVR_GH_BASE = 'https://cdn.jsdelivr.net/gh/';

/**
 * jsDelivr's `gh` endpoint refuses files over 20 MB (packages and npm files have other limits).
 * A library known to be larger is fetched from GitHub even with jsDelivr chosen (library-urls.ts).
 */
export const JSDELIVR_MAX_FILE_BYTES = 20 * 1024 * 1024;

const PUBLIC_WEIGHTS: readonly SourceInfo<WeightsSourceId>[] = [
  {
    id: 'huggingface',
    label: 'Hugging Face',
    host: 'huggingface.co',
    // Large files are redirected to Hugging Face's CDNs (cdn-lfs.huggingface.co, *.xethub.hf.co).
    cspSources: ['https://huggingface.co', 'https://*.huggingface.co', 'https://*.hf.co'],
  },
  {
    id: 'hf-mirror',
    label: 'hf-mirror.com',
    host: 'hf-mirror.com',
    // Its large files may be redirected to its own subdomains, as Hugging Face does.
    cspSources: ['https://hf-mirror.com', 'https://*.hf-mirror.com'],
  },
];

const PUBLIC_LIBRARIES: readonly SourceInfo<LibrarySourceId>[] = [
  {
    id: 'github',
    label: 'GitHub',
    host: 'raw.githubusercontent.com',
    cspSources: ['https://raw.githubusercontent.com'],
  },
  {
    id: 'jsdelivr',
    label: 'jsDelivr',
    host: 'cdn.jsdelivr.net',
    cspSources: ['https://cdn.jsdelivr.net'],
  },
];

function mirrorInfo<Id extends string>(id: Id, base: string): SourceInfo<Id> {
  const url = new URL(base);
  return { id, label: url.host, host: url.host, cspSources: [url.origin] };
}

/** Every source of one build: the public ones, plus the build-time mirrors when configured. */
export interface SourceCatalog {
  hosts: ModelHosts;
  weights: readonly SourceInfo<WeightsSourceId>[];
  libraries: readonly SourceInfo<LibrarySourceId>[];
}

export function sourceCatalog(hosts: ModelHosts): SourceCatalog {
  return {
    hosts,
    weights: hosts.modelBaseUrl === null ? PUBLIC_WEIGHTS : [...PUBLIC_WEIGHTS, mirrorInfo('mirror', hosts.modelBaseUrl)],
    libraries: hosts.libBaseUrl === null ? PUBLIC_LIBRARIES : [...PUBLIC_LIBRARIES, mirrorInfo('mirror', hosts.libBaseUrl)],
  };
}

/** This build's sources (its mirrors from VITE_MODEL_BASE_URL and VITE_MODEL_LIB_BASE_URL). */
export const SOURCES: SourceCatalog = sourceCatalog(MODEL_HOSTS);

/** The CSP host sources of every source in the catalog, in order, without duplicates. */
export function sourceCspList(catalog: SourceCatalog): string[] {
  return [...new Set([...catalog.weights, ...catalog.libraries].flatMap((source) => source.cspSources))];
}
