// @vitest-environment node
import { describe, expect, it } from 'vitest';
import type { BenchmarkReport } from '../../src/lib/benchmark/benchmark-result';
import { comparisonRows, parseReportFile, toReportCsv, toReportFile } from '../../src/lib/benchmark/report-file';
import { MAX_IMPORT_BYTES } from '../../src/lib/files/files';

function report(overrides: Partial<BenchmarkReport> = {}): BenchmarkReport {
  return {
    format: 'lineup-benchmark',
    version: 1,
    id: 'bench-1',
    createdAt: '2025-03-01T10:00:00.000Z',
    suiteId: 'lineup-suite-1',
    options: { runsPerPrompt: 2, warmup: true, measureColdLoad: false },
    device: { gpuVendor: 'nvidia', gpuArchitecture: 'ampere', gpuDescription: 'RTX 3060', isFallbackAdapter: false, shaderF16: true, userAgent: 'UA', label: 'Desk PC' },
    appVersion: '1.2.0',
    engineVersion: 'web-llm 0.2.86',
    models: [
      {
        modelId: 'Qwen2-0.5B-Instruct-q4f32_1-MLC',
        weightBytes: 312.5e6,
        loads: [{ kind: 'cold', ms: 9000 }, { kind: 'cached', ms: 1500 }],
        runs: [
          { promptId: 'short', runIndex: 0, ttftMs: 80, prefillTokensPerSecond: 300, decodeTokensPerSecond: 40, promptTokens: 20, completionTokens: 64, thinkingTokens: 0 },
          { promptId: 'short', runIndex: 1, ttftMs: 100, prefillTokensPerSecond: 340, decodeTokensPerSecond: 48, promptTokens: 20, completionTokens: 64, thinkingTokens: 0 },
        ],
      },
      { modelId: 'broken-model', weightBytes: null, loads: [], runs: [], error: 'Out of memory, "badly"' },
    ],
    ...overrides,
  };
}

/** The JSON of a report with one field changed by `edit`. */
function damaged(edit: (data: any) => void): string {
  const data = JSON.parse(toReportFile(report()));
  edit(data);
  return JSON.stringify(data);
}

describe('parseReportFile', () => {
  it('round-trips a report', () => {
    expect(parseReportFile(toReportFile(report()))).toEqual(report());
  });

  it('reads a report from before thinking was counted: thinking tokens unknown, not zero', () => {
    const parsed = parseReportFile(damaged((d) => {
      for (const run of d.models[0].runs) delete run.thinkingTokens;
    }));
    expect(parsed.models[0]!.runs.map((run) => run.thinkingTokens)).toEqual([null, null]);
    expect(parsed.models[0]!.runs.map((run) => run.completionTokens)).toEqual([64, 64]);
  });

  it('drops unknown fields and canonicalises the date', () => {
    const parsed = parseReportFile(damaged((d) => {
      d.extra = 1;
      d.device.secret = 'x';
      d.models[0].runs[0].foo = 'bar';
      d.createdAt = '2025-03-01T11:00:00+01:00';
    }));
    expect(parsed).toEqual(report());
    expect(Object.keys(parsed.device)).not.toContain('secret');
  });

  it('rejects what is not a report, with a readable message', () => {
    expect(() => parseReportFile('{oops')).toThrow(/^This file is not JSON/);
    expect(() => parseReportFile('[]')).toThrow('report should be an object');
    expect(() => parseReportFile(damaged((d) => (d.format = 'lineup-runs')))).toThrow('its format is "lineup-runs", expected "lineup-benchmark"');
    expect(() => parseReportFile(damaged((d) => (d.version = 2)))).toThrow('newer version of Lineup (report version 2)');
    expect(() => parseReportFile(damaged((d) => (d.version = '1')))).toThrow('no valid version number');
    expect(() => parseReportFile('x'.repeat(MAX_IMPORT_BYTES + 1))).toThrow('imports are limited to 20 MB');
  });

  it('names the damaged field', () => {
    const cases: [(d: any) => void, string][] = [
      [(d) => (d.models[0].runs[1].decodeTokensPerSecond = -3), 'models[0].runs[1].decodeTokensPerSecond should be a number ≥ 0 or null'],
      [(d) => (d.models[0].runs[0].ttftMs = 'NaN'), 'models[0].runs[0].ttftMs should be a number ≥ 0 or null'],
      [(d) => delete d.models[0].runs[0].promptTokens, 'models[0].runs[0].promptTokens is missing'],
      [(d) => (d.models[0].runs[0].runIndex = 1.5), 'models[0].runs[0].runIndex should be a whole number'],
      [(d) => (d.models[0].loads[0].kind = 'warm'), 'models[0].loads[0].kind should be "cold" or "cached"'],
      [(d) => (d.models[0].loads[0].ms = null), 'models[0].loads[0].ms is missing'],
      [(d) => (d.device.label = 'x'.repeat(5000)), 'device.label is too long'],
      [(d) => (d.device.shaderF16 = 'yes'), 'device.shaderF16 should be true/false'],
      [(d) => (d.models[1].modelId = ' '), 'models[1].modelId is empty'],
      [(d) => (d.models = {}), 'models should be a list'],
      [(d) => (d.createdAt = 'yesterday'), 'createdAt is not a date'],
      [(d) => (d.options.runsPerPrompt = 50), 'options: Runs per prompt must be from 1 to 20'],
      [(d) => (d.options.warmup = 1), 'options: Warm-up should be on or off'],
    ];
    for (const [edit, message] of cases) expect(() => parseReportFile(damaged(edit)), message).toThrow(message);
  });
});

describe('toReportCsv', () => {
  it('writes one row per report × model with summary columns', () => {
    const lines = toReportCsv([report()]).split('\r\n');
    expect(lines).toHaveLength(4); // header, 2 models, trailing empty line
    const header = lines[0]!.split(',');
    const row = Object.fromEntries(header.map((name, i) => [name, lines[1]!.split(',')[i]]));
    expect(row).toMatchObject({
      report_id: 'bench-1', device_label: 'Desk PC', engine_version: 'web-llm 0.2.86', model_id: 'Qwen2-0.5B-Instruct-q4f32_1-MLC', runs: '2',
      decode_tokens_per_s_median: '44', decode_tokens_per_s_min: '40', decode_tokens_per_s_max: '48', decode_tokens_per_s_p90: '47.2',
      ttft_ms_median: '90', bandwidth_gb_per_s_median: '13.75', cold_load_ms_median: '9000', cached_load_ms_median: '1500', error: '',
      thinking_tokens_median: '0', answer_tokens_median: '64',
    });
    expect(lines[2]).toMatch(/^bench-1,.*,broken-model,0,,,/);
    expect(lines[2]!.endsWith(',"Out of memory, ""badly"""')).toBe(true);
  });

  it('neutralises formulas in text cells', () => {
    const csv = toReportCsv([report({ device: { ...report().device, label: '=HYPERLINK("http://x","y")' } })]);
    expect(csv).toContain(`,"'=HYPERLINK(""http://x"",""y"")",`);
    expect(csv).not.toMatch(/,=HYPERLINK/);
  });
});

describe('comparisonRows', () => {
  it('gives medians per device and model', () => {
    const other = report({ id: 'bench-2', device: { ...report().device, label: 'Room 12 laptop', gpuDescription: 'Intel Iris Xe' }, models: [report().models[0]!] });
    const rows = comparisonRows([report(), other]);
    expect(rows).toHaveLength(3);
    expect(rows[0]).toEqual({
      reportId: 'bench-1', modelIndex: 0, deviceLabel: 'Desk PC', gpuDescription: 'RTX 3060', modelId: 'Qwen2-0.5B-Instruct-q4f32_1-MLC',
      decodeMedian: 44, prefillMedian: 320, ttftMedian: 90, bandwidthMedian: 13.75, coldLoadMedian: 9000, cachedLoadMedian: 1500,
    });
    expect(rows[1]).toMatchObject({ modelIndex: 1, modelId: 'broken-model', decodeMedian: null, bandwidthMedian: null, coldLoadMedian: null });
    expect(rows[2]).toMatchObject({ reportId: 'bench-2', deviceLabel: 'Room 12 laptop', gpuDescription: 'Intel Iris Xe', decodeMedian: 44 });
  });
});
