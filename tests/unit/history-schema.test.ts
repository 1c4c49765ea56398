// @vitest-environment node
import { describe, expect, it } from 'vitest';
import {
  InvalidRecordError,
  MAX_TEXT_CHARS,
  checkRunRecord,
  migrateRunRecord,
  parseRunRecord,
  type RunRecordV0,
} from '../../src/lib/history/history-schema';
import type { RunRecord } from '../../src/lib/history/run-record';
import { emptyMetrics } from '../../src/lib/metrics/run-metrics';

function run(overrides: Partial<RunRecord> = {}): RunRecord {
  return {
    version: 2,
    id: 'run-1',
    createdAt: '2024-05-01T14:03:00.000Z',
    updatedAt: '2024-05-01T14:03:09.500Z',
    systemPrompt: 'Be brief.',
    prompt: 'Explain WebGPU',
    settings: { temperature: 0.7, topP: 0.95, maxTokens: 256, seed: 42 },
    parallel: false,
    panes: [
      {
        modelId: 'Qwen2.5-0.5B-Instruct-q4f16_1-MLC',
        label: 'Qwen2.5 0.5B',
        weightsUrl: 'https://example.test/qwen/resolve/main/',
        libraryUrl: 'https://example.test/qwen.wasm',
        output: 'WebGPU is **fast**.',
        thinking: '',
        outcome: 'finished',
        finishReason: 'stop',
        error: null,
        metrics: { ...emptyMetrics(), loadMs: 1234, fromCache: true, generationMs: 900, decodeTokensPerSecond: 48.25, promptTokens: 12, completionTokens: 40 },
      },
    ],
    device: { vendor: 'nvidia', architecture: 'ampere', description: '', shaderF16: true, maxBufferSize: 4294967296, maxStorageBufferBindingSize: 2147483648, userAgent: 'Test/1.0' },
    appVersion: '0.1.0',
    engineVersion: 'web-llm 0.2.86',
    ...overrides,
  };
}

/** The problems parseRunRecord reports for a value (fails the test if it does not throw). */
function problemsOf(raw: unknown): string[] {
  try {
    parseRunRecord(raw);
  } catch (error) {
    expect(error).toBeInstanceOf(InvalidRecordError);
    expect((error as Error).name).toBe('InvalidRecordError');
    return (error as InvalidRecordError).problems;
  }
  throw new Error('expected parseRunRecord to throw');
}

describe('parseRunRecord: valid records', () => {
  it('returns an equal, freshly built copy of a valid v1 record', () => {
    const record = run();
    const parsed = parseRunRecord(record);
    expect(parsed).toStrictEqual(record);
    expect(parsed).not.toBe(record);
    expect(parsed.panes[0]).not.toBe(record.panes[0]);
  });

  it('drops unknown fields instead of carrying them along', () => {
    const parsed = parseRunRecord({ ...run(), extra: 'x', panes: [{ ...run().panes[0], secret: 1 }] });
    expect(parsed).toStrictEqual(run());
  });

  it('defaults what can safely be defaulted', () => {
    const minimal = {
      version: 2,
      id: 'r',
      createdAt: '2024-05-01T14:03:00Z',
      prompt: 'Hi',
      settings: {},
      panes: [{ modelId: 'm', outcome: 'skipped' }],
    };
    expect(parseRunRecord(minimal)).toStrictEqual({
      version: 2,
      id: 'r',
      createdAt: '2024-05-01T14:03:00.000Z', // canonical ISO
      updatedAt: '2024-05-01T14:03:00.000Z', // falls back to createdAt
      systemPrompt: '',
      prompt: 'Hi',
      settings: { temperature: 0.7, topP: 0.95, maxTokens: 256 },
      parallel: false,
      panes: [{ modelId: 'm', label: 'm', weightsUrl: '', libraryUrl: '', output: '', thinking: '', outcome: 'skipped', finishReason: null, error: null, metrics: emptyMetrics() }],
      device: null,
      appVersion: 'unknown',
      engineVersion: 'unknown',
    });
  });

  it('clamps out-of-range settings like the settings form does', () => {
    const parsed = parseRunRecord(run({ settings: { temperature: 9, topP: 0, maxTokens: 1e9 } }));
    expect(parsed.settings).toStrictEqual({ temperature: 2, topP: 0.05, maxTokens: 4096 });
  });

  it('accepts an empty prompt and an output of exactly the size limit', () => {
    const big = 'a'.repeat(MAX_TEXT_CHARS);
    const parsed = parseRunRecord(run({ prompt: '', panes: [{ ...run().panes[0]!, output: big }] }));
    expect(parsed.panes[0]!.output.length).toBe(MAX_TEXT_CHARS);
  });
});

describe('parseRunRecord: invalid records', () => {
  it.each([null, undefined, 'a run', 42, true, [run()], new Date(), new Map()])('rejects a non-object (%s)', (value) => {
    expect(problemsOf(value)).toEqual([expect.stringMatching(/^record should be an object/)]);
  });

  it('rejects a missing prompt, saying so', () => {
    const { prompt: _, ...rest } = run();
    expect(() => parseRunRecord(rest)).toThrow(/prompt is missing/);
  });

  it('lists every wrong field with its path, not just the first', () => {
    const bad = { ...run(), prompt: 5, parallel: 'yes', panes: [{ ...run().panes[0], outcome: 'exploded', metrics: { loadMs: '12' } }] };
    const problems = problemsOf(bad);
    expect(problems).toEqual([
      'prompt should be text, not the number 5',
      'parallel should be true/false, not text',
      'panes[0].outcome should be one of finished, stopped, failed, skipped, running, interrupted, not "exploded"',
      'panes[0].metrics.loadMs should be a number, not text',
    ]);
    expect(() => parseRunRecord(bad)).toThrow(/prompt should be text.*panes\[0\]\.outcome/);
  });

  it('rejects more than four panes', () => {
    const pane = run().panes[0]!;
    expect(problemsOf(run({ panes: [pane, pane, pane, pane, pane] }))).toEqual(['panes has 5 entries; a run compares at most 4 models']);
    expect(() => parseRunRecord(run({ panes: [pane, pane, pane, pane] }))).not.toThrow();
  });

  it('rejects outputs and prompts over 2 MB', () => {
    const huge = 'x'.repeat(MAX_TEXT_CHARS + 1);
    expect(problemsOf(run({ panes: [{ ...run().panes[0]!, output: huge }] }))).toEqual([
      'panes[0].output is too long (2.0 MB; the limit is 2.0 MB)',
    ]);
    expect(problemsOf(run({ prompt: huge }))[0]).toMatch(/^prompt is too long/);
  });

  it('rejects __proto__ and constructor keys wherever it reads an object', () => {
    const json = JSON.stringify(run());
    const atRoot = JSON.parse(json.replace('{', '{"__proto__":{"polluted":1},'));
    expect(problemsOf(atRoot)).toEqual(['record contains the forbidden key __proto__']);
    const inPane = JSON.parse(json.replace('"modelId"', '"constructor":{"prototype":{}},"modelId"'));
    expect(problemsOf(inPane)).toContain('panes[0] contains the forbidden key constructor');
    const inMetrics = JSON.parse(json.replace('"loadMs"', '"__proto__":{"x":1},"loadMs"'));
    expect(problemsOf(inMetrics)).toContain('panes[0].metrics contains the forbidden key __proto__');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('rejects bad dates, unknown finish reasons and non-integer seeds', () => {
    expect(problemsOf(run({ createdAt: 'yesterday' }))).toEqual(['createdAt is not a date ("yesterday")']);
    expect(problemsOf({ ...run(), panes: [{ ...run().panes[0], finishReason: 'tired' }] })[0]).toMatch(/^panes\[0\]\.finishReason should be one of/);
    expect(problemsOf(run({ settings: { temperature: 1, topP: 1, maxTokens: 10, seed: 1.5 } }))).toEqual(['settings.seed should be a whole number, not 1.5']);
    const metrics = { ...run().panes[0]!.metrics, fromCache: 'yes' };
    expect(problemsOf({ ...run(), panes: [{ ...run().panes[0], metrics }] })).toEqual(['panes[0].metrics.fromCache should be true/false, not text']);
  });

  it('reports instead of throwing through checkRunRecord', () => {
    expect(checkRunRecord('junk')).toEqual({ ok: false, problems: ['record should be an object, not text'] });
    expect(checkRunRecord(run())).toEqual({ ok: true, record: run() });
  });
});

describe('versions and migration', () => {
  const v0: RunRecordV0 = {
    version: 0,
    id: 'old-run',
    createdAt: '2024-03-02T08:00:00.000Z',
    systemPrompt: '',
    prompt: 'Write a haiku',
    temperature: 0.2,
    topP: 0.9,
    maxTokens: 64,
    seed: 7,
    parallel: true,
    panes: [
      {
        model: 'Llama-3.2-1B-Instruct-q4f16_1-MLC',
        label: 'Llama 3.2 1B',
        weightsUrl: 'https://example.test/llama/resolve/main/',
        libraryUrl: 'https://example.test/llama.wasm',
        output: 'Leaves fall',
        thinking: '',
        outcome: 'stopped',
        finishReason: 'abort',
        error: null,
        metrics: { ...emptyMetrics(), generationMs: 500 },
      },
    ],
    device: null,
    appVersion: '0.0.9',
    engineVersion: 'web-llm 0.2.70',
  };

  const expectedV1: RunRecord = {
    version: 2,
    id: 'old-run',
    createdAt: '2024-03-02T08:00:00.000Z',
    updatedAt: '2024-03-02T08:00:00.000Z',
    systemPrompt: '',
    prompt: 'Write a haiku',
    settings: { temperature: 0.2, topP: 0.9, maxTokens: 64, seed: 7 },
    parallel: true,
    panes: [
      {
        modelId: 'Llama-3.2-1B-Instruct-q4f16_1-MLC',
        label: 'Llama 3.2 1B',
        weightsUrl: 'https://example.test/llama/resolve/main/',
        libraryUrl: 'https://example.test/llama.wasm',
        output: 'Leaves fall',
        thinking: '',
        outcome: 'stopped',
        finishReason: 'abort',
        error: null,
        metrics: { ...emptyMetrics(), generationMs: 500 },
      },
    ],
    device: null,
    appVersion: '0.0.9',
    engineVersion: 'web-llm 0.2.70',
  };

  it('migrates a v0 record to exactly the hand-written v1 equivalent', () => {
    expect(migrateRunRecord(v0)).toStrictEqual(expectedV1);
    expect(parseRunRecord(v0)).toStrictEqual(expectedV1);
  });

  it('does not modify the record it migrates', () => {
    const frozen = structuredClone(v0);
    deepFreeze(frozen);
    expect(() => parseRunRecord(frozen)).not.toThrow();
    expect(frozen).toStrictEqual(v0);
  });

  it('migrates a v0 record without a seed to settings without a seed', () => {
    const { seed: _, ...noSeed } = v0;
    expect(parseRunRecord(noSeed).settings).toStrictEqual({ temperature: 0.2, topP: 0.9, maxTokens: 64 });
  });

  it('validates what it migrated, with v1 field names', () => {
    const broken = { ...v0, temperature: 'hot', panes: [{ ...v0.panes[0], model: 3 }] };
    expect(problemsOf(broken)).toEqual(['settings.temperature should be a number, not text', 'panes[0].modelId should be text, not the number 3']);
  });

  it('passes a current record through migrateRunRecord unchanged', () => {
    const record = run();
    expect(migrateRunRecord(record)).toBe(record);
  });

  it('says a record from a newer Lineup needs a newer Lineup', () => {
    expect(() => parseRunRecord({ ...run(), version: 3 })).toThrow(InvalidRecordError);
    expect(() => migrateRunRecord({ ...run(), version: 3 })).toThrow(/newer version of Lineup \(record version 3; this Lineup reads up to 2\)\. Update Lineup/);
  });

  describe('v1 → v2: thinking apart from the answer', () => {
    const v1 = (output: string) => {
      const { thinking: _, ...pane } = run().panes[0]!; // version 1 had no thinking field
      return { ...run(), version: 1, panes: [{ ...pane, output }] };
    };
    const paneOf = (output: string) => parseRunRecord(v1(output)).panes[0]!;

    it('splits an explicit <think> block out of an old output', () => {
      expect(paneOf('<think>\nAdd them: 4.\n</think>\n\nIt is **4**.')).toMatchObject({ thinking: 'Add them: 4.', output: 'It is **4**.' });
    });

    it('splits implicitly opened thinking, and keeps an unclosed one as thinking with no answer', () => {
      expect(paneOf('Hmm, 2+2.\n</think>\n4')).toMatchObject({ thinking: 'Hmm, 2+2.', output: '4' });
      expect(paneOf('<think>still going when max tokens hit')).toMatchObject({ thinking: 'still going when max tokens hit', output: '' });
    });

    it('leaves a non-reasoning output as it was, tags in code included', () => {
      const text = 'Use `</think>` to close, like:\n```\n<think>x</think>\n```';
      expect(paneOf(text)).toMatchObject({ thinking: '', output: text });
    });

    it('produces the same record as one saved by v2 directly', () => {
      const migrated = parseRunRecord(v1('<think>plan</think>answer'));
      expect(migrated).toStrictEqual(run({ panes: [{ ...run().panes[0]!, thinking: 'plan', output: 'answer' }] }));
    });
  });

  it('rejects a missing or malformed version', () => {
    const { version: _, ...noVersion } = run();
    expect(problemsOf(noVersion)).toEqual(['version is missing, so this is not a Lineup run record']);
    expect(problemsOf({ ...run(), version: '1' })).toEqual(['version should be a whole number, not text']);
    expect(problemsOf({ ...run(), version: -1 })).toEqual(['version should be a whole number, not the number -1']);
  });
});

function deepFreeze(value: unknown): void {
  if (typeof value !== 'object' || value === null) return;
  Object.freeze(value);
  for (const child of Object.values(value)) deepFreeze(child);
}
