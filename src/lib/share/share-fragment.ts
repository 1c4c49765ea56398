/**
 * How a share link's fragment starts. Apart from share-link.ts (loaded only when a link is made or
 * opened, to keep it out of the first page load), so the page can tell a share link at start-up.
 */
export const SHARE_PREFIX = 'share=';

export function isShareFragment(hash: string): boolean {
  return hash.replace(/^#/, '').startsWith(SHARE_PREFIX);
}

export function shareUrl(location: { origin: string; pathname: string }, fragment: string): string {
  return `${location.origin}${location.pathname}${fragment.startsWith('#') ? fragment : `#${fragment}`}`;
}
