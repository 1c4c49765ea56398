import type { FriendlyError } from './errors';

/**
 * A download that did not get through, said with what only the page knows: which hosts this
 * model comes from, and whether the browser thinks it is online at all. "Download failed" alone
 * leaves a student stuck; "Could not reach huggingface.co — ask IT to allow it" is something
 * they can take to whoever runs the network.
 */

export interface DownloadContext {
  /** The model's weights and library URLs (what the engine downloads). */
  urls: readonly string[];
  /** `navigator.onLine`: false means the device has no network at all. */
  online: boolean;
}

/** The distinct hosts of these URLs, in order ("huggingface.co", "raw.githubusercontent.com"). */
export function hostsOf(urls: readonly string[]): string[] {
  const hosts: string[] = [];
  for (const url of urls) {
    try {
      const { host } = new URL(url);
      if (host && !hosts.includes(host)) hosts.push(host);
    } catch {
      // A relative or broken URL names no host; the others still do.
    }
  }
  return hosts;
}

/** "a", "a and b", "a, b and c" (or "or" for alternatives). */
function listOf(items: readonly string[], word = 'and'): string {
  if (items.length <= 1) return items[0] ?? '';
  return `${items.slice(0, -1).join(', ')} ${word} ${items.at(-1)}`;
}

/** The HTTP status in a failed download's message ("Request failed with status 500"), if any. */
function httpStatusOf(technical: string): string | null {
  return /\b(?:status|http)\s*(?:code\s*)?([45]\d\d)\b/i.exec(technical)?.[1] ?? null;
}

/** Word a network failure for this model; any other error is returned as it is. */
export function explainDownloadFailure(error: FriendlyError, context: DownloadContext): FriendlyError {
  if (error.cause !== 'network') return error;
  if (!context.online) {
    return {
      ...error,
      title: 'This device is offline',
      detail: 'The model files cannot be downloaded without a network connection. Connect to the internet (or the classroom network) and try again; models already downloaded still run offline.',
    };
  }
  const hosts = hostsOf(context.urls);
  if (hosts.length === 0) return error;
  const named = listOf(hosts);
  const these = hosts.length === 1 ? 'this address' : 'these addresses';
  // Offered by the download-source setting when the model's files are on another known source.
  const otherSource = error.alsoOffer?.includes('try-other-source') ? ', download it from another source' : '';
  const status = httpStatusOf(error.technical);
  if (status) {
    // The host was reached but refused the file: a moved file, a server fault, or a filter's "403".
    return {
      ...error,
      title: `Download failed: the server answered HTTP ${status}`,
      detail: `This model downloads from ${named}; a file came back as an error (HTTP ${status}) instead of the model. Try again${otherSource}, or add the model from a folder. If it keeps happening on a school or office network, ask IT whether ${these} (${named}) ${hosts.length === 1 ? 'is' : 'are'} allowed. Files already downloaded stay cached.`,
    };
  }
  return {
    ...error,
    title: `Download failed: could not reach ${listOf(hosts, 'or')}`,
    detail: `This model downloads from ${named}, and the download did not get through. On a school or office network, ask IT to allow ${these} (${named}), then try again${otherSource}, or add the model from a folder. Files already downloaded stay cached.`,
  };
}
