/**
 * Many device cards as one table: which machine can run which model, and how fast at most.
 * Machines that run the most models come first (then the fastest), models go smallest first.
 */
import type { DeviceCard, DeviceCardModel } from './device-card';
import { csvCell, csvText } from '../files/csv';
import { formatNumber, t } from '../i18n/i18n.svelte';

export interface ClassColumn {
  id: string;
  label: string;
  paramsB: number | null;
}

export interface ClassRow {
  card: DeviceCard;
  /** Per column: what that machine found for the model, or null when its card does not list it. */
  cells: Array<DeviceCardModel | null>;
  runnableCount: number;
}

export interface ClassTable {
  columns: ClassColumn[];
  rows: ClassRow[];
}

export function classTable(cards: readonly DeviceCard[]): ClassTable {
  const columnsById = new Map<string, ClassColumn>();
  for (const card of cards) {
    for (const model of card.models) {
      if (!columnsById.has(model.id)) columnsById.set(model.id, { id: model.id, label: model.label, paramsB: model.paramsB });
    }
  }
  const columns = [...columnsById.values()].sort(
    (a, b) => (a.paramsB ?? Infinity) - (b.paramsB ?? Infinity) || a.id.localeCompare(b.id),
  );
  const rows = cards.map((card) => {
    const byId = new Map(card.models.map((model) => [model.id, model]));
    const cells = columns.map((column) => byId.get(column.id) ?? null);
    return { card, cells, runnableCount: cells.filter((cell) => cell?.runnable).length };
  });
  rows.sort(
    (a, b) =>
      b.runnableCount - a.runnableCount ||
      (b.card.bandwidth?.gbps ?? -1) - (a.card.bandwidth?.gbps ?? -1) ||
      a.card.name.localeCompare(b.card.name) ||
      a.card.id.localeCompare(b.card.id),
  );
  return { columns, rows };
}

/** A cell as text for the CSV file (English, like its headers): "fits, ≤ 41 tok/s", "fits", "does not fit", "" when not checked there. */
export function cellText(cell: DeviceCardModel | null): string {
  if (!cell) return '';
  if (!cell.runnable) return 'does not fit';
  return cell.ceilingTps === null ? 'fits' : `fits, ≤ ${Math.round(cell.ceilingTps)} tok/s`;
}

/** The same cell on screen, in the page's language. */
export function cellLabel(cell: DeviceCardModel | null): string {
  if (!cell) return '';
  if (!cell.runnable) return t('device.cellNoFit');
  return cell.ceilingTps === null ? t('device.cellFits') : t('device.cellFitsSpeed', { speed: formatNumber(Math.round(cell.ceilingTps)) });
}

export function classTableCsv(table: ClassTable): string {
  const header = ['Device', 'GPU', 'Bandwidth (GB/s)', 'Models that fit', ...table.columns.map((column) => column.label)];
  const rows = table.rows.map((row) => [
    row.card.name || row.card.id,
    row.card.gpu.description || [row.card.gpu.vendor, row.card.gpu.architecture].filter(Boolean).join(' '),
    row.card.bandwidth ? Number(row.card.bandwidth.gbps.toFixed(2)) : null,
    row.runnableCount,
    ...row.cells.map(cellText),
  ]);
  return csvText([header, ...rows].map((row) => row.map((value) => csvCell(value))));
}
