// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { parseImport, suggestedFileName, toCsv, toJson, toMarkdown } from '../../src/lib/export/export-run';
import type { PaneRecord, RunRecord } from '../../src/lib/history/run-record';
import { formatBytes, formatCount, formatDuration, formatRate } from '../../src/lib/metrics/format';
import { emptyMetrics } from '../../src/lib/metrics/run-metrics';

function pane(overrides: Partial<PaneRecord> = {}): PaneRecord {
  return {
    modelId: 'Qwen2.5-0.5B-Instruct-q4f16_1-MLC',
    label: 'Qwen2.5 0.5B',
    weightsUrl: 'https://example.test/qwen/resolve/main/',
    libraryUrl: 'https://example.test/qwen.wasm',
    output: '## Answer\n\nWebGPU is **fast**.\n\n- one\n- two',
    thinking: '',
    outcome: 'finished',
    finishReason: 'stop',
    error: null,
    metrics: {
      ...emptyMetrics(),
      loadMs: 12_345,
      fromCache: false,
      downloadedBytes: 300 * 1024 * 1024,
      firstTokenOnScreenMs: 420,
      generationMs: 3_210,
      engineTtftMs: 380,
      prefillTokensPerSecond: 512.4,
      decodeTokensPerSecond: 48.25,
      promptTokens: 1234,
      completionTokens: 156,
    },
    ...overrides,
  };
}

function run(overrides: Partial<RunRecord> = {}): RunRecord {
  return {
    version: 2,
    id: '7f1c2b9e-1111-4222-8333-444455556666',
    createdAt: '2024-05-01T14:03:27.000Z',
    updatedAt: '2024-05-01T14:03:40.000Z',
    systemPrompt: 'Answer in English.\nBe brief.',
    prompt: 'Explain WebGPU to a café owner\n\nin two lines',
    settings: { temperature: 0.7, topP: 0.95, maxTokens: 256, seed: 42 },
    parallel: true,
    panes: [
      pane(),
      pane({
        modelId: 'Llama-3.2-1B-Instruct-q4f16_1-MLC',
        label: 'Llama 3.2 1B',
        output: 'Partial:\n```js\nconst x = 1;',
        thinking: '',
        outcome: 'failed',
        finishReason: 'error',
        error: { name: 'GpuOutOfMemory', title: 'Not enough GPU memory', technical: 'RangeError: ``` buffer too big' },
        metrics: { ...emptyMetrics(), loadMs: 800, fromCache: true },
      }),
    ],
    device: { vendor: 'nvidia', architecture: 'ampere', description: 'RTX | 3060', shaderF16: true, maxBufferSize: 4 * 1024 ** 3, maxStorageBufferBindingSize: 2 * 1024 ** 3, userAgent: 'Mozilla/5.0 Test' },
    appVersion: '0.1.0',
    engineVersion: 'web-llm 0.2.86',
    ...overrides,
  };
}

/** A small RFC 4180 reader, to check that what toCsv writes reads back cell for cell. */
function readCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') (cell += '"'), i++;
      else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') row.push(cell), (cell = '');
    else if (ch === '\r' && text[i + 1] === '\n') row.push(cell), rows.push(row), (row = []), (cell = ''), i++;
    else cell += ch;
  }
  return rows;
}

describe('JSON export and import', () => {
  it('round-trips: toJson → parseImport gives back equal records', () => {
    const records = [run(), run({ id: 'second', systemPrompt: '', device: null, settings: { temperature: 0, topP: 1, maxTokens: 1 }, panes: [pane({ output: '' })] })];
    const { runs, problems } = parseImport(toJson(records));
    expect(problems).toEqual([]);
    expect(runs).toStrictEqual(records);
  });

  it('writes the documented envelope, pretty-printed', () => {
    const text = toJson([run()], new Date('2024-06-01T00:00:00Z'));
    expect(JSON.parse(text)).toEqual({ format: 'lineup-runs', version: 1, exportedAt: '2024-06-01T00:00:00.000Z', runs: [run()] });
    expect(text).toContain('\n  "format": "lineup-runs"');
  });

  it('accepts a bare run, a list of runs, and a leading BOM', () => {
    expect(parseImport(JSON.stringify(run())).runs).toStrictEqual([run()]);
    expect(parseImport(JSON.stringify([run(), run({ id: 'b' })])).runs).toHaveLength(2);
    expect(parseImport(`\uFEFF${toJson([run()])}`).runs).toStrictEqual([run()]);
  });

  it('keeps good runs and reports bad ones with their position', () => {
    const text = JSON.stringify({ format: 'lineup-runs', version: 1, runs: [run(), { ...run(), prompt: undefined }, 'junk'] });
    const { runs, problems } = parseImport(text);
    expect(runs).toStrictEqual([run()]);
    expect(problems).toEqual(['Run 2 of 3: prompt is missing.', 'Run 3 of 3: record should be an object, not text.']);
  });

  it('rejects files that are not JSON, not Lineup exports, from a newer Lineup, or too large', () => {
    expect(parseImport('model,label\nx,y').problems[0]).toMatch(/^This file is not JSON: /);
    expect(parseImport(JSON.stringify({ format: 'something-else', runs: [] }))).toEqual({
      runs: [],
      problems: ['This file is not a Lineup export: its format is "something-else", expected "lineup-runs".'],
    });
    expect(parseImport(JSON.stringify({ format: 'lineup-runs', version: 3, runs: [] })).problems[0]).toMatch(/newer version of Lineup/);
    expect(parseImport(JSON.stringify({ format: 'lineup-runs', version: 1 })).problems).toEqual(['This Lineup export has no list of runs.']);
    expect(parseImport('42').problems[0]).toMatch(/does not contain Lineup runs/);
    expect(parseImport(`"${'x'.repeat(20 * 1024 * 1024)}"`)).toEqual({ runs: [], problems: ['This file is 20.0 MB; imports are limited to 20 MB.'] });
  });
});

describe('hostile imports', () => {
  it('does not let __proto__ pollute Object.prototype, wherever it appears', () => {
    const attempts = [
      '{"__proto__": {"polluted": 1}}',
      '[{"__proto__": {"polluted": 1}}]',
      '{"format": "lineup-runs", "version": 1, "__proto__": {"polluted": 1}, "runs": []}',
      toJson([run()]).replace('"id":', '"__proto__": {"polluted": 1}, "id":'),
      toJson([run()]).replace('"modelId":', '"constructor": {"prototype": {"polluted": 1}}, "modelId":'),
    ];
    for (const text of attempts) {
      const result = parseImport(text);
      expect(result.runs).toEqual([]);
      expect(result.problems.length).toBeGreaterThan(0);
    }
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.prototype).not.toHaveProperty('polluted');
  });

  it('reports 1000 runs of junk without throwing, and without a 1000-line report', () => {
    const junk = Array.from({ length: 1000 }, (_, i) => [i, 'x', null, [], { a: [1, { b: 2 }] }, { version: 1, panes: 'no' }][i % 6]);
    const { runs, problems } = parseImport(JSON.stringify({ format: 'lineup-runs', version: 1, runs: junk }));
    expect(runs).toEqual([]);
    expect(problems).toHaveLength(21);
    expect(problems[0]).toBe('Run 1 of 1000: record should be an object, not the number 0.');
    expect(problems[20]).toBe('…and 980 more run(s) could not be read.');
  });

  it('survives deeply nested junk, as a whole file and as a run', () => {
    const depth = 100_000;
    const deepArray = '['.repeat(depth) + ']'.repeat(depth);
    const deepObject = '{"a":'.repeat(depth) + '1' + '}'.repeat(depth);
    for (const text of [deepArray, deepObject, `{"format":"lineup-runs","version":1,"runs":[${deepObject}]}`]) {
      expect(() => parseImport(text)).not.toThrow();
      const { runs, problems } = parseImport(text);
      expect(runs).toEqual([]);
      expect(problems).toHaveLength(1);
    }
  });
});

describe('CSV export', () => {
  const header =
    'run_id,created_at,model_id,label,outcome,finish_reason,from_cache,load_ms,downloaded_bytes,first_token_on_screen_ms,generation_ms,total_ms,engine_ttft_ms,prefill_tokens_per_s,decode_tokens_per_s,prompt_tokens,completion_tokens,thinking_tokens,answer_tokens,thinking_ms,answer_on_screen_ms';

  it('writes a header with units and one row per pane, raw numbers, empty for unmeasured', () => {
    const csv = toCsv([run()]);
    const lines = csv.split('\r\n');
    expect(lines[0]).toBe(header);
    expect(lines[1]).toBe(`${run().id},2024-05-01T14:03:27.000Z,Qwen2.5-0.5B-Instruct-q4f16_1-MLC,Qwen2.5 0.5B,finished,stop,false,12345,314572800,420,3210,15555,380,512.4,48.25,1234,156,,,,`);
    expect(lines[2]).toBe(`${run().id},2024-05-01T14:03:27.000Z,Llama-3.2-1B-Instruct-q4f16_1-MLC,Llama 3.2 1B,failed,error,true,800,0,,,,,,,,,,,,`);
    expect(lines[3]).toBe('');
    expect(lines).toHaveLength(4);
  });

  it('adds the thinking figures of a reasoning model', () => {
    const reasoned = pane({ thinking: 'plan', metrics: { ...pane().metrics, thinkingTokens: 120, answerTokens: 36, thinkingMs: 2500, answerOnScreenMs: 2900 } });
    const lines = toCsv([run({ panes: [reasoned] })]).split('\r\n');
    expect(lines[1]!.endsWith(',1234,156,120,36,2500,2900')).toBe(true);
  });

  it('quotes commas, quotes and newlines per RFC 4180', () => {
    const label = 'Model "Q", v2,\nnew line';
    const csv = toCsv([run({ panes: [pane({ label, modelId: 'a,b' })] })]);
    expect(csv).toContain(',"a,b","Model ""Q"", v2,\nnew line",');
    const rows = readCsv(csv);
    expect(rows).toHaveLength(2);
    expect(rows[1]![2]).toBe('a,b');
    expect(rows[1]![3]).toBe(label);
    expect(rows[1]).toHaveLength(rows[0]!.length);
  });

  it('defuses cells that a spreadsheet would run as a formula', () => {
    const panes = ['=HYPERLINK("http://evil")', '+1+1', '-2+3', '@SUM(A1)'].map((label) => pane({ label }));
    const rows = readCsv(toCsv([run({ panes, id: '=cmd|calc' })]));
    expect(rows.slice(1).map((row) => row[3])).toEqual(["'=HYPERLINK(\"http://evil\")", "'+1+1", "'-2+3", "'@SUM(A1)"]);
    expect(rows[1]![0]).toBe("'=cmd|calc");
    expect(toCsv([run({ panes: [pane({ label: 'safe = fine' })] })])).toContain(',safe = fine,');
  });

  it('writes only the header for no runs', () => {
    expect(toCsv([])).toBe(`${header}\r\n`);
  });
});

describe('Markdown export', () => {
  it('puts a reasoning model\'s thinking in a collapsed <details> block before the answer', () => {
    const reasoned = pane({ thinking: 'First **add**.\n```\nunclosed', metrics: { ...pane().metrics, thinkingTokens: 310, thinkingMs: 12_400 } });
    const markdown = toMarkdown(run({ panes: [reasoned] }));
    const block = markdown.slice(markdown.indexOf('<details>'), markdown.indexOf('</details>') + '</details>'.length);
    expect(block).toBe('<details>\n<summary>Thinking (12.4 s · 310 tokens)</summary>\n\nFirst **add**.\n```\nunclosed\n```\n\n</details>');
    expect(markdown.indexOf('</details>')).toBeLessThan(markdown.indexOf('WebGPU is **fast**.'));
    expect(toMarkdown(run())).not.toContain('<details>'); // no reasoning, no block
  });

  it('cannot be closed early by a </details> the model wrote', () => {
    const markdown = toMarkdown(run({ panes: [pane({ thinking: 'a </details> b' })] }));
    expect(markdown.match(/<\/details>/g)).toHaveLength(1);
    expect(markdown).toContain('a &lt;/details> b');
  });

  const md = toMarkdown(run());

  it('has a dated title, the prompt and system prompt as quotes, and the settings', () => {
    expect(md.startsWith('# Lineup run — 2024-05-01 14:03 UTC\n')).toBe(true);
    expect(md).toContain('> Explain WebGPU to a café owner\n>\n> in two lines');
    expect(md).toContain('**System prompt**\n\n> Answer in English.\n> Be brief.');
    expect(md).toContain('**Settings:** temperature 0.7 · top-p 0.95 · max tokens 256 · seed 42 · models run in parallel');
    expect(toMarkdown(run({ systemPrompt: '  ' }))).not.toContain('System prompt');
  });

  it('has a section per model with its output as-is', () => {
    expect(md).toContain('## 1. Qwen2.5 0.5B');
    expect(md).toContain('*Model:* Qwen2.5-0.5B-Instruct-q4f16_1-MLC · *outcome:* finished (stop)');
    expect(md).toContain(run().panes[0]!.output);
    expect(md).toContain('## 2. Llama 3.2 1B');
    expect(md).toContain('**Error: Not enough GPU memory**\n\n````\nRangeError: ``` buffer too big\n````');
  });

  it('closes a code fence left open by an output cut short', () => {
    expect(md).toContain('Partial:\n```js\nconst x = 1;\n```\n');
    expect(toMarkdown(run({ panes: [pane({ output: '```\nok\n```' })] }))).not.toContain('```\nok\n```\n```');
  });

  it('has a metrics table with the app’s formatting and a source column', () => {
    const m = run().panes[0]!.metrics;
    expect(md).toContain('| Metric | Value | Source |\n| --- | --- | --- |');
    expect(md).toContain(`| Load (cold, downloaded) | ${formatDuration(m.loadMs)} · ${formatBytes(m.downloadedBytes)} | wall clock |`);
    expect(md).toContain('| Load (cold, downloaded) | 12.3 s · 300 MB | wall clock |');
    expect(md).toContain(`| First token on screen | ${formatDuration(420)} | wall clock |`);
    expect(md).toContain('| Time to first token | 380 ms | engine |');
    expect(md).toContain(`| Prefill | ${formatRate(512.4)} | engine |`);
    expect(md).toContain('| Decode | 48.3 tok/s | engine |');
    expect(md).toContain(`| Tokens (prompt → generated) | ${formatCount(1234)} → 156 | engine |`);
    expect(md).toContain('| Total time | 15.6 s | wall clock |');
    expect(md).toContain('| Load (from cache) | 800 ms | wall clock |');
    expect(md).toContain('| Prefill | — | engine |');
  });

  it('ends with the device and versions', () => {
    expect(md).toContain('*Device:* nvidia ampere RTX | 3060 · shader-f16 yes · max buffer 4.00 GB');
    expect(md).toContain('*Browser:* Mozilla/5.0 Test');
    expect(md).toContain('*Versions:* Lineup 0.1.0 · web-llm 0.2.86');
    expect(toMarkdown(run({ device: null }))).toContain('*Device:* not recorded');
  });
});

describe('suggestedFileName', () => {
  it('is dated, readable and safe', () => {
    expect(suggestedFileName(run(), 'md')).toBe('lineup-2024-05-01-1403-explain-webgpu-to-a-cafe-owner.md');
    expect(suggestedFileName(run({ prompt: '../../etc/passwd' }), '.json')).toBe('lineup-2024-05-01-1403-etc-passwd.json');
    expect(suggestedFileName(run({ prompt: '日本語だけ' }), 'csv')).toBe('lineup-2024-05-01-1403.csv');
  });
});
