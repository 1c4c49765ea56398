import { t } from '../i18n/i18n.svelte';

/**
 * What a foreign frame gets instead of the app (see framing.ts): one sentence and a link that
 * opens Lineup in its own tab, where it runs. Plain DOM: nothing of the app is mounted.
 */
export function showFramedNotice(target: HTMLElement, pageUrl: string): void {
  const notice = document.createElement('main');
  notice.className = 'framed-notice';
  notice.dataset.testid = 'framed-notice';
  const message = document.createElement('p');
  message.textContent = t('layout.framedMessage');
  const link = document.createElement('a');
  link.href = pageUrl;
  link.target = '_blank';
  link.rel = 'noopener';
  link.dataset.testid = 'open-in-own-tab';
  link.textContent = t('layout.framedOpen');
  notice.append(message, link);
  target.replaceChildren(notice);
}
