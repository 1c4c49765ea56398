import { describe, expect, it } from 'vitest';
import { mergeVotes, parseVotesFile, toVotesFile } from '../../src/lib/arena/vote-file';
import type { ArenaOutcome, ArenaVote } from '../../src/lib/arena/vote';
import { MAX_IMPORT_BYTES } from '../../src/lib/files/files';

function vote(id: string, minute: number, outcome: ArenaOutcome = 'a'): ArenaVote {
  return { id, createdAt: new Date(Date.UTC(2024, 4, 1, 9, minute)).toISOString(), modelA: 'Qwen', modelB: 'Llama', outcome, prompt: `Prompt ${id}` };
}

const envelope = (votes: unknown, extra: Record<string, unknown> = {}) =>
  JSON.stringify({ format: 'lineup-arena-votes', version: 1, exportedAt: '2024-05-01T00:00:00.000Z', votes, ...extra });

describe('toVotesFile / parseVotesFile', () => {
  it('round-trips votes exactly, with the envelope', () => {
    const votes = [vote('v1', 1), vote('v2', 2, 'tie'), vote('v3', 3, 'both-bad')];
    const text = toVotesFile(votes, new Date('2024-06-01T12:00:00Z'));
    expect(JSON.parse(text)).toStrictEqual({ format: 'lineup-arena-votes', version: 1, exportedAt: '2024-06-01T12:00:00.000Z', votes });
    expect(parseVotesFile(text)).toStrictEqual({ votes, problems: [], damaged: 0 });
  });

  it('accepts a byte order mark and an empty list', () => {
    expect(parseVotesFile(`\uFEFF${envelope([vote('v1', 1)])}`).votes).toHaveLength(1);
    expect(parseVotesFile(envelope([]))).toEqual({ votes: [], problems: [], damaged: 0 });
  });

  it('skips damaged votes, names them by position, and keeps the good ones', () => {
    const text = envelope([vote('ok-1', 1), { ...vote('bad', 2), outcome: 'left' }, 'junk', vote('ok-2', 3), { ...vote('same', 4), modelB: 'Qwen' }]);
    const { votes, problems } = parseVotesFile(text);
    expect(votes.map((v) => v.id)).toEqual(['ok-1', 'ok-2']);
    expect(problems).toEqual([
      'Vote 2 of 5: outcome should be one of a, b, tie, both-bad.',
      'Vote 3 of 5: it is not an object.',
      'Vote 5 of 5: modelA and modelB are the same model.',
    ]);
  });

  it('lists at most 20 problems, then counts the rest', () => {
    const { votes, problems } = parseVotesFile(envelope([...Array.from({ length: 25 }, () => null), vote('ok', 1)]));
    expect(votes).toHaveLength(1);
    expect(problems).toHaveLength(21);
    expect(problems[19]).toBe('Vote 20 of 26: it is not an object.');
    expect(problems[20]).toBe('…and 5 more vote(s) could not be read.');
  });

  it('throws a readable error for a file that is not a votes file', () => {
    expect(() => parseVotesFile('{ not json')).toThrow('This file is not a Lineup Arena votes file: it is not valid JSON.');
    expect(() => parseVotesFile('[]')).toThrow('This file is not a Lineup Arena votes file (expected format "lineup-arena-votes").');
    expect(() => parseVotesFile('null')).toThrow(/expected format "lineup-arena-votes"/);
    expect(() => parseVotesFile(JSON.stringify({ format: 'lineup-runs', version: 1, runs: [] }))).toThrow(/import it in the history instead/);
    expect(() => parseVotesFile(envelope([], { version: 2 }))).toThrow('This votes file was made by a newer version of Lineup (version 2); update Lineup to import it.');
    expect(() => parseVotesFile(envelope([], { version: '1' }))).toThrow('This Arena votes file has no valid version number.');
    expect(() => parseVotesFile(envelope({ v1: vote('v1', 1) }))).toThrow('This Arena votes file has no list of votes.');
  });

  it('refuses input larger than MAX_IMPORT_BYTES, counting UTF-8 bytes', () => {
    const padding = (size: number, char: string) => envelope([], { note: char.repeat(size) });
    expect(() => parseVotesFile(padding(MAX_IMPORT_BYTES, 'x'))).toThrow(/imports are limited to 20 MB/);
    // "é" is 2 bytes in UTF-8: 11 M of them is 22 MB although the string is only 11 M characters long.
    expect(() => parseVotesFile(padding(11 * 1024 * 1024, 'é'))).toThrow(/^This file is 22\.0 MB/);
    expect(parseVotesFile(padding(1024, 'é')).votes).toEqual([]);
  });
});

describe('mergeVotes', () => {
  it('adds new votes, skips identical ones already present, and sorts the result by time', () => {
    const existing = [vote('b', 2), vote('d', 4)];
    const incoming = [vote('c', 3), vote('b', 2), vote('a', 1)];
    const result = mergeVotes(existing, incoming);
    expect(result.merged.map((v) => v.id)).toEqual(['a', 'b', 'c', 'd']);
    expect(result.addedVotes.map((v) => v.id)).toEqual(['c', 'a']);
    expect(result.counts).toEqual({ added: 2, skipped: 1, copied: 0 });
  });

  it('merging the same file twice does not double-count', () => {
    const file = parseVotesFile(toVotesFile([vote('x', 1), vote('y', 2)])).votes;
    const once = mergeVotes([], file);
    const twice = mergeVotes(once.merged, file);
    expect(twice.merged).toStrictEqual(once.merged);
    expect(once.counts).toEqual({ added: 2, skipped: 0, copied: 0 });
    expect(twice.addedVotes).toEqual([]);
    expect(twice.counts).toEqual({ added: 0, skipped: 2, copied: 0 });
  });

  it('a different vote under an id already used is kept as a copy, never over the vote here', () => {
    const first = vote('same', 1, 'a');
    const conflicting = vote('same', 1, 'b');
    const result = mergeVotes([first], [conflicting]);
    expect(result.counts).toEqual({ added: 0, skipped: 0, copied: 1 });
    expect(result.merged).toHaveLength(2);
    expect(result.merged.find((v) => v.id === 'same')).toStrictEqual(first);
    const copy = result.addedVotes[0]!;
    expect(copy).toStrictEqual({ ...conflicting, id: copy.id });
    expect(copy.id).toMatch(/^same~copy-[0-9a-f]{16}$/);
    // Within one file too, and importing that file again recognises the copy.
    const inFile = mergeVotes([], [first, conflicting]);
    expect(inFile.counts).toEqual({ added: 1, skipped: 0, copied: 1 });
    const again = mergeVotes(inFile.merged, [first, conflicting]);
    expect(again.counts).toEqual({ added: 0, skipped: 2, copied: 0 });
    expect(again.merged).toStrictEqual(inFile.merged);
  });

  it('a copy of a 100-character id is still a valid vote id', () => {
    const long = 'v'.repeat(100);
    const { addedVotes } = mergeVotes([vote(long, 1, 'a')], [vote(long, 1, 'b')]);
    expect(addedVotes[0]!.id.length).toBeLessThanOrEqual(100);
    expect(parseVotesFile(toVotesFile(addedVotes)).votes).toStrictEqual(addedVotes);
  });
});
