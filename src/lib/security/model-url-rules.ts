/**
 * The one rule set for the URLs and ids of models, used by every path that creates, stores or
 * loads a model: the custom-model form, preferences read back, history records (stored and
 * imported), share links, re-runs and, last, the engine client and worker before a load. A URL
 * the form accepts is therefore accepted everywhere else, and one the storage schema refuses is
 * refused by the form too (see tests/unit/model-url-rules.test.ts).
 *
 * Problems are phrases meant to follow a label ("Weights URL " + problem), so each caller can
 * name the field its user sees.
 */
import { DEFAULT_MODEL_HOSTS, isAllowedModelUrl } from './content-security-policy';
import enCatalog from '../i18n/messages/en/catalog';
import { interpolate, type MessageParams } from '../i18n/interpolate';

/**
 * How problems are worded. These rules also run in the engine worker, which has no interface
 * language (and no Svelte runes), so they cannot import t(): the worker words them in English
 * from the English catalogue, and the page (catalog.ts) hands in t() so its own checks speak
 * the chosen language. Called when a problem is produced, so a switch applies to the next one.
 */
// Only the catalog namespace: the whole catalogue would land in the worker and the first load.
type ProblemKey = keyof typeof enCatalog;
type Wording = (key: ProblemKey, params?: MessageParams) => string;
let wording: Wording = (key, params) => interpolate(enCatalog[key], params);

export function wordProblemsWith(translate: Wording): void {
  wording = translate;
}

/** A problem in the current wording (see wordProblemsWith). */
export function say(key: ProblemKey, params?: MessageParams): string {
  return wording(key, params);
}

/** Longest model URL, in characters: far above any real one, and the limit of every store. */
export const MAX_MODEL_URL_CHARS = 2048;
/** Longest model id (web-llm's cache key; shown in panes, tables, share links). */
export const MAX_MODEL_ID_CHARS = 256;

/** Which hosts models may come from: the page's connect-src sources, plus the page itself. */
export interface HostPolicy {
  sources: readonly string[];
  pageOrigin: string;
}

/**
 * This build's policy. __CONNECT_SOURCES__ is the list the page's Content-Security-Policy was
 * built from (vite.config.ts), so the check here and the browser's own enforcement agree.
 */
export function pageHostPolicy(): HostPolicy {
  return {
    sources: typeof __CONNECT_SOURCES__ === 'undefined' ? DEFAULT_MODEL_HOSTS : __CONNECT_SOURCES__,
    pageOrigin: globalThis.location?.origin ?? '',
  };
}

// Whitespace, control and format characters (zero-width, bidi overrides): invisible in a text
// field, silently dropped or re-encoded by URL parsers, and a classic way to disguise a host.
const INVISIBLE = /[\s\p{Cc}\p{Cf}]/u;

export type ModelUrlCheck = { ok: true; url: URL } | { ok: false; problem: string };

/**
 * The format rules for one model URL as stored (no trimming): http(s) only, no user name or
 * password, no backslashes or invisible characters, at most MAX_MODEL_URL_CHARS before and after
 * the browser normalises it. Hosts are checked separately (hostProblem): a record from another
 * site's history may show a URL this site will not load.
 */
export function checkModelUrl(raw: unknown): ModelUrlCheck {
  const fail = (problem: string): ModelUrlCheck => ({ ok: false, problem });
  if (typeof raw !== 'string') return fail(say('catalog.urlNotText'));
  if (raw === '') return fail(say('catalog.urlRequired'));
  if (raw.length > MAX_MODEL_URL_CHARS) return fail(tooLong(raw.length));
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return fail(say('catalog.urlInvalid', { url: raw.slice(0, 80) }));
  }
  if (INVISIBLE.test(raw)) return fail(say('catalog.urlInvisible'));
  // Browsers read "\" as "/" in http(s) URLs, so what is shown and what is fetched would differ.
  if (raw.includes('\\')) return fail(say('catalog.urlBackslash'));
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    return fail(say('catalog.urlProtocol', { protocol: url.protocol.slice(0, 20) }));
  }
  if (url.username !== '' || url.password !== '') {
    return fail(say('catalog.urlCredentials'));
  }
  if (url.href.length > MAX_MODEL_URL_CHARS) return fail(tooLong(url.href.length));
  return { ok: true, url };
}

/** The problem with a stored URL, or null when it follows the rules. */
export function modelUrlProblem(raw: unknown): string | null {
  const check = checkModelUrl(raw);
  return check.ok ? null : check.problem;
}

/**
 * One sentence about the URLs among these that the host policy refuses, or null when all are
 * allowed. The browser would block them anyway (the page's CSP); saying so up front is clearer.
 */
export function hostProblem(urls: readonly URL[], policy: HostPolicy): string | null {
  const blocked = urls.filter((url) => !isAllowedModelUrl(url.href, policy.sources, policy.pageOrigin));
  if (blocked.length === 0) return null;
  const origins = [...new Set(blocked.map((url) => url.origin))].join(say('catalog.urlOriginsAnd'));
  return say('catalog.urlHostBlocked', { origins, sources: policy.sources.join(', ') });
}

/** The problem with a model id (as typed, stored or shared), or null. */
export function modelIdProblem(id: unknown): string | null {
  if (typeof id !== 'string' || id === '') return say('catalog.urlRequired');
  if (id.length > MAX_MODEL_ID_CHARS) return say('catalog.idTooLong', { max: MAX_MODEL_ID_CHARS });
  if (!/^[A-Za-z0-9][A-Za-z0-9._-]*$/.test(id)) {
    return say('catalog.idCharacters');
  }
  return null;
}

function tooLong(chars: number): string {
  // Digits grouped the English way in the worker (no language there); the page's t() is the same for en.
  return say('catalog.urlTooLong', { chars: chars.toLocaleString('en'), limit: MAX_MODEL_URL_CHARS.toLocaleString('en') });
}
