/**
 * Who faces whom, and on which side. People favour the left (first-read) answer a little, so the
 * side a model is shown on is always random, even when the user picked the two models themselves:
 * otherwise "the model I chose first" would also be "the model on the left", every time.
 *
 * Randomness is injected so tests can check the distributions with a seeded generator.
 */

/** A source of uniform numbers in [0, 1), like Math.random. */
export type Random = () => number;

export interface Sides {
  /** Shown as "Model A". */
  left: string;
  /** Shown as "Model B". */
  right: string;
}

/** A uniform whole number in [0, count), safe even if a generator returns exactly 1. */
function pick(count: number, random: Random): number {
  return Math.min(count - 1, Math.floor(random() * count));
}

/**
 * Two different models, every unordered pair equally likely. Duplicate ids in the list count once,
 * so a model never faces itself. Throws when there are fewer than two different models.
 */
export function drawPair(modelIds: readonly string[], random: Random): [string, string] {
  const models = [...new Set(modelIds)];
  if (models.length < 2) {
    throw new Error(`The Arena needs at least two different models to compare; ${models.length === 0 ? 'none is' : 'only one is'} available.`);
  }
  const first = pick(models.length, random);
  // Draw from the others: skip over the first pick instead of redrawing, so it always takes one call.
  let second = pick(models.length - 1, random);
  if (second >= first) second++;
  return [models[first]!, models[second]!];
}

/** Put the two models on random sides: each arrangement with probability 1/2. */
export function assignSides([first, second]: readonly [string, string], random: Random): Sides {
  if (first === second) throw new Error('The Arena needs two different models; a model cannot face itself.');
  return random() < 0.5 ? { left: second, right: first } : { left: first, right: second };
}

/**
 * mulberry32: a tiny, fast generator with a good spread, for reproducible tests. Not for anything
 * that must be unpredictable.
 */
export function seededRandom(seed: number): Random {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
