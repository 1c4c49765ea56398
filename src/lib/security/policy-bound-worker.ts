/**
 * Starts a module worker that is bound by the page's Content-Security-Policy.
 *
 * The policy is a <meta> tag (GitHub Pages cannot send headers), and a worker started from a
 * same-origin URL takes its policy from that script's *response headers*: it would have none, and
 * could reach any host. A worker started from a `blob:` URL inherits the policy of the page that
 * creates it instead. So every worker the app starts is a tiny blob module whose only statement
 * imports the real (bundled) worker script by absolute URL: same code, the page's policy.
 */

/** One blob per script for the page's lifetime: a few bytes, and no race with revoking it. */
const bootstrapUrls = new Map<string, string>();

/** The blob module for a script: the script's URL must be absolute, the blob has no base URL. */
export function bootstrapSource(scriptUrl: string): string {
  return `import ${JSON.stringify(scriptUrl)};\n`;
}

function bootstrapUrlFor(scriptUrl: string): string {
  let url = bootstrapUrls.get(scriptUrl);
  if (!url) {
    url = URL.createObjectURL(new Blob([bootstrapSource(scriptUrl)], { type: 'text/javascript' }));
    bootstrapUrls.set(scriptUrl, url);
  }
  return url;
}

/**
 * `scriptUrl` is what Vite gives for `import url from '…?worker&url'`: absolute in a build (base
 * './' resolves it against the importing module), a root-relative path in the dev server.
 */
export function startPolicyBoundWorker(scriptUrl: string, name: string): Worker {
  const absolute = new URL(scriptUrl, location.href).href;
  return new Worker(bootstrapUrlFor(absolute), { type: 'module', name });
}
