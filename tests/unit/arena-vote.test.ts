import { describe, expect, it } from 'vitest';
import { InvalidVoteError, MAX_PROMPT_CHARS, checkVote, compareVotes, createVote, parseVote, type ArenaVote } from '../../src/lib/arena/vote';

const good: ArenaVote = {
  id: 'vote-1',
  createdAt: '2024-05-01T10:00:00.000Z',
  modelA: 'Qwen2.5-0.5B-Instruct-q4f16_1-MLC',
  modelB: 'Llama-3.2-1B-Instruct-q4f16_1-MLC',
  outcome: 'a',
  prompt: 'Write a haiku about autumn',
};

function problemOf(raw: unknown): string {
  const result = checkVote(raw);
  if (result.ok) throw new Error('expected the vote to be rejected');
  return result.problem;
}

describe('createVote', () => {
  it('builds a vote with the given time and id', () => {
    const vote = createVote({ modelA: 'm1', modelB: 'm2', outcome: 'tie', prompt: 'Hi' }, new Date(Date.UTC(2024, 0, 2, 3, 4, 5)), 'fixed-id');
    expect(vote).toStrictEqual({ id: 'fixed-id', createdAt: '2024-01-02T03:04:05.000Z', modelA: 'm1', modelB: 'm2', outcome: 'tie', prompt: 'Hi' });
  });

  it('defaults to now and a random UUID', () => {
    const before = Date.now();
    const vote = createVote({ modelA: 'm1', modelB: 'm2', outcome: 'b', prompt: 'Hi' });
    expect(vote.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(Date.parse(vote.createdAt)).toBeGreaterThanOrEqual(before);
    expect(createVote({ modelA: 'm1', modelB: 'm2', outcome: 'b', prompt: 'Hi' }).id).not.toBe(vote.id);
  });

  it('truncates the prompt to 2000 characters without splitting an emoji', () => {
    const long = createVote({ modelA: 'm1', modelB: 'm2', outcome: 'a', prompt: 'x'.repeat(5000) });
    expect(long.prompt).toBe('x'.repeat(MAX_PROMPT_CHARS));
    // 1999 x then an emoji (2 UTF-16 units at positions 1999–2000): the emoji is dropped whole.
    const emoji = createVote({ modelA: 'm1', modelB: 'm2', outcome: 'a', prompt: `${'x'.repeat(1999)}😀tail` });
    expect(emoji.prompt).toBe('x'.repeat(1999));
  });

  it('refuses the same model on both sides, and an invalid date', () => {
    expect(() => createVote({ modelA: 'm1', modelB: 'm1', outcome: 'a', prompt: 'Hi' })).toThrow(InvalidVoteError);
    expect(() => createVote({ modelA: 'm1', modelB: 'm2', outcome: 'a', prompt: 'Hi' }, new Date('nope'))).toThrow(/createdAt/);
  });
});

describe('checkVote / parseVote', () => {
  it('accepts a good vote and returns a fresh copy without extra fields', () => {
    const raw = { ...good, extra: 'dropped', nested: { deep: true } };
    const result = checkVote(raw);
    expect(result).toStrictEqual({ ok: true, vote: good });
    expect(parseVote(raw)).not.toBe(raw);
  });

  it('canonicalises the date with toISOString', () => {
    expect(parseVote({ ...good, createdAt: '2024-05-01T12:00:00+02:00' }).createdAt).toBe('2024-05-01T10:00:00.000Z');
    expect(parseVote({ ...good, createdAt: '2024-05-01T10:00Z' }).createdAt).toBe('2024-05-01T10:00:00.000Z');
  });

  it('rejects dates that are not ISO 8601 date-times', () => {
    for (const createdAt of ['May 1, 2024', '2024-05-01', '2024-13-01T00:00:00Z', '1714557600000', 1714557600000, undefined]) {
      expect(problemOf({ ...good, createdAt })).toMatch(/^createdAt /);
    }
  });

  it('names each bad field', () => {
    expect(problemOf({ ...good, id: '' })).toBe('id is empty');
    expect(problemOf({ ...good, id: 'i'.repeat(101) })).toMatch(/^id is too long \(101 characters; the limit is 100\)/);
    expect(checkVote({ ...good, id: 'i'.repeat(100) }).ok).toBe(true);
    expect(problemOf({ ...good, modelA: 'm'.repeat(201) })).toMatch(/^modelA is too long/);
    expect(checkVote({ ...good, modelA: 'm'.repeat(200) }).ok).toBe(true);
    expect(problemOf({ ...good, modelB: '   ' })).toBe('modelB is empty');
    expect(problemOf({ ...good, modelB: 42 })).toBe('modelB should be text');
    expect(problemOf({ ...good, modelB: good.modelA })).toBe('modelA and modelB are the same model');
    expect(problemOf({ ...good, outcome: 'left' })).toBe('outcome should be one of a, b, tie, both-bad');
    expect(problemOf({ ...good, prompt: undefined })).toBe('prompt is missing');
    expect(problemOf({ ...good, id: 7, outcome: null })).toBe('id should be text; outcome should be one of a, b, tie, both-bad');
  });

  it('truncates an over-long prompt from a file instead of refusing the vote', () => {
    expect(parseVote({ ...good, prompt: 'y'.repeat(3000) }).prompt).toHaveLength(MAX_PROMPT_CHARS);
  });

  it('rejects non-objects and ignores inherited fields', () => {
    for (const raw of [null, 'vote', 3, [good], new Date()]) expect(problemOf(raw)).toBe('it is not an object');
    expect(problemOf(Object.assign(Object.create({ ...good }) as object, {}))).toBe('it is not an object');
    expect(problemOf(JSON.parse('{"__proto__": {"id": "x"}}'))).toMatch(/^id is missing/);
  });

  it('parseVote throws an InvalidVoteError naming the problem', () => {
    try {
      parseVote({ ...good, outcome: 'x' });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(InvalidVoteError);
      expect((error as InvalidVoteError).name).toBe('InvalidVoteError');
      expect((error as Error).message).toBe('This arena vote could not be read: outcome should be one of a, b, tie, both-bad.');
    }
  });
});

describe('compareVotes', () => {
  it('orders by time, then by id', () => {
    const votes = [
      { ...good, id: 'b', createdAt: '2024-01-02T00:00:00.000Z' },
      { ...good, id: 'c', createdAt: '2024-01-01T00:00:00.000Z' },
      { ...good, id: 'a', createdAt: '2024-01-02T00:00:00.000Z' },
    ];
    expect(votes.sort(compareVotes).map((v) => v.id)).toEqual(['c', 'a', 'b']);
  });
});
