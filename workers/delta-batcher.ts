/**
 * Coalesces streamed text in the worker before it crosses to the page. Every message costs the
 * page's main thread a task; a fast GPU (or a misbehaving engine) can emit thousands of tokens a
 * second. The first piece goes out at once (time to first token must not suffer); after that at
 * most one message per `intervalMs`.
 */
export class DeltaBatcher {
  readonly #send: (text: string, pieces: number) => void;
  readonly #intervalMs: number;
  #pending = '';
  /** Pieces pushed since the last send: the page counts tokens live from it. */
  #pieces = 0;
  #timer: ReturnType<typeof setTimeout> | undefined;
  #lastSent = -Infinity;

  constructor(send: (text: string, pieces: number) => void, intervalMs = 16) {
    this.#send = send;
    this.#intervalMs = intervalMs;
  }

  push(text: string): void {
    this.#pending += text;
    this.#pieces++;
    if (this.#timer !== undefined) return;
    const wait = this.#lastSent + this.#intervalMs - performance.now();
    if (wait <= 0) this.flush();
    else this.#timer = setTimeout(() => this.flush(), wait);
  }

  flush(): void {
    clearTimeout(this.#timer);
    this.#timer = undefined;
    if (!this.#pending) return;
    const text = this.#pending;
    const pieces = this.#pieces;
    this.#pending = '';
    this.#pieces = 0;
    this.#lastSent = performance.now();
    this.#send(text, pieces);
  }
}
