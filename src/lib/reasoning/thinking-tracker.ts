import { splitThinking, type SplitOptions, type ThinkingSplit } from './think-splitter';

/** What a pane shows about its model's reasoning while it streams and after. */
export interface ThinkingView {
  split: ThinkingSplit;
  /** Pieces (about one per token) streamed while thinking: a live count, refined by the engine at the end. */
  tokens: number;
  /** First thinking text on screen → first answer text on screen, or → now while still thinking. */
  elapsedMs: number | null;
  /** Generate request sent → first answer text on screen. */
  answerOnScreenMs: number | null;
}

export const NO_THINKING: ThinkingView = {
  split: { thinking: '', answer: '', thinkingOpen: false },
  tokens: 0,
  elapsedMs: null,
  answerOnScreenMs: null,
};

/**
 * Follows one generation frame by frame: the pane hands it everything received so far, and it
 * says what is thinking and what is answer, and when each first reached the screen. Timing is
 * the page's own clock, at paint time, like "first token on screen".
 */
export class ThinkingTracker {
  readonly #mode: SplitOptions['mode'];
  readonly #startedAt: number;
  #firstTextAt: number | null = null;
  #thinkingSince: number | null = null;
  #answerAt: number | null = null;
  #pieces = 0;
  #piecesAtAnswer = 0;

  constructor(mode: SplitOptions['mode'], startedAt: number) {
    this.#mode = mode;
    this.#startedAt = startedAt;
  }

  /** The view after a frame's text arrived (`pieces` of it, per the worker) at `now`. */
  update(text: string, pieces: number, now: number, done = false): ThinkingView {
    this.#pieces += pieces;
    if (this.#firstTextAt === null && text !== '') this.#firstTextAt = now;
    const split = splitThinking(text, { mode: this.#mode, done });
    const thinks = split.thinkingOpen || split.thinking !== '';
    if (thinks && this.#thinkingSince === null) {
      // Implicitly opened reasoning is only recognised at its `</think>`: it began with the
      // first text, and what looked like an answer until then was not one.
      this.#thinkingSince = this.#firstTextAt ?? now;
      this.#answerAt = null;
    }
    if (split.answer !== '' && this.#answerAt === null) {
      this.#answerAt = now;
      // The frame that holds the end of the thinking and the start of the answer counts as thinking.
      this.#piecesAtAnswer = this.#pieces;
    }
    if (!thinks) return { ...NO_THINKING, split, answerOnScreenMs: this.#answerOnScreen() };
    return {
      split,
      tokens: this.#answerAt === null ? this.#pieces : this.#piecesAtAnswer,
      elapsedMs: (this.#answerAt ?? now) - this.#thinkingSince!,
      answerOnScreenMs: this.#answerOnScreen(),
    };
  }

  #answerOnScreen(): number | null {
    return this.#answerAt === null ? null : this.#answerAt - this.#startedAt;
  }
}

/** The view of a saved pane (history): folded, with the figures measured when it ran. */
export function savedThinkingView(pane: {
  thinking: string;
  output: string;
  metrics: { thinkingTokens: number | null; thinkingMs: number | null; answerOnScreenMs: number | null };
}): ThinkingView {
  return {
    // An answerless run that stopped mid-thought still shows folded: it is not live any more.
    split: { thinking: pane.thinking, answer: pane.output, thinkingOpen: false },
    tokens: pane.metrics.thinkingTokens ?? 0,
    elapsedMs: pane.metrics.thinkingMs,
    answerOnScreenMs: pane.metrics.answerOnScreenMs,
  };
}
