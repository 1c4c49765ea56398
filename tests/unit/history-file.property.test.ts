// @vitest-environment node
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseImport, toJson } from '../../src/lib/export/export-run';
import { checkRunRecord } from '../../src/lib/history/history-schema';
import type { PaneRecord, RunRecord } from '../../src/lib/history/run-record';
import { amount, applyMutation, plainRecord, expectNoPollution, hostileText, isoDate, mutation, nonBlankText } from './support/hostile';

/** History files (export JSON → import): what goes out comes back exactly; broken files are reported, never thrown. */

const measured = fc.option(amount, { nil: null });
const url = fc.constantFrom('', 'https://huggingface.co/mlc-ai/Qwen2.5-0.5B-Instruct-q4f32_1-MLC/resolve/main/', 'http://127.0.0.1:4312/models/lib.wasm');

const pane: fc.Arbitrary<PaneRecord> = plainRecord({
  modelId: nonBlankText(60),
  label: hostileText(60),
  weightsUrl: url,
  libraryUrl: url,
  output: hostileText(300),
  thinking: hostileText(200),
  outcome: fc.constantFrom('finished', 'stopped', 'failed', 'skipped', 'running', 'interrupted'),
  finishReason: fc.constantFrom('stop', 'length', 'abort', 'error', null),
  error: fc.option(plainRecord({ name: hostileText(), title: hostileText(), technical: hostileText(200) }), { nil: null }),
  metrics: plainRecord({
    loadMs: measured, fromCache: fc.constantFrom(true, false, null), downloadedBytes: amount, firstTokenOnScreenMs: measured, generationMs: measured,
    engineTtftMs: measured, prefillTokensPerSecond: measured, decodeTokensPerSecond: measured, promptTokens: measured, completionTokens: measured,
    thinkingTokens: measured, answerTokens: measured, thinkingMs: measured, answerOnScreenMs: measured,
  }),
});

export const runRecord: fc.Arbitrary<RunRecord> = plainRecord({
  version: fc.constant(2 as const),
  id: nonBlankText(80),
  createdAt: isoDate,
  updatedAt: isoDate,
  systemPrompt: hostileText(200),
  prompt: hostileText(300),
  settings: plainRecord(
    {
      temperature: fc.double({ min: 0, max: 2, noNaN: true }),
      topP: fc.double({ min: 0.05, max: 1, noNaN: true }),
      maxTokens: fc.integer({ min: 1, max: 4096 }),
      seed: fc.integer({ min: 0, max: 2 ** 31 - 1 }),
    },
    { requiredKeys: ['temperature', 'topP', 'maxTokens'] },
  ),
  parallel: fc.boolean(),
  panes: fc.array(pane, { maxLength: 4 }),
  device: fc.option(
    plainRecord({ vendor: hostileText(), architecture: hostileText(), description: hostileText(), shaderF16: fc.boolean(), maxBufferSize: amount, maxStorageBufferBindingSize: amount, userAgent: hostileText(120) }),
    { nil: null },
  ),
  appVersion: hostileText(20),
  engineVersion: hostileText(20),
});

/** How many entries the (mutated) file lists, as far as it can be read. */
function runsIn(text: string): number {
  const data = JSON.parse(text) as unknown;
  if (Array.isArray(data)) return data.length;
  return Array.isArray((data as { runs?: unknown }).runs) ? (data as { runs: unknown[] }).runs.length : 1;
}

describe('history files, property-based', () => {
  it('export → import gives back exactly the runs exported', () => {
    fc.assert(
      fc.property(fc.array(runRecord, { maxLength: 5 }), (runs) => {
        expect(parseImport(toJson(runs))).toStrictEqual({ runs, problems: [] });
      }),
    );
  });

  it('a run read back from IndexedDB (structured clone) is the run saved', () => {
    fc.assert(fc.property(runRecord, (run) => {
      expect(checkRunRecord(structuredClone(run))).toStrictEqual({ ok: true, record: run });
    }));
  });

  it('a damaged file never throws: it gives problems in words, and whatever it keeps is valid', () => {
    fc.assert(
      fc.property(fc.array(runRecord, { minLength: 1, maxLength: 3 }), mutation, (runs, change) => {
        const text = applyMutation(toJson(runs), change);
        const result = parseImport(text);
        for (const problem of result.problems) expect(problem).toMatch(/\S/);
        // Nothing vanishes silently: with no problem reported, every run in the file came through.
        if (result.problems.length === 0) expect(result.runs).toHaveLength(runsIn(text));
        expect(parseImport(toJson(result.runs)).runs).toStrictEqual(result.runs);
        expectNoPollution();
      }),
      { numRuns: Number(process.env.FC_RUNS ?? 300) },
    );
  });
});
