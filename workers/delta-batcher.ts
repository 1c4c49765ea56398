/**
 * Coalesces streamed text in the worker before it crosses to the page. Every message costs the
 * page's main thread a task; a fast GPU (or a misbehaving engine) can emit thousands of tokens a
 * second. The first piece goes out at once (time to first token must not suffer); after that at
 * most one message per `intervalMs`.
 */
export class DeltaBatcher {
  readonly #send: (text: string) => void;
  readonly #intervalMs: number;
  #pending = '';
  #timer: ReturnType<typeof setTimeout> | undefined;
  #lastSent = -Infinity;

  constructor(send: (text: string) => void, intervalMs = 16) {
    this.#send = send;
    this.#intervalMs = intervalMs;
  }

  push(text: string): void {
    this.#pending += text;
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
    this.#pending = '';
    this.#lastSent = performance.now();
    this.#send(text);
  }
}
