/**
 * Model library URLs on each library source. A library is a file in a GitHub repository at a
 * ref; the sources spell that differently:
 *
 *   GitHub raw  https://raw.githubusercontent.com/<owner>/<repo>/<ref>/<path>
 *   jsDelivr    https://cdn.jsdelivr.net/gh/<owner>/<repo>@<ref>/<path>
 *   mirror      <VITE_MODEL_LIB_BASE_URL><path>, for mlc-ai/binary-mlc-llm-libs at main only
 *               (the files the catalog uses, see src/lib/catalog/model-hosts.ts)
 *
 * A ref with a "/" in it cannot be told apart from the path in a raw URL, so refs are one path
 * segment. A URL on no known source, or one a source cannot hold, stays as it is.
 */
import { GITHUB_RAW_BASE, JSDELIVR_GH_BASE, JSDELIVR_MAX_FILE_BYTES, type LibrarySourceId, type SourceCatalog } from './sources';

/** A file in a GitHub repository. */
export interface RepoFile {
  owner: string;
  repo: string;
  ref: string;
  path: string;
}

// Owner and repository names: GitHub's characters. A ref: one segment without "@".
const SEGMENT = '[A-Za-z0-9._-]+';
const REF = '[^/@?#]+';
const RAW = new RegExp(`^${escape(GITHUB_RAW_BASE)}(${SEGMENT})/(${SEGMENT})/(${REF})/([^?#]+)$`);
const JSDELIVR = new RegExp(`^${escape(JSDELIVR_GH_BASE)}(${SEGMENT})/(${SEGMENT})@(${REF})/([^?#]+)$`);

const MIRRORED: Omit<RepoFile, 'path'> = { owner: 'mlc-ai', repo: 'binary-mlc-llm-libs', ref: 'main' };

/**
 * Library files known to be larger than jsDelivr serves (JSDELIVR_MAX_FILE_BYTES), by file name.
 * web-llm's catalog does not record library sizes; the libraries of 0.2.86's catalog are a few
 * MB each (compiled kernels, not weights), so none is known to be over. Add a name here when one
 * is: it is then fetched from GitHub even with jsDelivr chosen.
 */
export const LIBRARY_BYTES: ReadonlyMap<string, number> = new Map();

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}

function mirrorBase(catalog: SourceCatalog): string | null {
  return catalog.libraries.some((source) => source.id === 'mirror') ? catalog.hosts.libBaseUrl : null;
}

export interface LibraryLocation {
  source: LibrarySourceId;
  file: RepoFile;
}

/** Which source serves this library URL, and which repository file it is; null when unknown. */
export function locateLibrary(url: string, catalog: SourceCatalog): LibraryLocation | null {
  const mirror = mirrorBase(catalog);
  // The mirror first: its base may lie on a public host (a mirror on raw.githubusercontent.com).
  if (mirror !== null && url.startsWith(mirror) && url.length > mirror.length && !/[?#]/.test(url)) {
    return { source: 'mirror', file: { ...MIRRORED, path: url.slice(mirror.length) } };
  }
  const raw = RAW.exec(url);
  if (raw) return { source: 'github', file: { owner: raw[1]!, repo: raw[2]!, ref: raw[3]!, path: raw[4]! } };
  const cdn = JSDELIVR.exec(url);
  if (cdn) return { source: 'jsdelivr', file: { owner: cdn[1]!, repo: cdn[2]!, ref: cdn[3]!, path: cdn[4]! } };
  return null;
}

/** The URL of a repository file on a source, or null when that source cannot serve it. */
export function libraryFileUrl(file: RepoFile, source: LibrarySourceId, catalog: SourceCatalog): string | null {
  if (source === 'github') return `${GITHUB_RAW_BASE}${file.owner}/${file.repo}/${file.ref}/${file.path}`;
  if (source === 'jsdelivr') {
    const name = file.path.split('/').at(-1) ?? '';
    if ((LIBRARY_BYTES.get(name) ?? 0) > JSDELIVR_MAX_FILE_BYTES) return null;
    return `${JSDELIVR_GH_BASE}${file.owner}/${file.repo}@${file.ref}/${file.path}`;
  }
  const mirror = mirrorBase(catalog);
  const mirrored = file.owner === MIRRORED.owner && file.repo === MIRRORED.repo && file.ref === MIRRORED.ref;
  return mirror !== null && mirrored ? mirror + file.path : null;
}

/**
 * The same library on another source. Unchanged when the URL is on no known source; on GitHub
 * when the chosen source cannot serve this file (too big for jsDelivr, not in the mirror).
 */
export function libraryUrlOn(url: string, source: LibrarySourceId, catalog: SourceCatalog): string {
  const location = locateLibrary(url, catalog);
  if (!location || !catalog.libraries.some((known) => known.id === source)) return url;
  return libraryFileUrl(location.file, source, catalog) ?? libraryFileUrl(location.file, 'github', catalog)!;
}
