/**
 * chrF (Popović 2015): a character n-gram F-score between a translation and a reference, the
 * usual automatic score for translation that works for Chinese (no word segmentation needed).
 *
 * As in sacreBLEU's default: character n-grams of orders 1..6, white space removed, β = 2 (recall
 * weighs twice as much as precision), the F-score of each order averaged over the orders both
 * texts are long enough to have. With several references the best one counts. Result 0..1.
 */
const MAX_ORDER = 6;
const BETA = 2;

function ngrams(chars: readonly string[], order: number): Map<string, number> {
  const counts = new Map<string, number>();
  for (let start = 0; start + order <= chars.length; start++) {
    const gram = chars.slice(start, start + order).join('');
    counts.set(gram, (counts.get(gram) ?? 0) + 1);
  }
  return counts;
}

/** Code points, not UTF-16 units, so a character outside the BMP counts once. */
function characters(text: string): string[] {
  return [...text.normalize('NFKC').replace(/\s+/gu, '')];
}

export function chrf(hypothesis: string, reference: string): number {
  const hyp = characters(hypothesis);
  const ref = characters(reference);
  let sum = 0;
  let orders = 0;
  const factor = BETA * BETA;
  for (let order = 1; order <= MAX_ORDER; order++) {
    const hypGrams = ngrams(hyp, order);
    const refGrams = ngrams(ref, order);
    const hypTotal = Math.max(0, hyp.length - order + 1);
    const refTotal = Math.max(0, ref.length - order + 1);
    if (hypTotal === 0 || refTotal === 0) continue;
    let matches = 0;
    for (const [gram, count] of hypGrams) matches += Math.min(count, refGrams.get(gram) ?? 0);
    const precision = matches / hypTotal;
    const recall = matches / refTotal;
    orders += 1;
    if (precision + recall > 0) sum += ((1 + factor) * precision * recall) / (factor * precision + recall);
  }
  return orders === 0 ? 0 : sum / orders;
}

/** The best chrF against any of the references (0 when there are none). */
export function bestChrf(hypothesis: string, references: readonly string[]): number {
  return references.reduce((best, reference) => Math.max(best, chrf(hypothesis, reference)), 0);
}
