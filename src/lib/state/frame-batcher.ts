import { batchIntervalMs } from '../markdown/render-pace';

/**
 * Collects streamed text and hands it over at most once per animation frame. A fast GPU decodes
 * 100+ tokens/s per pane; touching the DOM (and re-rendering markdown) per token would make the
 * main thread the bottleneck, so updates are batched to the display's refresh rate. Once an
 * answer is too long to format, each update lays out all of its text again, so updates are
 * spaced out further (batchIntervalMs) to keep the page answering clicks.
 */
export class FrameBatcher {
  readonly #apply: (text: string) => void;
  readonly #schedule: (callback: () => void) => unknown;
  #pending = '';
  #scheduled = false;
  #applied = 0;
  #lastApply = -Infinity;

  constructor(apply: (text: string) => void, schedule: (callback: () => void) => unknown = defaultSchedule) {
    this.#apply = apply;
    this.#schedule = schedule;
  }

  push(text: string): void {
    this.#pending += text;
    if (this.#scheduled) return;
    this.#scheduled = true;
    const wait = this.#lastApply + batchIntervalMs(this.#applied) - performance.now();
    if (wait > 16) setTimeout(() => this.#schedule(() => this.flush()), wait);
    else this.#schedule(() => this.flush());
  }

  /** Apply whatever is pending now (also called when the stream ends). */
  flush(): void {
    this.#scheduled = false;
    if (!this.#pending) return;
    const text = this.#pending;
    this.#pending = '';
    this.#applied += text.length;
    this.#lastApply = performance.now();
    this.#apply(text);
  }
}

function defaultSchedule(callback: () => void): unknown {
  // rAF does not fire in background tabs; the stream's end flushes anyway, and a timeout keeps
  // a hidden tab's panes from growing an unbounded buffer.
  // (Handing text over every other frame instead was measured: busy share barely moved, 50-54 %,
  // while the lag's p95 rose from ~33 ms to ~48 ms, next to its 50 ms budget. Not worth it.)
  if (typeof requestAnimationFrame === 'function' && document.visibilityState !== 'hidden') {
    return requestAnimationFrame(callback);
  }
  return setTimeout(callback, 250);
}
