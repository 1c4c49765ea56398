import type { FriendlyError } from './errors';
import { i18n, t, tn } from '../i18n/i18n.svelte';

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

/** "a", "a and b" (or "a or b" for alternatives), in the page's language. */
function listOf(items: readonly string[], type: 'conjunction' | 'disjunction' = 'conjunction'): string {
  return new Intl.ListFormat(i18n.intlLocale, { style: 'long', type }).format(items);
}

/** The HTTP status in a failed download's message ("Request failed with status 500"), if any. */
function httpStatusOf(technical: string): string | null {
  return /\b(?:status|http)\s*(?:code\s*)?([45]\d\d)\b/i.exec(technical)?.[1] ?? null;
}

/**
 * Word a network failure for this model; any other error is returned as it is. The words are
 * fixed in the page's language of the moment: call it where it is shown (a view's $derived).
 */
export function explainDownloadFailure(error: FriendlyError, context: DownloadContext): FriendlyError {
  if (error.cause !== 'network') return error;
  if (!context.online) return { ...error, title: t('errors.offlineTitle'), detail: t('errors.offlineDetail') };
  const hosts = hostsOf(context.urls);
  if (hosts.length === 0) return error;
  const named = listOf(hosts);
  // Offered by the download-source setting when the model's files are on another known source.
  const otherSource = error.alsoOffer?.includes('try-other-source') ? t('errors.otherSourceFragment') : '';
  const status = httpStatusOf(error.technical);
  if (status) {
    // The host was reached but refused the file: a moved file, a server fault, or a filter's "403".
    return {
      ...error,
      title: t('errors.httpTitle', { status }),
      detail: tn('errors.httpDetail', hosts.length, { hosts: named, status, otherSource }),
    };
  }
  return {
    ...error,
    title: t('errors.unreachableTitle', { hosts: listOf(hosts, 'disjunction') }),
    detail: tn('errors.unreachableDetail', hosts.length, { hosts: named, otherSource }),
  };
}
