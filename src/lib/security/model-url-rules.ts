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
  if (typeof raw !== 'string') return fail('should be text');
  if (raw === '') return fail('is required');
  if (raw.length > MAX_MODEL_URL_CHARS) return fail(tooLong(raw.length));
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return fail(`is not a valid URL: "${raw.slice(0, 80)}"`);
  }
  if (INVISIBLE.test(raw)) return fail('contains spaces or invisible characters (write a space as %20)');
  // Browsers read "\" as "/" in http(s) URLs, so what is shown and what is fetched would differ.
  if (raw.includes('\\')) return fail('contains a backslash (\\); use forward slashes');
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    return fail(`must start with http:// or https:// (got ${url.protocol.slice(0, 20)}//)`);
  }
  if (url.username !== '' || url.password !== '') {
    return fail(
      'must not contain a user name or password (user:password@host): it would be saved with your preferences and history and copied into exports',
    );
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
  const origins = [...new Set(blocked.map((url) => url.origin))].join(' and ');
  return (
    `It downloads from ${origins}, which this site's privacy policy does not allow: ` +
    `this site only downloads models from ${policy.sources.join(', ')} (enforced by the browser). ` +
    'Self-hosters can allow more hosts with LINEUP_EXTRA_MODEL_HOSTS.'
  );
}

/** The problem with a model id (as typed, stored or shared), or null. */
export function modelIdProblem(id: unknown): string | null {
  if (typeof id !== 'string' || id === '') return 'is required';
  if (id.length > MAX_MODEL_ID_CHARS) return `is longer than ${MAX_MODEL_ID_CHARS} characters`;
  if (!/^[A-Za-z0-9][A-Za-z0-9._-]*$/.test(id)) {
    return 'may only contain letters, digits, ".", "_" and "-" (no spaces or slashes)';
  }
  return null;
}

function tooLong(chars: number): string {
  return `is too long (${chars.toLocaleString('en')} characters; the limit is ${MAX_MODEL_URL_CHARS.toLocaleString('en')})`;
}
