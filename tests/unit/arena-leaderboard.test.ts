import { describe, expect, it } from 'vitest';
import { leaderboard, sideBias } from '../../src/lib/arena/leaderboard';
import type { ArenaOutcome, ArenaVote } from '../../src/lib/arena/vote';

let counter = 0;
function vote(modelA: string, modelB: string, outcome: ArenaOutcome): ArenaVote {
  counter++;
  const createdAt = new Date(Date.UTC(2024, 4, 1, 0, counter)).toISOString();
  return { id: `v${String(counter).padStart(4, '0')}`, createdAt, modelA, modelB, outcome, prompt: 'p' };
}

describe('leaderboard', () => {
  const votes = [
    vote('Qwen', 'Llama', 'a'), // Qwen wins (left)
    vote('Llama', 'Qwen', 'a'), // Llama wins (left)
    vote('Qwen', 'Phi', 'b'), // Phi wins (right)
    vote('Phi', 'Llama', 'tie'),
    vote('Qwen', 'Phi', 'both-bad'),
    vote('Phi', 'Qwen', 'a'), // Phi wins
  ];

  it('counts votes, wins, losses, ties and "both bad" per model, on either side', () => {
    const rows = leaderboard(votes);
    const byId = new Map(rows.map((r) => [r.modelId, r]));
    // Phi: 4 votes — 2 wins, 1 tie, 1 both-bad → (2 + 0.5·2) / 4 = 0.75.
    expect(byId.get('Phi')).toMatchObject({ votes: 4, wins: 2, losses: 0, ties: 1, bothBad: 1, winRate: 0.75 });
    // Qwen: 5 votes — 1 win, 3 losses, 1 both-bad → (1 + 0.5) / 5 = 0.3.
    expect(byId.get('Qwen')).toMatchObject({ votes: 5, wins: 1, losses: 3, ties: 0, bothBad: 1, winRate: 0.3 });
    // Llama: 3 votes — 1 win, 1 loss, 1 tie → (1 + 0.5) / 3 = 0.5.
    expect(byId.get('Llama')).toMatchObject({ votes: 3, wins: 1, losses: 1, ties: 1, bothBad: 0, winRate: 0.5 });
    expect(rows.map((r) => r.modelId)).toEqual(['Phi', 'Llama', 'Qwen']);
  });

  it('sorts by rating, highest first, and uses the chosen method', () => {
    for (const method of ['bradley-terry', 'elo'] as const) {
      const rows = leaderboard(votes, method);
      for (let i = 1; i < rows.length; i++) expect(rows[i - 1]!.rating).toBeGreaterThan(rows[i]!.rating);
    }
    // Elo replays in time order; Qwen's single win comes first: 1000 + 32·0.5 = 1016 after it.
    const elo = leaderboard([vote('Qwen', 'Llama', 'a')], 'elo');
    expect(elo.map((r) => [r.modelId, r.rating])).toEqual([['Qwen', 1016], ['Llama', 984]]);
    // The default is Bradley–Terry, which does not give 1016 for a single win.
    expect(leaderboard([vote('Qwen', 'Llama', 'a')])[0]!.rating).not.toBe(1016);
  });

  it('breaks equal ratings by model id, so the board is stable', () => {
    const cycle = [vote('C', 'B', 'a'), vote('B', 'A', 'a'), vote('A', 'C', 'a')];
    expect(leaderboard(cycle).map((r) => r.modelId)).toEqual(['A', 'B', 'C']);
    expect(leaderboard([vote('Zed', 'Amy', 'tie')], 'elo').map((r) => r.modelId)).toEqual(['Amy', 'Zed']);
  });

  it('is empty without votes', () => {
    expect(leaderboard([])).toEqual([]);
  });
});

describe('sideBias', () => {
  it('counts left wins, right wins, and no-pick votes (tie and both bad)', () => {
    const votes = [vote('X', 'Y', 'a'), vote('Y', 'X', 'a'), vote('X', 'Y', 'a'), vote('X', 'Y', 'b'), vote('X', 'Y', 'tie'), vote('Y', 'X', 'both-bad')];
    expect(sideBias(votes)).toEqual({ leftWins: 3, rightWins: 1, ties: 2 });
    expect(sideBias([])).toEqual({ leftWins: 0, rightWins: 0, ties: 0 });
  });
});
