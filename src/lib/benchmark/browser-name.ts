import { t } from '../i18n/i18n.svelte';

/**
 * "Chrome 150", "Edge 142", "Firefox 141", "Safari 26" from a user-agent string, for the results
 * table: the full string is kept in the report, but nobody reads it in a table. Order matters:
 * Edge and Opera also say "Chrome", Chrome also says "Safari".
 */
const BROWSERS: ReadonlyArray<[name: string, pattern: RegExp]> = [
  ['Edge', /Edg(?:e|A|iOS)?\/(\d+)/],
  ['Opera', /OPR\/(\d+)/],
  ['Samsung Internet', /SamsungBrowser\/(\d+)/],
  ['Firefox', /(?:Firefox|FxiOS)\/(\d+)/],
  ['Chromium', /Chromium\/(\d+)/],
  ['Chrome', /(?:Chrome|CriOS)\/(\d+)/],
  ['Safari', /Version\/(\d+)(?:\.\d+)*.*Safari\//],
];

export function browserName(userAgent: string): string {
  for (const [name, pattern] of BROWSERS) {
    const match = pattern.exec(userAgent);
    if (match) return `${name} ${match[1]}`;
  }
  return userAgent.trim() ? t('benchmark.otherBrowser') : t('benchmark.unknownBrowser');
}
