import { csvCell, csvText } from '../files/csv';
import type { ClassTable, ScoreRow } from './scores';

/** The class table for slides (Markdown) and spreadsheets (CSV): per device, then pooled. */

const percent = (value: number) => `${Math.round(value * 100)} %`;
export const formatInterval = (row: Pick<ScoreRow, 'interval'>) => `${percent(row.interval.low)}–${percent(row.interval.high)}`;

export function classTableCsv(table: ClassTable): string {
  const header = ['set', 'device', 'run', 'model', 'passed', 'graded', 'score', 'ci95_low', 'ci95_high', 'refused', 'deflected', 'answered', 'mean_chrf', 'completion_tokens', 'median_decode_tok_s', 'median_ttft_ms', 'hand_grades'];
  const line = (device: string, run: string, row: ScoreRow) => [
    table.setTitle, device, run, row.label, row.passed, row.total, round(row.score), round(row.interval.low), round(row.interval.high),
    row.behaviour?.refused.count ?? null, row.behaviour?.deflected.count ?? null, row.behaviour?.answered.count ?? null,
    row.meanChrf === null ? null : round(row.meanChrf), row.completionTokens, row.medianDecodeTokensPerSecond === null ? null : round(row.medianDecodeTokensPerSecond), row.medianTtftMs === null ? null : round(row.medianTtftMs), row.overrides,
  ].map(csvCell);
  return csvText([
    header,
    ...table.devices.flatMap((device) => device.rows.map((row) => line(device.device, device.runId, row))),
    ...table.pooled.map((row) => line('all devices (pooled)', '', row)),
  ]);
}

const round = (value: number) => Math.round(value * 10_000) / 10_000;
const cell = (value: string) => value.replace(/\|/g, '\\|').replace(/\s+/g, ' ');

export function classTableMarkdown(table: ClassTable): string {
  const rows = (list: readonly ScoreRow[]) =>
    list.map((row) => `| ${cell(row.label)} | ${row.passed}/${row.total} | ${percent(row.score)} | ${formatInterval(row)} | ${row.behaviour ? `${percent(row.behaviour.refused.rate)} refused, ${percent(row.behaviour.deflected.rate)} deflected` : ''} |`);
  const head = ['| model | passed | score | 95 % interval | behaviour |', '| --- | --- | --- | --- | --- |'];
  return [
    `# ${cell(table.setTitle)}: class results`,
    '',
    ...table.devices.flatMap((device) => [`## ${cell(device.device || 'unnamed device')} (${device.createdAt.slice(0, 10)})`, '', ...head, ...rows(device.rows), '']),
    `## All devices, pooled (${table.devices.length} file${table.devices.length === 1 ? '' : 's'})`,
    '',
    ...head,
    ...rows(table.pooled),
    '',
    'Scores are passes out of graded answers; the interval is the 95 % Wilson score interval.',
    '',
  ].join('\n');
}
