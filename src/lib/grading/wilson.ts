/**
 * The Wilson score interval for a proportion: with 7 right out of 10 the true rate could be
 * anywhere from about 40 % to 89 %. Unlike "p ± 1.96·√(p(1−p)/n)" it stays inside 0..1 and is
 * honest at 0/n and n/n, which small classroom sets hit all the time.
 */
export interface Interval {
  low: number;
  high: number;
}

/** 95 % by default (z = 1.96). n = 0 gives the whole range: nothing is known. */
export function wilsonInterval(successes: number, n: number, z = 1.959963984540054): Interval {
  if (n <= 0) return { low: 0, high: 1 };
  const p = successes / n;
  const z2 = z * z;
  const centre = p + z2 / (2 * n);
  const spread = z * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n));
  const denominator = 1 + z2 / n;
  return { low: Math.max(0, (centre - spread) / denominator), high: Math.min(1, (centre + spread) / denominator) };
}
