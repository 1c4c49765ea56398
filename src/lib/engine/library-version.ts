/**
 * web-llm model libraries (.wasm) are published per engine ABI in version folders, e.g.
 * `web-llm-models/v0_2_48/…` or `web-llm-models/v0_2_86/base/…`; web-llm names the folder its
 * runtime needs `modelVersion`. A library from another folder cannot be instantiated (different
 * runtime imports), so both the custom model form and the engine's error message name the folder.
 * Pure: used by the page and by the engine worker.
 */

const VERSION_SEGMENT = /^v\d+_\d+_\d+$/;

/** The version folder a library URL names (`v0_2_48`, `v0_2_86/base`), or null when none. */
export function versionFolderOf(url: string): string | null {
  let segments: string[];
  try {
    segments = new URL(url).pathname.split('/').filter(Boolean);
  } catch {
    return null;
  }
  const at = segments.findIndex((segment) => VERSION_SEGMENT.test(segment));
  if (at < 0) return null;
  const next = segments[at + 1];
  // `v0_2_86/base`: a sub-folder counts when it is a folder, not the library file itself.
  const sub = next !== undefined && at + 1 < segments.length - 1 && !VERSION_SEGMENT.test(next) ? `/${next}` : '';
  return `${segments[at]}${sub}`;
}

/** The `vX_Y_Z` part of a folder or of web-llm's modelVersion. */
function versionOf(folder: string): string {
  return folder.split('/')[0] ?? folder;
}

/** True when the URL names a version folder and it is not the runtime's. */
export function namesOtherVersion(url: string, modelVersion: string): boolean {
  const folder = versionFolderOf(url);
  return folder !== null && versionOf(folder) !== versionOf(modelVersion);
}

/**
 * The same URL with its version folder replaced by the runtime's, without the file name (file
 * names differ between versions), e.g. `…/web-llm-models/v0_2_86/base/`. Null without a folder.
 */
export function matchingFolderUrl(url: string, modelVersion: string): string | null {
  const folder = versionFolderOf(url);
  if (folder === null) return null;
  const parsed = new URL(url);
  const at = parsed.pathname.indexOf(`/${folder}/`);
  parsed.pathname = `${parsed.pathname.slice(0, at)}/${modelVersion}/`;
  parsed.search = parsed.hash = '';
  return parsed.href;
}

/** The custom model form's up-front warning, or null when the URL names no other version. */
export function libraryVersionWarning(url: string, modelVersion: string): string | null {
  if (!namesOtherVersion(url, modelVersion)) return null;
  const folder = versionFolderOf(url);
  const fix = matchingFolderUrl(url, modelVersion);
  return (
    `This library is in the folder ${folder}, built for another version of web-llm; this app needs libraries ` +
    `built for ${modelVersion}, so loading will fail. Use the library from the ${modelVersion} folder` +
    `${fix ? ` (${fix})` : ''}.`
  );
}

/** Plain words for a library built for another runtime (the engine worker's error message). */
export function versionMismatchText(url: string, runtime: { label: string; modelVersion: string }): string {
  const folder = versionFolderOf(url);
  const builtFor = folder && namesOtherVersion(url, runtime.modelVersion) ? `for another version of web-llm (its folder is ${folder})` : 'for another version of web-llm';
  const fix = matchingFolderUrl(url, runtime.modelVersion);
  return (
    `This model library was built ${builtFor}. Lineup runs ${runtime.label}, which needs libraries built for ` +
    `${runtime.modelVersion}. Edit the model and use a library URL from the ${runtime.modelVersion} folder` +
    `${fix ? `, e.g. ${fix}` : ''}.`
  );
}
