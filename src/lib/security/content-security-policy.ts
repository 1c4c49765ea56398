/**
 * The page's Content-Security-Policy, delivered as a <meta> tag (GitHub Pages cannot set
 * headers). It is the technical half of "nothing you type leaves this device": the page and its
 * workers may only connect to the site itself and to the hosts that serve model files, so even a
 * bug or a hostile model output could not send a prompt anywhere else. No third-party scripts,
 * fonts or analytics are allowed at all.
 */
import { DEFAULT_HOSTS } from '../catalog/model-hosts.ts';
import { sourceCatalog, sourceCspList } from '../download-source/sources.ts';

/**
 * The public download sources a person can choose from (src/lib/download-source/sources.ts):
 * Hugging Face and its CDNs, hf-mirror.com, GitHub's raw files and jsDelivr. A build's mirrors
 * (VITE_MODEL_BASE_URL, VITE_MODEL_LIB_BASE_URL) come from the same list (vite.config.ts).
 */
export const DEFAULT_MODEL_HOSTS: readonly string[] = sourceCspList(sourceCatalog(DEFAULT_HOSTS));

/** The origin (scheme://host[:port]) of a URL, or the CSP source as given (e.g. wildcards). */
export function sourceOf(entry: string): string {
  if (entry.includes('*')) return entry.replace(/\/+$/, '');
  return new URL(entry).origin;
}

/** Every host model files may be fetched from, in CSP source syntax, without duplicates. */
export function connectSources(extraHosts: readonly string[]): string[] {
  return [...new Set([...DEFAULT_MODEL_HOSTS, ...extraHosts].map(sourceOf))];
}

export function buildContentSecurityPolicy(extraHosts: readonly string[] = []): string {
  const directives: Record<string, string[]> = {
    'default-src': ["'self'"],
    // WebAssembly (the compiled model, the tokenizer) needs wasm-unsafe-eval; no JS eval at all.
    'script-src': ["'self'", "'wasm-unsafe-eval'"],
    // Workers start from blob: (so they inherit this policy: policy-bound-worker.ts). 'self' is
    // needed too: a module worker's imports (the bundled engine) are fetched under worker-src, and
    // so is the service worker's registration.
    'worker-src': ["'self'", 'blob:'],
    // data:/blob: are in-page data (wasm helpers), never a network request.
    'connect-src': ["'self'", 'data:', 'blob:', ...connectSources(extraHosts)],
    'img-src': ["'self'", 'data:', 'blob:'],
    // Inline style attributes only (chart sizing, progress bars); styles cannot run code.
    'style-src': ["'self'", "'unsafe-inline'"],
    'font-src': ["'self'"],
    'object-src': ["'none'"],
    'base-uri': ["'self'"],
    'form-action': ["'none'"],
    'manifest-src': ["'self'"],
  };
  return Object.entries(directives)
    .map(([name, values]) => `${name} ${values.join(' ')}`)
    .join('; ');
}

/** Would the policy let the page download from this URL? (Checked before adding a custom model.) */
export function isAllowedModelUrl(url: string, sources: readonly string[], pageOrigin: string): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  if (parsed.origin === pageOrigin) return true;
  return sources.some((source) => {
    const wildcard = /^(https?):\/\/\*\.(.+)$/.exec(source);
    // A CSP host source without a port means the scheme's default port only.
    if (wildcard) return parsed.protocol === `${wildcard[1]}:` && parsed.port === '' && parsed.hostname.endsWith(`.${wildcard[2]}`);
    const port = /^(https?:\/\/[^/:]+):\*$/.exec(source);
    if (port) return `${parsed.protocol}//${parsed.hostname}` === port[1];
    return parsed.origin === source;
  });
}
