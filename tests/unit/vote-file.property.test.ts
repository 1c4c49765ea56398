// @vitest-environment node
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { mergeVotes, parseVotesFile, toVotesFile } from '../../src/lib/arena/vote-file';
import { checkVote, type ArenaVote } from '../../src/lib/arena/vote';
import { applyMutation, expectClearError, expectNoPollution, isoDate, mutation, nonBlankText, plainRecord } from './support/hostile';

/** Arena vote files: export → import is exact; merging never double-counts or loses a vote; broken files are refused clearly. */

export const arenaVote: fc.Arbitrary<ArenaVote> = plainRecord({
  id: nonBlankText(100),
  createdAt: isoDate,
  modelA: nonBlankText(60),
  modelB: nonBlankText(60),
  outcome: fc.constantFrom('a', 'b', 'tie', 'both-bad'),
  prompt: nonBlankText(400),
}).filter((vote) => vote.modelA !== vote.modelB);

const sameExceptId = (a: ArenaVote, b: ArenaVote) => JSON.stringify({ ...a, id: '' }) === JSON.stringify({ ...b, id: '' });

describe('vote files, property-based', () => {
  it('export → import gives back exactly the votes exported', () => {
    fc.assert(
      fc.property(fc.array(arenaVote, { maxLength: 8 }), (votes) => {
        expect(parseVotesFile(toVotesFile(votes))).toStrictEqual({ votes, problems: [], damaged: 0 });
      }),
    );
  });

  it('merging keeps ids unique, loses no vote, and merging the same file again adds nothing', () => {
    // Few distinct ids, so collisions (same id, other content) are common.
    const clashing = arenaVote.chain((vote) => fc.constantFrom('x', 'y', vote.id).map((id) => ({ ...vote, id })));
    fc.assert(
      fc.property(fc.array(clashing, { maxLength: 6 }), fc.array(clashing, { maxLength: 6 }), (mine, theirs) => {
        const here = mergeVotes([], mine).merged;
        const once = mergeVotes(here, theirs);
        const ids = once.merged.map((vote) => vote.id);
        expect(new Set(ids).size).toBe(ids.length);
        for (const vote of theirs) expect(once.merged.some((kept) => sameExceptId(kept, vote))).toBe(true);
        for (const vote of here) expect(once.merged).toContainEqual(vote); // nothing here replaced
        for (const vote of once.addedVotes) expect(checkVote(vote)).toStrictEqual({ ok: true, vote });
        const twice = mergeVotes(once.merged, theirs);
        expect(twice.addedVotes).toEqual([]);
        expect(twice.merged).toStrictEqual(once.merged);
      }),
    );
  });

  it('a damaged file is refused with a clear message or read with its damaged votes counted, never a crash', () => {
    fc.assert(
      fc.property(fc.array(arenaVote, { minLength: 1, maxLength: 4 }), mutation, (votes, change) => {
        const text = applyMutation(toVotesFile(votes), change);
        try {
          const result = parseVotesFile(text);
          expect(result.damaged).toBe(result.problems.length); // ≤ 20 entries: one problem each
          expect(parseVotesFile(toVotesFile(result.votes)).votes).toStrictEqual(result.votes);
        } catch (error) {
          expectClearError(error);
        }
        expectNoPollution();
      }),
      { numRuns: Number(process.env.FC_RUNS ?? 300) },
    );
  });
});
