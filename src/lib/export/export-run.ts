import { csvCell, csvText, type CsvValue } from '../files/csv';
import { MAX_IMPORT_BYTES } from '../files/files';
import { checkRunRecord } from '../history/history-schema';
import type { PaneRecord, RunRecord } from '../history/run-record';
import { formatBytes, formatCount, formatDuration } from '../metrics/format';
import { metricRows } from '../metrics/metric-rows';
import { totalMs, type RunMetrics } from '../metrics/run-metrics';
// Only the import's messages are interface text: what an export writes stays English (machine-readable).
import { formatNumber, t, tn } from '../i18n/i18n.svelte';

/**
 * Getting runs out of Lineup and back in: Markdown for notes and slides, JSON for a lossless
 * copy (the only format that can be imported again), CSV for spreadsheets.
 */
export const EXPORT_FORMAT = 'lineup-runs';
export const EXPORT_VERSION = 1;
/** Problems listed one by one in an import report; the rest are counted. */
const REPORTED_PROBLEMS = 20;

export interface LineupExport {
  format: typeof EXPORT_FORMAT;
  version: typeof EXPORT_VERSION;
  exportedAt: string;
  runs: RunRecord[];
}

export interface ImportResult {
  runs: RunRecord[];
  problems: string[];
}

// ---------------------------------------------------------------- Markdown

export function toMarkdown(record: RunRecord): string {
  const { settings } = record;
  const settingLine = [
    `temperature ${settings.temperature}`,
    `top-p ${settings.topP}`,
    `max tokens ${settings.maxTokens}`,
    ...(settings.seed === undefined ? [] : [`seed ${settings.seed}`]),
    ...(settings.thinking === false ? ['thinking off (switchable models)'] : []),
    record.parallel ? 'models run in parallel' : 'models run one after another',
  ].join(' · ');
  const lines = [`# Lineup run — ${readableDate(record.createdAt)}`, '', '**Prompt**', '', quote(record.prompt), ''];
  if (record.systemPrompt.trim()) lines.push('**System prompt**', '', quote(record.systemPrompt), '');
  lines.push(`**Settings:** ${settingLine}`, '');
  record.panes.forEach((pane, index) => lines.push(...paneMarkdown(pane, index)));
  lines.push('---', '', deviceLine(record), `*Versions:* Lineup ${record.appVersion} · ${record.engineVersion}  `, `*Run:* ${record.id}`);
  return `${lines.join('\n')}\n`;
}

function paneMarkdown(pane: PaneRecord, index: number): string[] {
  const lines = [`## ${index + 1}. ${oneLine(pane.label)}`, '', `*Model:* ${oneLine(pane.modelId)} · *outcome:* ${pane.outcome}${pane.finishReason ? ` (${pane.finishReason})` : ''}`, ''];
  if (pane.error) lines.push(`**Error: ${oneLine(pane.error.title || pane.error.name)}**`, '', fenced(pane.error.technical), '');
  if (pane.thinking.trim()) lines.push(...thinkingMarkdown(pane));
  // The answer is markdown already and goes in as-is; only an unclosed code fence is closed, or it
  // would swallow the rest of the document.
  lines.push(closeFences(pane.output.trim() ? pane.output.trimEnd() : '*(no output)*'), '');
  lines.push('| Metric | Value | Source |', '| --- | --- | --- |');
  // Same rows, labels and formatting as the table under each pane in the app.
  for (const row of metricRows(pane.metrics)) lines.push(`| ${cell(row.label)} | ${cell(row.value)} | ${row.source} |`);
  lines.push('');
  return lines;
}

/** The reasoning, folded: a collapsed <details> block, as in the app. */
function thinkingMarkdown(pane: PaneRecord): string[] {
  const figures = [
    pane.metrics.thinkingMs === null ? null : formatDuration(pane.metrics.thinkingMs),
    pane.metrics.thinkingTokens === null ? null : `${formatCount(pane.metrics.thinkingTokens)} tokens`,
  ].filter((figure) => figure !== null);
  const summary = figures.length ? `Thinking (${figures.join(' · ')})` : 'Thinking';
  // A "</details>" in the model's text would end the block early: it is written as text instead.
  const body = closeFences(pane.thinking.trim()).replace(/<\/(details|summary)/gi, '&lt;/$1');
  return ['<details>', `<summary>${summary}</summary>`, '', body, '', '</details>', ''];
}

function closeFences(markdown: string): string {
  const openFences = markdown.split('\n').filter((line) => /^ {0,3}(```|~~~)/.test(line)).length;
  return openFences % 2 ? `${markdown}\n\`\`\`` : markdown;
}

function deviceLine(record: RunRecord): string {
  const device = record.device;
  if (!device) return '*Device:* not recorded  ';
  const gpu = [device.vendor, device.architecture, device.description].filter(Boolean).join(' ') || 'unknown GPU';
  return `*Device:* ${oneLine(gpu)} · shader-f16 ${device.shaderF16 ? 'yes' : 'no'} · max buffer ${formatBytes(device.maxBufferSize)}  \n*Browser:* ${oneLine(device.userAgent) || 'unknown'}  `;
}

function readableDate(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  const text = date.toISOString(); // UTC, so the title does not depend on where it is exported
  return `${text.slice(0, 10)} ${text.slice(11, 16)} UTC`;
}

function quote(text: string): string {
  return text.split(/\r?\n/).map((line) => (line ? `> ${line}` : '>')).join('\n');
}

function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

function cell(text: string): string {
  return oneLine(text).replace(/\|/g, '\\|');
}

/** A code block whose fence is longer than any backtick run inside it. */
function fenced(text: string): string {
  const longest = Math.max(2, ...(text.match(/`+/g) ?? []).map((run) => run.length));
  const fence = '`'.repeat(longest + 1);
  return `${fence}\n${text}\n${fence}`;
}

// ---------------------------------------------------------------- JSON

export function toJson(records: RunRecord[], now: Date = new Date()): string {
  const document: LineupExport = { format: EXPORT_FORMAT, version: EXPORT_VERSION, exportedAt: now.toISOString(), runs: records };
  return JSON.stringify(document, null, 2);
}

/**
 * Read a file meant for import: a Lineup export, a bare run, or a list of runs. Never throws:
 * a file that is unusable as a whole gives one problem and no runs; each unreadable run gives a
 * problem naming its position (1-based), and the readable ones are kept.
 */
export function parseImport(text: string): ImportResult {
  if (typeof text !== 'string') return failed(t('history.importNotText'));
  if (text.length > MAX_IMPORT_BYTES) {
    return failed(
      t('history.importTooBig', {
        size: formatNumber(text.length / 1024 / 1024, { minimumFractionDigits: 1, maximumFractionDigits: 1 }),
        limit: formatNumber(MAX_IMPORT_BYTES / 1024 / 1024),
      }),
    );
  }
  let data: unknown;
  try {
    data = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text); // editors on Windows add a BOM
  } catch (error) {
    return failed(t('history.importNotJson', { detail: String((error as Error)?.message ?? error).slice(0, 200) }));
  }
  const items = runsIn(data);
  if (typeof items === 'string') return failed(items);
  const runs: RunRecord[] = [];
  const problems: string[] = [];
  let unreported = 0;
  items.forEach((item, index) => {
    const result = checkRunRecord(item);
    if (result.ok) runs.push(result.record);
    else if (problems.length < REPORTED_PROBLEMS) problems.push(t('history.importRunProblem', { index: index + 1, total: items.length, problems: summary(result.problems) }));
    else unreported++;
  });
  if (unreported) problems.push(tn('history.importMoreProblems', unreported));
  return { runs, problems };
}

/** The candidate runs in parsed JSON, or why there are none. */
function runsIn(data: unknown): unknown[] | string {
  if (Array.isArray(data)) return data;
  if (typeof data !== 'object' || data === null) return t('history.importNotRuns');
  if (!Object.hasOwn(data, 'format')) return [data]; // a bare run record
  const envelope = data as Record<string, unknown>;
  if (envelope.format !== EXPORT_FORMAT) {
    const shown = typeof envelope.format === 'string' ? `"${envelope.format.slice(0, 40)}"` : t('history.importFormatMissing');
    return t('history.importWrongFormat', { format: shown, expected: EXPORT_FORMAT });
  }
  if (Object.hasOwn(envelope, '__proto__')) return t('history.importProto');
  const version = Object.hasOwn(envelope, 'version') ? envelope.version : undefined;
  if (typeof version === 'number' && version > EXPORT_VERSION) {
    return t('history.importNewer', { version });
  }
  if (version !== EXPORT_VERSION) return t('history.importNoVersion');
  const runs = Object.hasOwn(envelope, 'runs') ? envelope.runs : undefined;
  return Array.isArray(runs) ? runs : t('history.importNoRuns');
}

function summary(problems: string[]): string {
  const shown = problems.slice(0, 3).join('; ');
  return problems.length > 3 ? `${shown}; and ${problems.length - 3} more problem(s).` : `${shown}.`;
}

function failed(problem: string): ImportResult {
  return { runs: [], problems: [problem] };
}

// ---------------------------------------------------------------- CSV


/** Raw numbers (not the formatted text) so a spreadsheet can compute with them; units in the names. */
const CSV_COLUMNS: [string, (run: RunRecord, pane: PaneRecord, metrics: RunMetrics) => CsvValue][] = [
  ['run_id', (run) => run.id],
  ['created_at', (run) => run.createdAt],
  ['model_id', (_, pane) => pane.modelId],
  ['label', (_, pane) => pane.label],
  ['outcome', (_, pane) => pane.outcome],
  ['finish_reason', (_, pane) => pane.finishReason],
  ['from_cache', (_, __, m) => m.fromCache],
  ['load_ms', (_, __, m) => m.loadMs],
  ['downloaded_bytes', (_, __, m) => m.downloadedBytes],
  ['first_token_on_screen_ms', (_, __, m) => m.firstTokenOnScreenMs],
  ['generation_ms', (_, __, m) => m.generationMs],
  ['total_ms', (_, __, m) => totalMs(m)],
  ['engine_ttft_ms', (_, __, m) => m.engineTtftMs],
  ['prefill_tokens_per_s', (_, __, m) => m.prefillTokensPerSecond],
  ['decode_tokens_per_s', (_, __, m) => m.decodeTokensPerSecond],
  ['prompt_tokens', (_, __, m) => m.promptTokens],
  ['completion_tokens', (_, __, m) => m.completionTokens],
  ['thinking_tokens', (_, __, m) => m.thinkingTokens],
  ['answer_tokens', (_, __, m) => m.answerTokens],
  ['thinking_ms', (_, __, m) => m.thinkingMs],
  ['answer_on_screen_ms', (_, __, m) => m.answerOnScreenMs],
];

/** One row per pane, RFC 4180 (CRLF line ends, quoted fields); empty cell = not measured. */
export function toCsv(records: RunRecord[]): string {
  const rows = [CSV_COLUMNS.map(([name]) => name)];
  for (const run of records) {
    for (const pane of run.panes) rows.push(CSV_COLUMNS.map(([, value]) => csvCell(value(run, pane, pane.metrics))));
  }
  return csvText(rows);
}


// ---------------------------------------------------------------- File names

/** e.g. "lineup-2024-05-01-1403-explain-quantum-computing.md": sortable, readable, safe everywhere. */
export function suggestedFileName(record: RunRecord, ext: string): string {
  const iso = readableDate(record.createdAt);
  const stamp = /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}/.test(iso) ? `${iso.slice(0, 10)}-${iso.slice(11, 13)}${iso.slice(14, 16)}` : 'run';
  const slug = record.prompt
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '') // accents off, so "café" becomes "cafe" rather than "caf"
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .split('-')
    .filter(Boolean)
    .slice(0, 6)
    .join('-')
    .slice(0, 40)
    .replace(/-+$/, '');
  const extension = ext.replace(/^\.+/, '').replace(/[^a-zA-Z0-9]/g, '') || 'txt';
  return `lineup-${stamp}${slug ? `-${slug}` : ''}.${extension}`;
}
