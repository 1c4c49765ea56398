import { describe, expect, it } from 'vitest';
import { assignSides, drawPair, seededRandom, type Random } from '../../src/lib/arena/pairing';

const MODELS = ['m1', 'm2', 'm3', 'm4', 'm5'];

describe('seededRandom', () => {
  it('is reproducible, in [0, 1), and differs between seeds', () => {
    const a = seededRandom(42);
    const b = seededRandom(42);
    const first = Array.from({ length: 1000 }, () => a());
    expect(Array.from({ length: 1000 }, () => b())).toEqual(first);
    expect(first.every((x) => x >= 0 && x < 1)).toBe(true);
    expect(seededRandom(43)()).not.toBe(first[0]);
    // Mean of 1000 uniforms: 0.5 ± a few times √(1/12/1000) ≈ 0.009.
    expect(Math.abs(first.reduce((s, x) => s + x, 0) / 1000 - 0.5)).toBeLessThan(0.04);
  });
});

describe('assignSides', () => {
  it('puts the first chosen model on the left about half the time (10,000 draws: 0.5 ± 0.02)', () => {
    const random = seededRandom(1);
    let firstLeft = 0;
    for (let i = 0; i < 10_000; i++) {
      const { left, right } = assignSides(['chosen-first', 'chosen-second'], random);
      expect([left, right].sort()).toEqual(['chosen-first', 'chosen-second']);
      if (left === 'chosen-first') firstLeft++;
    }
    expect(Math.abs(firstLeft / 10_000 - 0.5)).toBeLessThan(0.02);
  });

  it('swaps exactly when the generator says so', () => {
    expect(assignSides(['x', 'y'], () => 0.49)).toEqual({ left: 'y', right: 'x' });
    expect(assignSides(['x', 'y'], () => 0.5)).toEqual({ left: 'x', right: 'y' });
  });

  it('refuses a model against itself', () => {
    expect(() => assignSides(['x', 'x'], Math.random)).toThrow(/two different models/);
  });
});

describe('drawPair', () => {
  it('never draws the same model twice, and every model appears on both sides', () => {
    const random = seededRandom(7);
    const left = new Map<string, number>();
    const right = new Map<string, number>();
    for (let i = 0; i < 5000; i++) {
      const pair = drawPair(MODELS, random);
      expect(pair[0]).not.toBe(pair[1]);
      const sides = assignSides(pair, random);
      left.set(sides.left, (left.get(sides.left) ?? 0) + 1);
      right.set(sides.right, (right.get(sides.right) ?? 0) + 1);
    }
    // Each model is in 2/5 of the pairs and on each side half of those: 5000 · 0.4 · 0.5 = 1000.
    for (const model of MODELS) {
      expect(left.get(model)).toBeGreaterThan(800);
      expect(right.get(model)).toBeGreaterThan(800);
    }
  });

  it('draws every unordered pair about equally often (20,000 draws, 10 pairs)', () => {
    const random = seededRandom(2024);
    const counts = new Map<string, number>();
    const draws = 20_000;
    for (let i = 0; i < draws; i++) {
      const key = drawPair(MODELS, random).sort().join('+');
      counts.set(key, (counts.get(key) ?? 0) + 1);
    }
    expect(counts.size).toBe(10);
    const expected = draws / 10;
    let chiSquare = 0;
    for (const count of counts.values()) {
      expect(Math.abs(count - expected)).toBeLessThan(0.2 * expected);
      chiSquare += (count - expected) ** 2 / expected;
    }
    // 9 degrees of freedom: P(χ² > 27.88) = 0.001 for a fair draw.
    expect(chiSquare).toBeLessThan(27.88);
  });

  it('treats duplicate ids as one model, and copes with a generator that returns 1', () => {
    const random = seededRandom(3);
    for (let i = 0; i < 200; i++) expect(drawPair(['a', 'a', 'b'], random).sort()).toEqual(['a', 'b']);
    const one: Random = () => 0.9999999999999999;
    expect(drawPair(MODELS, one)).toEqual(['m5', 'm4']);
    expect(drawPair(MODELS, () => 1)).toEqual(['m5', 'm4']);
  });

  it('throws a clear error for fewer than two different models', () => {
    expect(() => drawPair([], Math.random)).toThrow('The Arena needs at least two different models to compare; none is available.');
    expect(() => drawPair(['only'], Math.random)).toThrow(/only one is available/);
    expect(() => drawPair(['same', 'same'], Math.random)).toThrow(/only one is available/);
  });
});
