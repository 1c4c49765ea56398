// @vitest-environment node
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { BenchmarkModelResult, BenchmarkReport } from '../../src/lib/benchmark/benchmark-result';
import { parseReportFile, toReportCsv, toReportFile } from '../../src/lib/benchmark/report-file';
import { amount, applyMutation, expectClearError, expectNoPollution, hostileText, isoDate, mutation, nonBlankText, plainRecord } from './support/hostile';

/** Benchmark report files: export → import is exact; broken files are refused with a clear message. */

const measured = fc.option(amount, { nil: null });

const model: fc.Arbitrary<BenchmarkModelResult> = plainRecord(
  {
    modelId: nonBlankText(60),
    weightBytes: measured,
    loads: fc.array(plainRecord({ kind: fc.constantFrom('cold' as const, 'cached' as const), ms: amount }), { maxLength: 3 }),
    runs: fc.array(
      plainRecord({ promptId: nonBlankText(20), runIndex: fc.nat(), ttftMs: measured, prefillTokensPerSecond: measured, decodeTokensPerSecond: measured, promptTokens: measured, completionTokens: measured, thinkingTokens: measured }),
      { maxLength: 4 },
    ),
    error: hostileText(80),
  },
  { requiredKeys: ['modelId', 'weightBytes', 'loads', 'runs'] },
);

export const benchmarkReport: fc.Arbitrary<BenchmarkReport> = plainRecord({
  format: fc.constant('lineup-benchmark' as const),
  version: fc.constant(1 as const),
  id: nonBlankText(80),
  createdAt: isoDate,
  suiteId: nonBlankText(40),
  options: plainRecord({ runsPerPrompt: fc.integer({ min: 1, max: 20 }), warmup: fc.boolean(), measureColdLoad: fc.boolean() }),
  device: plainRecord({ gpuVendor: hostileText(), gpuArchitecture: hostileText(), gpuDescription: hostileText(), isFallbackAdapter: fc.boolean(), shaderF16: fc.boolean(), userAgent: hostileText(120), label: hostileText() }),
  appVersion: hostileText(20),
  engineVersion: hostileText(20),
  models: fc.array(model, { maxLength: 3 }),
});

describe('benchmark report files, property-based', () => {
  it('export → import gives back exactly the report exported', () => {
    fc.assert(
      fc.property(benchmarkReport, (report) => {
        expect(parseReportFile(toReportFile(report))).toStrictEqual(report);
      }),
    );
  });

  it('the CSV of any report has one row per model and never throws', () => {
    fc.assert(
      fc.property(fc.array(benchmarkReport, { maxLength: 3 }), (reports) => {
        const models = reports.reduce((sum, report) => sum + report.models.length, 0);
        expect(toReportCsv(reports).split('\r\n').filter(Boolean).length).toBeGreaterThanOrEqual(1 + models);
      }),
    );
  });

  it('a damaged file is refused with a clear message or read as a valid report, never a crash', () => {
    fc.assert(
      fc.property(benchmarkReport, mutation, (report, change) => {
        const text = applyMutation(toReportFile(report), change);
        try {
          const read = parseReportFile(text);
          expect(parseReportFile(toReportFile(read))).toStrictEqual(read);
        } catch (error) {
          expectClearError(error);
        }
        expectNoPollution();
      }),
      { numRuns: Number(process.env.FC_RUNS ?? 300) },
    );
  });
});
