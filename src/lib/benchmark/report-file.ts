import { csvCell, csvText, type CsvValue } from '../files/csv';
import { MAX_IMPORT_BYTES } from '../files/files';
import { canonicalJson, type Identity } from '../files/merge-by-id';
import { summarizeModel, type BenchmarkLoadSample, type BenchmarkModelResult, type BenchmarkReport, type BenchmarkRunSample } from './benchmark-result';
import { validateOptions } from './plan';
import type { Summary } from './statistics';
import { formatNumber, t } from '../i18n/i18n.svelte';

/**
 * Benchmark reports as files: JSON to share and import (compare your device with someone
 * else's), CSV for spreadsheets. An imported file was written by anyone, so every field is
 * checked and the result is a fresh object holding only known fields.
 */
const FORMAT = 'lineup-benchmark';
const VERSION = 1;
const MAX_SHORT_CHARS = 4096;
/** Far above any real report (20 models × 20 runs × a few prompts); stops a hostile list early. */
const MAX_ITEMS = 2000;

/** Reports are told apart by id, then by content (imports, storage read back). */
export const REPORT_IDENTITY: Identity<BenchmarkReport> = {
  id: (report) => report.id,
  withId: (report, id) => ({ ...report, id }),
  content: canonicalJson,
  copyId: (id, hash) => `${id.slice(0, 200)}~copy-${hash}`,
};

export function toReportFile(report: BenchmarkReport): string {
  return JSON.stringify(report, null, 2);
}

/** Read an imported report. Throws an Error whose message says what is wrong and where. */
export function parseReportFile(text: string): BenchmarkReport {
  if (text.length > MAX_IMPORT_BYTES) {
    throw new Error(t('benchmark.fileTooBig', { size: formatNumber(text.length / 1024 / 1024, { minimumFractionDigits: 1, maximumFractionDigits: 1 }), limit: formatNumber(MAX_IMPORT_BYTES / 1024 / 1024) }));
  }
  let data: unknown;
  try {
    data = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text); // editors on Windows add a BOM
  } catch (error) {
    throw new Error(t('benchmark.fileNotJson', { reason: String((error as Error)?.message ?? error).slice(0, 200) }));
  }
  const top = object(data, 'report');
  const format = own(top, 'format');
  if (format !== FORMAT) {
    const shown = typeof format === 'string' ? `"${format.slice(0, 40)}"` : t('benchmark.formatMissing');
    throw new Error(t('benchmark.fileWrongFormat', { shown, format: FORMAT }));
  }
  const version = own(top, 'version');
  if (typeof version === 'number' && version > VERSION) {
    throw new Error(t('benchmark.fileNewer', { version }));
  }
  if (version !== VERSION) throw new Error(t('benchmark.fileNoVersion'));
  const { options, adjustments } = field(() => validateOptions(own(top, 'options')), 'options');
  // Clamping would misstate how the report was measured, so out-of-range options are an error here.
  if (adjustments.length) throw new Error(t('benchmark.fileBadOptions', { problem: adjustments[0] ?? '' }));
  const device = object(own(top, 'device'), 'device');
  const createdAt = str(top, 'createdAt', 'createdAt');
  if (Number.isNaN(Date.parse(createdAt))) problem('createdAt', 'is not a date');
  return {
    format: FORMAT,
    version: VERSION,
    id: str(top, 'id', 'id', true),
    createdAt: new Date(Date.parse(createdAt)).toISOString(),
    suiteId: str(top, 'suiteId', 'suiteId', true),
    options,
    device: {
      gpuVendor: str(device, 'gpuVendor', 'device.gpuVendor'),
      gpuArchitecture: str(device, 'gpuArchitecture', 'device.gpuArchitecture'),
      gpuDescription: str(device, 'gpuDescription', 'device.gpuDescription'),
      isFallbackAdapter: bool(device, 'isFallbackAdapter', 'device.isFallbackAdapter'),
      shaderF16: bool(device, 'shaderF16', 'device.shaderF16'),
      userAgent: str(device, 'userAgent', 'device.userAgent'),
      label: str(device, 'label', 'device.label'),
    },
    appVersion: str(top, 'appVersion', 'appVersion'),
    engineVersion: str(top, 'engineVersion', 'engineVersion'),
    models: list(own(top, 'models'), 'models').map(readModel),
  };
}

function readModel(value: unknown, index: number): BenchmarkModelResult {
  const path = `models[${index}]`;
  const obj = object(value, path);
  const error = own(obj, 'error');
  const model: BenchmarkModelResult = {
    modelId: str(obj, 'modelId', `${path}.modelId`, true),
    weightBytes: amount(obj, 'weightBytes', `${path}.weightBytes`),
    loads: list(own(obj, 'loads'), `${path}.loads`).map((load, i): BenchmarkLoadSample => {
      const item = object(load, `${path}.loads[${i}]`);
      const kind = own(item, 'kind');
      if (kind !== 'cold' && kind !== 'cached') problem(`${path}.loads[${i}].kind`, 'should be "cold" or "cached"');
      const ms = amount(item, 'ms', `${path}.loads[${i}].ms`);
      return { kind: kind as BenchmarkLoadSample['kind'], ms: ms ?? problem(`${path}.loads[${i}].ms`, 'is missing') };
    }),
    runs: list(own(obj, 'runs'), `${path}.runs`).map((run, i) => readRun(run, `${path}.runs[${i}]`)),
  };
  if (error !== undefined && error !== null) model.error = str(obj, 'error', `${path}.error`);
  return model;
}

function readRun(value: unknown, path: string): BenchmarkRunSample {
  const obj = object(value, path);
  const runIndex = amount(obj, 'runIndex', `${path}.runIndex`);
  if (runIndex === null || !Number.isInteger(runIndex)) problem(`${path}.runIndex`, 'should be a whole number ≥ 0');
  const n = (key: keyof BenchmarkRunSample) => amount(obj, key, `${path}.${key}`);
  return {
    promptId: str(obj, 'promptId', `${path}.promptId`, true),
    runIndex: runIndex as number,
    ttftMs: n('ttftMs'),
    prefillTokensPerSecond: n('prefillTokensPerSecond'),
    decodeTokensPerSecond: n('decodeTokensPerSecond'),
    promptTokens: n('promptTokens'),
    completionTokens: n('completionTokens'),
    // Reports from before reasoning models were told apart have no thinking count: unknown.
    thinkingTokens: own(obj, 'thinkingTokens') === undefined ? null : n('thinkingTokens'),
  };
}

type Obj = Record<string, unknown>;

function problem(path: string, text: string): never {
  throw new Error(t('benchmark.fileProblem', { path, problem: text }));
}

/** Runs a reader whose own message lacks the path (validateOptions), adding it. */
function field<T>(read: () => T, path: string): T {
  try {
    return read();
  } catch (error) {
    return problem(`${path}:`, String((error as Error).message).replace(/\.$/, ''));
  }
}

/** Own properties only: an inherited property (or a "__proto__" key) never counts as data. */
function own(obj: Obj, key: string): unknown {
  return Object.hasOwn(obj, key) ? obj[key] : undefined;
}

function object(value: unknown, path: string): Obj {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) problem(path, 'should be an object');
  return value as Obj;
}

function list(value: unknown, path: string): unknown[] {
  if (!Array.isArray(value)) problem(path, 'should be a list');
  if (value.length > MAX_ITEMS) problem(path, `has ${value.length} entries; the limit is ${MAX_ITEMS}`);
  return value;
}

function str(obj: Obj, key: string, path: string, nonEmpty = false): string {
  const value = own(obj, key);
  if (typeof value !== 'string') return problem(path, value === undefined ? 'is missing' : 'should be text');
  if (value.length > MAX_SHORT_CHARS) problem(path, `is too long (${value.length} characters; the limit is ${MAX_SHORT_CHARS})`);
  if (nonEmpty && value.trim() === '') problem(path, 'is empty');
  return value;
}

function bool(obj: Obj, key: string, path: string): boolean {
  const value = own(obj, key);
  return typeof value === 'boolean' ? value : problem(path, 'should be true/false');
}

/** A measurement: a finite number ≥ 0, or null (not measured). A missing field is an error. */
function amount(obj: Obj, key: string, path: string): number | null {
  const value = own(obj, key);
  if (value === null) return null;
  if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) {
    return problem(path, value === undefined ? 'is missing' : 'should be a number ≥ 0 or null');
  }
  return value;
}

// ---------------------------------------------------------------- CSV and comparison

type SummaryKey = 'ttft' | 'prefill' | 'decode' | 'bandwidthGBps' | 'coldLoad' | 'cachedLoad' | 'thinkingTokens' | 'answerTokens';
/** Units in the column names; raw numbers so a spreadsheet can compute with them. */
const CSV_METRICS: [SummaryKey, string][] = [
  ['ttft', 'ttft_ms'],
  ['prefill', 'prefill_tokens_per_s'],
  ['decode', 'decode_tokens_per_s'],
  ['bandwidthGBps', 'bandwidth_gb_per_s'],
  ['coldLoad', 'cold_load_ms'],
  ['cachedLoad', 'cached_load_ms'],
  ['thinkingTokens', 'thinking_tokens'],
  ['answerTokens', 'answer_tokens'],
];
const CSV_STATS = ['median', 'p90', 'min', 'max'] as const satisfies readonly (keyof Summary)[];
const CSV_HEADER = [
  'report_id', 'created_at', 'device_label', 'gpu_description', 'fallback_adapter', 'app_version', 'engine_version', 'suite_id', 'model_id', 'runs',
  ...CSV_METRICS.flatMap(([, name]) => CSV_STATS.map((stat) => `${name}_${stat}`)),
  'error',
];

/** One row per report × model (all prompts pooled), RFC 4180; an empty cell = not measured. */
export function toReportCsv(reports: readonly BenchmarkReport[]): string {
  const rows = [CSV_HEADER];
  for (const report of reports) {
    for (const model of report.models) {
      const summary = summarizeModel(model);
      const values: CsvValue[] = [
        report.id, report.createdAt, report.device.label, report.device.gpuDescription, report.device.isFallbackAdapter,
        report.appVersion, report.engineVersion, report.suiteId, model.modelId, summary.runs,
        ...CSV_METRICS.flatMap(([key]) => CSV_STATS.map((stat) => summary[key]?.[stat] ?? null)),
        summary.error,
      ];
      rows.push(values.map(csvCell));
    }
  }
  return csvText(rows);
}


/** One row of the table comparing devices: medians of one model in one report. */
export interface ComparisonRow {
  reportId: string;
  /** Position in the report: a report may name one model twice, so rows are keyed by position. */
  modelIndex: number;
  deviceLabel: string;
  gpuDescription: string;
  modelId: string;
  decodeMedian: number | null;
  prefillMedian: number | null;
  ttftMedian: number | null;
  bandwidthMedian: number | null;
  coldLoadMedian: number | null;
  cachedLoadMedian: number | null;
}

/** Flat rows for the device comparison table, in report order then model order. */
export function comparisonRows(reports: readonly BenchmarkReport[]): ComparisonRow[] {
  return reports.flatMap((report) =>
    report.models.map((model, modelIndex) => {
      const s = summarizeModel(model);
      return {
        reportId: report.id,
        modelIndex,
        deviceLabel: report.device.label,
        gpuDescription: report.device.gpuDescription,
        modelId: model.modelId,
        decodeMedian: s.decode?.median ?? null,
        prefillMedian: s.prefill?.median ?? null,
        ttftMedian: s.ttft?.median ?? null,
        bandwidthMedian: s.bandwidthGBps?.median ?? null,
        coldLoadMedian: s.coldLoad?.median ?? null,
        cachedLoadMedian: s.cachedLoad?.median ?? null,
      };
    }),
  );
}
