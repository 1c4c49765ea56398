import { bradleyTerryRatings, eloRatings } from './ratings';
import type { ArenaVote } from './vote';

/** The local Arena board: one row per model that has been in at least one vote. */

export type RatingMethod = 'bradley-terry' | 'elo';

export interface LeaderboardRow {
  modelId: string;
  rating: number;
  /** Votes this model took part in, on either side. */
  votes: number;
  wins: number;
  losses: number;
  ties: number;
  bothBad: number;
  /** (wins + half of ties and "both bad") / votes: the share of points won, 0 to 1. */
  winRate: number;
}

export interface SideBias {
  /** Votes for "Model A", the left pane. */
  leftWins: number;
  /** Votes for "Model B", the right pane. */
  rightWins: number;
  /** Ties and "both bad": no side picked. */
  ties: number;
}

/**
 * Ratings closer than this are the same rating: the Bradley–Terry iteration stops at a tolerance,
 * so two models with identical records can differ in the last bits, and that must not decide rank.
 */
const SAME_RATING = 1e-6;

export function leaderboard(votes: readonly ArenaVote[], method: RatingMethod = 'bradley-terry'): LeaderboardRow[] {
  const ratings = method === 'elo' ? eloRatings(votes) : bradleyTerryRatings(votes);
  const rows = new Map<string, LeaderboardRow>();
  const row = (modelId: string): LeaderboardRow => {
    let existing = rows.get(modelId);
    if (!existing) {
      existing = { modelId, rating: ratings.get(modelId) ?? 1000, votes: 0, wins: 0, losses: 0, ties: 0, bothBad: 0, winRate: 0 };
      rows.set(modelId, existing);
    }
    return existing;
  };
  for (const vote of votes) {
    if (vote.modelA === vote.modelB) continue; // not a comparison; ratings ignore it too
    const a = row(vote.modelA);
    const b = row(vote.modelB);
    a.votes++;
    b.votes++;
    if (vote.outcome === 'a') {
      a.wins++;
      b.losses++;
    } else if (vote.outcome === 'b') {
      b.wins++;
      a.losses++;
    } else if (vote.outcome === 'tie') {
      a.ties++;
      b.ties++;
    } else {
      a.bothBad++;
      b.bothBad++;
    }
  }
  const list = [...rows.values()];
  for (const r of list) r.winRate = (r.wins + 0.5 * (r.ties + r.bothBad)) / r.votes;
  return list.sort((x, y) => {
    if (Math.abs(x.rating - y.rating) > SAME_RATING) return y.rating - x.rating;
    return x.modelId < y.modelId ? -1 : x.modelId > y.modelId ? 1 : 0;
  });
}

/**
 * How often each pane won. Sides are randomised, so with enough votes left and right wins should
 * be about equal; a clear gap means people favour a position, not a model.
 */
export function sideBias(votes: readonly ArenaVote[]): SideBias {
  const bias: SideBias = { leftWins: 0, rightWins: 0, ties: 0 };
  for (const vote of votes) {
    if (vote.outcome === 'a') bias.leftWins++;
    else if (vote.outcome === 'b') bias.rightWins++;
    else bias.ties++;
  }
  return bias;
}
