/**
 * The value written at the end of a chart bar, with its unit: "61.3 tok/s", "0.42 s", "87 %".
 * Three significant figures at most (a bar is read at a glance), never exponent notation.
 */
export function formatBarValue(value: number, unit: string): string {
  if (!Number.isFinite(value)) return '—';
  const size = Math.abs(value);
  const digits = size >= 100 ? 0 : size >= 10 ? 1 : 2;
  const text = value.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: 0 });
  return unit === '%' ? `${text} %` : `${text} ${unit}`;
}
