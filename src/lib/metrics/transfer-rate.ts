/** After this long without a byte, a download is called stuck (its speed and time left are no longer shown). */
export const STALL_AFTER_MS = 10_000;

export function isStalled(idleMs: number | undefined): boolean {
  return (idleMs ?? 0) >= STALL_AFTER_MS;
}

/**
 * Download speed and time left, from (time, bytes) samples. Uses a sliding window so the figure
 * follows the current speed rather than the average since the start (which lies after a stall).
 */
export class TransferRate {
  readonly #windowMs: number;
  #samples: Array<{ at: number; bytes: number }> = [];

  constructor(windowMs = 5000) {
    this.#windowMs = windowMs;
  }

  add(bytes: number, at: number): void {
    const last = this.#samples.at(-1);
    if (last && bytes < last.bytes) this.#samples = []; // a new transfer started
    this.#samples.push({ at, bytes });
    while (this.#samples.length > 2 && at - this.#samples[0]!.at > this.#windowMs) this.#samples.shift();
  }

  /** Bytes per second over the window, or null before there are two samples a moment apart. */
  bytesPerSecond(): number | null {
    const first = this.#samples[0];
    const last = this.#samples.at(-1);
    if (!first || !last || last.at - first.at < 200) return null;
    return ((last.bytes - first.bytes) * 1000) / (last.at - first.at);
  }

  /** Seconds until `totalBytes`, or null when speed or total are unknown. */
  etaSeconds(totalBytes: number | null): number | null {
    const rate = this.bytesPerSecond();
    const last = this.#samples.at(-1);
    if (totalBytes === null || rate === null || rate <= 0 || !last) return null;
    return Math.max(0, (totalBytes - last.bytes) / rate);
  }

  reset(): void {
    this.#samples = [];
  }
}
