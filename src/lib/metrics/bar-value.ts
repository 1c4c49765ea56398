import { formatNumber, t } from '../i18n/i18n.svelte';

/**
 * The value written at the end of a chart bar, with its unit: "61.3 tok/s", "0.42 s", "87 %".
 * Three significant figures at most (a bar is read at a glance), never exponent notation.
 * `unit` is already in the page's language (chart-series.ts).
 */
export function formatBarValue(value: number, unit: string): string {
  if (!Number.isFinite(value)) return '—';
  const size = Math.abs(value);
  const digits = size >= 100 ? 0 : size >= 10 ? 1 : 2;
  const text = formatNumber(value, { maximumFractionDigits: digits, minimumFractionDigits: 0 });
  return unit === '%' ? `${text} %` : t('metrics.valueWithUnit', { value: text, unit });
}
