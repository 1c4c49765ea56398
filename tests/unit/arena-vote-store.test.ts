// @vitest-environment node
import 'fake-indexeddb/auto'; // an in-memory IndexedDB on globalThis, before the store opens it
import { createStore, keys, set } from 'idb-keyval';
import { beforeEach, describe, expect, it } from 'vitest';
import { InvalidVoteError, type ArenaVote } from '../../src/lib/arena/vote';
import { ARENA_DB_NAME, clearVotes, listVotes, saveVote, saveVotes } from '../../src/lib/arena/vote-store';

function vote(id: string, createdAt: string, overrides: Partial<ArenaVote> = {}): ArenaVote {
  return { id, createdAt, modelA: 'Qwen', modelB: 'Llama', outcome: 'a', prompt: `Prompt ${id}`, ...overrides };
}

/** The very store the Arena uses, opened separately: what a damaged database holds. */
const rawStore = createStore(ARENA_DB_NAME, 'votes');

beforeEach(async () => {
  await clearVotes();
});

describe('arena vote store', () => {
  it('saves votes and lists them oldest first, keyed by id', async () => {
    await saveVote(vote('new', '2024-06-01T00:00:00.000Z'));
    await saveVote(vote('old', '2024-01-01T00:00:00.000Z'));
    await saveVote(vote('mid', '2024-03-01T00:00:00.000Z'));
    await saveVote(vote('mid', '2024-03-01T00:00:00.000Z', { outcome: 'tie' })); // same id replaces
    const { votes, skipped } = await listVotes();
    expect(votes.map((v) => v.id)).toEqual(['old', 'mid', 'new']);
    expect(votes[1]!.outcome).toBe('tie');
    expect(skipped).toBe(0);
    expect((await keys(rawStore)).sort()).toEqual(['mid', 'new', 'old']);
  });

  it('writes the validated copy: known fields only, canonical date, detached from the caller', async () => {
    const input = { ...vote('a', '2024-05-01T12:00:00+02:00'), extra: 'not stored' } as ArenaVote;
    await saveVote(input);
    input.prompt = 'changed after saving';
    const { votes } = await listVotes();
    expect(votes).toStrictEqual([vote('a', '2024-05-01T10:00:00.000Z')]);
  });

  it('refuses an invalid vote and writes nothing', async () => {
    await expect(saveVote(vote('bad', '2024-01-01T00:00:00.000Z', { modelB: 'Qwen' }))).rejects.toThrow(InvalidVoteError);
    expect(await keys(rawStore)).toEqual([]);
  });

  it('saves many votes at once, and none when one of them is invalid', async () => {
    await saveVotes([vote('v1', '2024-01-01T00:00:00.000Z'), vote('v2', '2024-01-02T00:00:00.000Z')]);
    expect((await listVotes()).votes.map((v) => v.id)).toEqual(['v1', 'v2']);
    await expect(saveVotes([vote('v3', '2024-01-03T00:00:00.000Z'), vote('v4', 'yesterday')])).rejects.toThrow(InvalidVoteError);
    expect((await listVotes()).votes.map((v) => v.id)).toEqual(['v1', 'v2']);
    await saveVotes([]);
    expect((await listVotes()).votes).toHaveLength(2);
  });

  it('skips and counts damaged entries, and lists the good ones', async () => {
    await saveVote(vote('good', '2024-02-01T00:00:00.000Z'));
    await set('string', 'not a vote', rawStore);
    await set('null', null, rawStore);
    await set('no-outcome', { ...vote('no-outcome', '2024-02-02T00:00:00.000Z'), outcome: undefined }, rawStore);
    await set('hostile', JSON.parse('{"__proto__":{"polluted":1},"id":"x"}'), rawStore);
    const { votes, skipped } = await listVotes();
    expect(votes.map((v) => v.id)).toEqual(['good']);
    expect(skipped).toBe(4);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('clears every vote', async () => {
    await saveVotes([vote('v1', '2024-01-01T00:00:00.000Z'), vote('v2', '2024-01-02T00:00:00.000Z')]);
    await clearVotes();
    expect(await listVotes()).toEqual({ votes: [], skipped: 0 });
  });
});
