import { describe, expect, it } from 'vitest';
import { bradleyTerryRatings, eloRatings } from '../../src/lib/arena/ratings';
import type { ArenaOutcome, ArenaVote } from '../../src/lib/arena/vote';

let counter = 0;
/** A vote at minute `minute` of a fixed day, so order in time is explicit. */
function vote(modelA: string, modelB: string, outcome: ArenaOutcome, minute = counter): ArenaVote {
  counter++;
  const createdAt = new Date(Date.UTC(2024, 4, 1, 0, minute)).toISOString();
  return { id: `v${String(counter).padStart(4, '0')}`, createdAt, modelA, modelB, outcome, prompt: 'p' };
}

function shuffled<T>(items: readonly T[], seed: number): T[] {
  const out = [...items];
  let s = seed;
  for (let i = out.length - 1; i > 0; i--) {
    s = (s * 1103515245 + 12345) % 2147483648;
    const j = s % (i + 1);
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

describe('eloRatings', () => {
  it('one win between equals moves each rating by k/2', () => {
    // Expected score of A = 1 / (1 + 10^((1000 − 1000)/400)) = 0.5; A: 1000 + 32·(1 − 0.5) = 1016, B: 984.
    const ratings = eloRatings([vote('A', 'B', 'a', 0)]);
    expect(ratings.get('A')).toBe(1016);
    expect(ratings.get('B')).toBe(984);
  });

  it('then B beats A: hand-computed to 2 decimals', () => {
    // Expected score of B = 1 / (1 + 10^((1016 − 984)/400)) = 1 / (1 + 10^0.08) = 1 / 2.2022644 = 0.4540781.
    // B: 984 + 32·(1 − 0.4540781) = 984 + 17.4695 = 1001.47; A: 1016 − 17.4695 = 998.53.
    // B is on the left here ("a" wins): who is on which side must not matter.
    const ratings = eloRatings([vote('A', 'B', 'a', 0), vote('B', 'A', 'a', 1)]);
    expect(ratings.get('B')).toBeCloseTo(1001.47, 2);
    expect(ratings.get('A')).toBeCloseTo(998.53, 2);
  });

  it('a tie or "both bad" between equal ratings changes nothing; a tie after a win pulls back', () => {
    expect(eloRatings([vote('A', 'B', 'tie', 0), vote('A', 'B', 'both-bad', 1)])).toEqual(new Map([['A', 1000], ['B', 1000]]));
    // After 1016/984, a tie: A expected 1 / (1 + 10^(−0.08)) = 0.5459219; A: 1016 + 32·(0.5 − 0.5459219) = 1014.53.
    expect(eloRatings([vote('A', 'B', 'a', 0), vote('A', 'B', 'tie', 1)]).get('A')).toBeCloseTo(1014.53, 2);
  });

  it('replays votes in time order (then id), not in the order given', () => {
    const win = vote('A', 'B', 'a', 0);
    const loss = vote('A', 'B', 'b', 1);
    // A wins first: 1016, then loses as the favourite: 1016 − 32·0.5459219 = 998.53.
    expect(eloRatings([loss, win]).get('A')).toBeCloseTo(998.53, 2);
    // Same minute: the id decides (win has the smaller id).
    const sameTime = [vote('A', 'B', 'b', 5), vote('A', 'B', 'a', 5)];
    expect(eloRatings(sameTime)).toEqual(eloRatings([...sameTime].reverse()));
  });

  it('honours k and initial, and conserves the sum of ratings', () => {
    expect(eloRatings([vote('A', 'B', 'a', 0)], { k: 16, initial: 1500 })).toEqual(new Map([['A', 1508], ['B', 1492]]));
    // (7i + 1) − i = 6i + 1 is odd, so the two indices (mod 4) always differ.
    const models = ['A', 'B', 'C', 'D'];
    const outcomes: ArenaOutcome[] = ['a', 'b', 'tie', 'both-bad'];
    const votes = Array.from({ length: 200 }, (_, i) => vote(models[i % 4]!, models[(i * 7 + 1) % 4]!, outcomes[(i * 3) % 4]!, i));
    const total = [...eloRatings(votes).values()].reduce((sum, r) => sum + r, 0);
    expect(total).toBeCloseTo(4000, 8);
  });
});

describe('bradleyTerryRatings', () => {
  it('A beats B 3 times, B beats A once, with one virtual tie each against a reference of strength 1', () => {
    // Wins W_A = 3 + ½ = 3.5, W_B = 1 + ½ = 1.5; n_AB = 4. At the MM fixed point (= ML stationarity):
    //   3.5 = 4·p_A/(p_A + p_B) + p_A/(p_A + 1),   1.5 = 4·p_B/(p_A + p_B) + p_B/(p_B + 1).
    // Adding: 5 = 4 + p_A/(1 + p_A) + p_B/(1 + p_B), i.e. p_A/(1 + p_A) + p_B/(1 + p_B) = 1 ⇔ p_A·p_B = 1.
    // So the geometric mean is 1 (ratings 1000 ± 400·log10 p) and, with p = p_A, p_B = 1/p:
    //   3.5 = 4p²/(p² + 1) + p/(p + 1)  ⇔  3p³ + p² − 5p − 7 = 0  ⇒  p = 1.6071195 (Newton).
    // Rating A = 1000 + 400·log10(1.6071195) = 1082.42; B = 917.58; difference 800·log10 p = 164.84.
    const ratings = bradleyTerryRatings([vote('A', 'B', 'a'), vote('A', 'B', 'a'), vote('B', 'A', 'b'), vote('A', 'B', 'b')]);
    const a = ratings.get('A')!;
    const b = ratings.get('B')!;
    expect(a - b).toBeCloseTo(164.84, 2);
    expect(a).toBeCloseTo(1082.42, 2);
    expect(b).toBeCloseTo(917.58, 2);
    const p = 10 ** ((a - 1000) / 400);
    expect(3 * p ** 3 + p ** 2 - 5 * p - 7).toBeCloseTo(0, 6);
  });

  it('without much prior the 3–1 record approaches the plain ML ratio p_A/p_B = 3', () => {
    // Plain BT: p_A/p_B = 3/1, so the difference tends to 400·log10 3 = 190.85 as the prior vanishes.
    const votes = [vote('A', 'B', 'a'), vote('A', 'B', 'a'), vote('A', 'B', 'a'), vote('A', 'B', 'b')];
    const ratings = bradleyTerryRatings(votes, { priorTies: 1e-6 });
    expect(ratings.get('A')! - ratings.get('B')!).toBeCloseTo(190.85, 1);
  });

  it('gives equal ratings for symmetric records, and 1000 each for a cycle', () => {
    const even = bradleyTerryRatings([vote('A', 'B', 'a'), vote('A', 'B', 'b'), vote('A', 'B', 'tie'), vote('B', 'A', 'both-bad')]);
    expect(even.get('A')).toBeCloseTo(1000, 9);
    expect(even.get('B')).toBeCloseTo(1000, 9);
    const cycle = bradleyTerryRatings([vote('A', 'B', 'a'), vote('B', 'C', 'a'), vote('C', 'A', 'a')]);
    for (const model of ['A', 'B', 'C']) expect(cycle.get(model)).toBeCloseTo(1000, 9);
  });

  it('does not depend on the order of the votes, to the last bit', () => {
    const models = ['A', 'B', 'C', 'D', 'E'];
    const outcomes: ArenaOutcome[] = ['a', 'a', 'b', 'tie', 'both-bad'];
    const votes = Array.from({ length: 60 }, (_, i) => vote(models[i % 5]!, models[(i + 1 + (i % 3)) % 5]!, outcomes[(i * i) % 5]!));
    const reference = bradleyTerryRatings(votes);
    expect(reference.size).toBe(5);
    for (const seed of [1, 2, 3]) expect(bradleyTerryRatings(shuffled(votes, seed))).toEqual(reference);
  });

  it('keeps an unbeaten model finite and first, and a model that only loses finite and last', () => {
    const votes = [
      ...Array.from({ length: 10 }, () => vote('Champ', 'Mid', 'a')),
      ...Array.from({ length: 10 }, () => vote('Loser', 'Champ', 'b')),
      vote('Mid', 'Loser', 'a'),
      vote('Mid', 'Loser', 'a'),
    ];
    const ratings = bradleyTerryRatings(votes);
    for (const r of ratings.values()) expect(Number.isFinite(r)).toBe(true);
    const order = [...ratings].sort((x, y) => y[1] - x[1]).map(([model]) => model);
    expect(order).toEqual(['Champ', 'Mid', 'Loser']);
    // Geometric mean maps to 1000, so the ratings average exactly 1000.
    expect([...ratings.values()].reduce((s, r) => s + r, 0) / 3).toBeCloseTo(1000, 9);
  });

  it('returns an empty map for no votes and refuses a zero prior', () => {
    expect(bradleyTerryRatings([])).toEqual(new Map());
    expect(eloRatings([])).toEqual(new Map());
    expect(() => bradleyTerryRatings([vote('A', 'B', 'a')], { priorTies: 0 })).toThrow(RangeError);
  });
});
