import { compareVotes, type ArenaVote } from './vote';

/**
 * Two ways to turn Arena votes into ratings on the familiar Elo scale (1000 = average).
 *
 * Elo is what people know, but it depends on the order votes arrive in: the same votes give
 * different ratings if replayed in another order, and recent votes weigh more. Bradley–Terry fits
 * all votes at once (the approach LMSYS's Chatbot Arena moved to), so a class merging votes from
 * many devices gets the same board whatever order the files were imported in. It is the default.
 */

export interface EloOptions {
  /** How far one vote moves a rating; 32 is the classic value for few games. */
  k?: number;
  initial?: number;
}

export interface BradleyTerryOptions {
  /** Virtual ties each model plays against the reference player (see below); must be > 0. */
  priorTies?: number;
  /** Stop when no strength changes by more than this fraction in one step. */
  tolerance?: number;
  maxIterations?: number;
}

/** What a vote scores for model A: a win 1, a loss 0; a tie and "both bad" split the point. */
function scoreA(vote: ArenaVote): number {
  return vote.outcome === 'a' ? 1 : vote.outcome === 'b' ? 0 : 0.5;
}

/**
 * Sequential Elo. Votes are replayed sorted by createdAt then id, not in the order given, so two
 * devices holding the same votes (imported in different orders) show the same ratings.
 */
export function eloRatings(votes: readonly ArenaVote[], { k = 32, initial = 1000 }: EloOptions = {}): Map<string, number> {
  const ratings = new Map<string, number>();
  for (const vote of [...votes].sort(compareVotes)) {
    if (vote.modelA === vote.modelB) continue; // cannot happen after validation; would be a no-op anyway
    const a = ratings.get(vote.modelA) ?? initial;
    const b = ratings.get(vote.modelB) ?? initial;
    const expectedA = 1 / (1 + 10 ** ((b - a) / 400));
    // B gains exactly what A loses, so the sum of all ratings never drifts.
    const delta = k * (scoreA(vote) - expectedA);
    ratings.set(vote.modelA, a + delta);
    ratings.set(vote.modelB, b - delta);
  }
  return ratings;
}

/**
 * Bradley–Terry maximum-likelihood strengths p (P(i beats j) = p_i / (p_i + p_j)), found with the
 * MM algorithm of Hunter (2004): p_i ← W_i / Σ_j n_ij / (p_i + p_j), where W_i is i's wins (a tie
 * or "both bad" counts half a win for each side) and n_ij the number of votes between i and j.
 *
 * Prior: a model that won every vote has no finite maximum-likelihood strength (p → ∞), and one
 * that lost every vote has p → 0. So every model also plays `priorTies` virtual ties (default one)
 * against a virtual reference player whose strength is fixed at 1. That adds priorTies / 2 to W_i
 * and priorTies / (p_i + 1) to the denominator, keeps every strength finite, and pulls models with
 * few votes gently towards average. With many votes it barely matters.
 *
 * Reported as rating = 1000 + 400 · log10(p_i / g), where g is the geometric mean of all the
 * models' strengths: the same scale as Elo, with the average model at 1000.
 */
export function bradleyTerryRatings(votes: readonly ArenaVote[], options: BradleyTerryOptions = {}): Map<string, number> {
  const { priorTies = 1, tolerance = 1e-9, maxIterations = 10_000 } = options;
  if (!(priorTies > 0)) throw new RangeError(`priorTies must be above 0 (got ${priorTies}); without it an unbeaten model has no finite rating.`);
  // Models in code-unit order and sums of halves (exact in floating point): the input order cannot
  // change a single bit of the result.
  const models = [...new Set(votes.flatMap((vote) => [vote.modelA, vote.modelB]))].sort();
  const index = new Map(models.map((model, i) => [model, i]));
  const n = models.length;
  const wins = new Array<number>(n).fill(priorTies / 2);
  const games = Array.from({ length: n }, () => new Array<number>(n).fill(0));
  for (const vote of votes) {
    const a = index.get(vote.modelA)!;
    const b = index.get(vote.modelB)!;
    if (a === b) continue;
    wins[a]! += scoreA(vote);
    wins[b]! += 1 - scoreA(vote);
    games[a]![b]! += 1;
    games[b]![a]! += 1;
  }

  let strength = new Array<number>(n).fill(1);
  for (let iteration = 0; iteration < maxIterations; iteration++) {
    // All strengths updated from the previous step's values (still a valid MM step), so the result
    // does not depend on which model is updated first.
    const next = strength.map((p, i) => {
      let denominator = priorTies / (p + 1);
      games[i]!.forEach((count, j) => {
        if (count) denominator += count / (p + strength[j]!);
      });
      return wins[i]! / denominator;
    });
    const change = Math.max(0, ...next.map((p, i) => Math.abs(p - strength[i]!) / strength[i]!));
    strength = next;
    if (change < tolerance) break;
  }

  const meanLog = strength.reduce((sum, p) => sum + Math.log10(p), 0) / (n || 1);
  return new Map(models.map((model, i) => [model, 1000 + 400 * (Math.log10(strength[i]!) - meanLog)]));
}
