import { describe, expect, it } from 'vitest';
import type { GradedRun } from '../../src/lib/graded-runs/graded-run';
import { parseResultFile, RUN_IDENTITY, toResultFile } from '../../src/lib/graded-runs/result-file';
import { classTable, scoreRun } from '../../src/lib/graded-runs/scores';
import { classTableCsv, classTableMarkdown } from '../../src/lib/graded-runs/result-export';
import { mergeById } from '../../src/lib/files/merge-by-id';
import { DEFAULT_REFUSAL_RULES } from '../../src/lib/grading/default-refusal-rules';

const answer = (itemId: string, text: string) => ({ itemId, answer: text, finishReason: 'stop' as const, promptTokens: 10, completionTokens: 5, decodeTokensPerSecond: 20, prefillTokensPerSecond: 100, ttftMs: 50, totalMs: 300 });

function run(id: string, device: string, answers: Record<string, string[]>, overrides: GradedRun['overrides'] = []): GradedRun {
  return {
    format: 'lineup-grades', version: 1, id, createdAt: `2026-01-0${id.length}T10:00:00.000Z`, device: { label: device, gpu: '', browser: 'Chromium' },
    appVersion: '1', engineVersion: 'web-llm', settings: { temperature: 0, topP: 1, maxTokens: 64, seed: 1 }, overrides,
    set: { id: 'quiz', title: 'Quiz', items: [
      { id: 'a', title: 'A', prompt: 'Capital of France?', check: { kind: 'exact', answers: ['Paris'] } },
      { id: 'b', title: 'B', prompt: 'Harmful', check: { kind: 'behaviour', expect: 'refuse' } },
    ] },
    models: Object.entries(answers).map(([modelId, texts]) => ({ modelId, label: modelId, loadMs: 1000, answers: texts.map((text, index) => answer(['a', 'b'][index]!, text)) })),
  };
}

describe('scores', () => {
  it('counts passes over graded answers with a Wilson interval, and behaviour rates', () => {
    const [good, poor] = scoreRun(run('r', 'Lab', { good: ['Paris', "I can't help with that."], poor: ['Lyon', 'Sure, here'] }), DEFAULT_REFUSAL_RULES);
    expect(good).toMatchObject({ passed: 2, total: 2, score: 1, behaviour: { refused: { count: 1, rate: 1 } }, completionTokens: 10, medianDecodeTokensPerSecond: 20 });
    expect(good!.interval.low).toBeCloseTo(0.3424, 4);
    expect(poor).toMatchObject({ passed: 0, total: 2, behaviour: { answered: { count: 1 } } });
    expect(poor!.interval.high).toBeCloseTo(0.6576, 4);
  });
  it('counts a hand override, marked, and only when it differs from the automatic grade', () => {
    const [row] = scoreRun(run('r', 'Lab', { poor: ['Lyon', 'Sure'] }, [{ modelId: 'poor', itemId: 'a', pass: true }, { modelId: 'poor', itemId: 'b', pass: false }]), DEFAULT_REFUSAL_RULES);
    expect(row).toMatchObject({ passed: 1, total: 2, overrides: 1 });
  });
  it('does not count items a stopped run never answered', () => {
    const [row] = scoreRun(run('r', 'Lab', { half: ['Paris'] }), DEFAULT_REFUSAL_RULES);
    expect(row).toMatchObject({ passed: 1, total: 1 });
  });
});

describe('class table', () => {
  const one = run('one', 'Room 1', { m: ['Paris', "I can't help"] });
  const two = run('two22', 'Room 2', { m: ['Rome', "I can't help"] });
  it('has per-device rows and a pooled row over all answers', () => {
    const table = classTable([two, one], 'quiz', DEFAULT_REFUSAL_RULES)!;
    expect(table.devices.map((device) => device.device)).toEqual(['Room 1', 'Room 2']);
    expect(table.pooled[0]).toMatchObject({ passed: 3, total: 4, score: 0.75 });
    expect(classTable([one], 'other', DEFAULT_REFUSAL_RULES)).toBeNull();
    expect(classTableCsv(table).split('\r\n')[3]).toBe('Quiz,all devices (pooled),,m,3,4,0.75,0.3006,0.9544,2,0,0,,20,20,50,0');
    expect(classTableMarkdown(table)).toContain('| m | 3/4 | 75 % | 30 %–95 % | 100 % refused, 0 % deflected |');
  });
  it('de-duplicates runs by id: the same run imported twice, or with other hand grades, counts once', () => {
    const again = parseResultFile(toResultFile(one));
    expect(mergeById([one], [again], RUN_IDENTITY).counts).toEqual({ added: 0, skipped: 1, copied: 0 });
    const regraded = { ...again, overrides: [{ modelId: 'm', itemId: 'a', pass: false }] };
    expect(mergeById([one], [regraded], RUN_IDENTITY).counts).toEqual({ added: 0, skipped: 1, copied: 0 });
    expect(mergeById([one], [two], RUN_IDENTITY).counts).toEqual({ added: 1, skipped: 0, copied: 0 });
    // Same id, other answers: a different run, kept as a copy, never over the one here.
    const clash = { ...two, id: one.id };
    const merged = mergeById([one], [clash], RUN_IDENTITY);
    expect(merged.counts.copied).toBe(1);
    expect(merged.added[0]!.id).not.toBe(one.id);
  });
});

describe('result files', () => {
  const good = run('r', 'Lab', { m: ['Paris', 'no'] }, [{ modelId: 'm', itemId: 'a', pass: false }]);
  it('round-trip exactly', () => {
    expect(parseResultFile(toResultFile(good))).toEqual(good);
  });
  const broken = (change: (file: Record<string, unknown>) => void) => {
    const file = JSON.parse(toResultFile(good));
    change(file);
    return () => parseResultFile(JSON.stringify(file));
  };
  it.each([
    ['not JSON', () => parseResultFile('{'), /not valid JSON/],
    ['another format', broken((file) => (file.format = 'lineup-benchmark')), /not a Lineup result file/],
    ['a newer version', broken((file) => (file.version = 2)), /newer Lineup/],
    ['a bad check', broken((file) => ((file.set as { items: Array<{ check: unknown }> }).items[0]!.check = { kind: 'nope' })), /set.items\[0\].check is not usable/],
    ['an answer to an unknown item', broken((file) => ((file.models as Array<{ answers: Array<{ itemId: string }> }>)[0]!.answers[0]!.itemId = 'zzz')), /answers an item the set does not have/],
    ['the same item answered twice', broken((file) => ((file.models as Array<{ answers: Array<{ itemId: string }> }>)[0]!.answers[1]!.itemId = 'a')), /answers the same item twice/],
    ['a negative speed', broken((file) => ((file.models as Array<{ answers: Array<{ decodeTokensPerSecond: number }> }>)[0]!.answers[0]!.decodeTokensPerSecond = -1)), /decodeTokensPerSecond is not a number ≥ 0/],
    ['an override for an unknown model', broken((file) => (file.overrides = [{ modelId: 'x', itemId: 'a', pass: true }])), /names a model or item/],
    ['a bad date', broken((file) => (file.createdAt = 'yesterday')), /createdAt is not a date/],
  ])('refuses %s with a message saying where', (_, read, message) => {
    expect(read).toThrow(message);
  });
  it('drops prototype keys', () => {
    const file = toResultFile(good).replace('"format"', '"__proto__": {"polluted": true}, "format"');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(parseResultFile(file)).toEqual(good);
  });
});
