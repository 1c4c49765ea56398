/**
 * Effective memory bandwidth: how many bytes per second a model's decode actually pulled from GPU
 * memory. It makes figures comparable across models of different sizes (a 0.5B model decoding at
 * 80 tok/s and an 8B one at 6 tok/s may use the GPU equally well) and against the GPU's
 * advertised bandwidth.
 *
 * Why tok/s × weight bytes: decoding one token multiplies one activation vector by every weight
 * matrix, so every weight is read from memory once per token while the arithmetic per byte is
 * tiny; decode speed is bounded by memory bandwidth, not compute. We ignore the KV-cache reads
 * (which grow with the context) and activations, so the figure is a lower bound of the real
 * traffic. It is an approximation in the other direction for models that do not read all their
 * weights per token (mixture-of-experts; untied embedding tables, of which one row is read).
 */

/** What the estimate needs from a model; a catalog ModelMeta fits as is. */
export interface WeightSizeSource {
  /** Total parameters in billions, or null when unknown. */
  paramsB: number | null;
  quantization: { bitsPerWeight: number } | null;
}

/**
 * Bytes of weights read per decoded token. Prefers the exact size of the weight shards (summed
 * from the model's tensor-cache.json, when the caller has fetched it); otherwise estimates
 * params × 1e9 × bitsPerWeight / 8 (bitsPerWeight counts the group scales, e.g. 5 for q4f32_1).
 * null when neither is known, or the inputs are not positive numbers.
 */
export function weightBytesPerToken(source: WeightSizeSource, exactWeightBytes: number | null = null): number | null {
  if (isPositive(exactWeightBytes)) return exactWeightBytes;
  const bits = source.quantization?.bitsPerWeight ?? null;
  if (!isPositive(source.paramsB) || !isPositive(bits)) return null;
  return (source.paramsB * 1e9 * bits) / 8;
}

/** GB/s in decimal units (1 GB = 1e9 bytes), as GPU vendors state bandwidth. null when unknown. */
export function effectiveBandwidthGBps(decodeTokensPerSecond: number | null, bytesPerToken: number | null): number | null {
  if (!isPositive(decodeTokensPerSecond) || !isPositive(bytesPerToken)) return null;
  return (decodeTokensPerSecond * bytesPerToken) / 1e9;
}

function isPositive(value: number | null | undefined): value is number {
  return typeof value === 'number' && Number.isFinite(value) && value > 0;
}
