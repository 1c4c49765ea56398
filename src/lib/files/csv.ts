/** CSV for spreadsheets (RFC 4180), shared by the run export and the benchmark export. */

export type CsvValue = string | number | boolean | null;

/** One cell: empty for "not measured", quoted when needed, never a formula. */
export function csvCell(value: CsvValue): string {
  if (value === null) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  let text = String(value);
  // A text cell starting like a formula would be run by Excel/Sheets (CSV injection): make it text.
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** Rows of cells (already escaped) as CSV text, CRLF line ends as RFC 4180 asks. */
export function csvText(rows: readonly (readonly string[])[]): string {
  return rows.map((row) => row.join(',')).join('\r\n') + '\r\n';
}
