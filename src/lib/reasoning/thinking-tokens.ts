import { locateThinking, type SplitOptions } from './think-splitter';

/**
 * Counts the tokens a reasoning model spent thinking. web-llm reports only the total it
 * generated; it streams one piece per decoded token, so the pieces that arrived before the
 * answer began are the thinking tokens (the piece holding `</think>` counts as thinking).
 */
export class ThinkingTokenCounter {
  /** End offset in the text of each piece, in arrival order (ascending). */
  readonly #ends: number[] = [];
  #length = 0;

  push(piece: string): void {
    if (!piece) return;
    this.#length += piece.length;
    this.#ends.push(this.#length);
  }

  get pieces(): number {
    return this.#ends.length;
  }

  /** Thinking pieces of the finished text (`text` is every piece pushed, joined). */
  thinkingPieces(text: string, mode: SplitOptions['mode']): number {
    const found = locateThinking(text, { done: true, mode });
    if (found === null || found === 'undecided') return 0;
    if (found.answerFrom === null) return this.#ends.length;
    // Pieces starting before the answer: the first one, and every one after an end < answerFrom.
    return Math.min(this.#ends.length, 1 + this.#countEndsBelow(found.answerFrom));
  }

  #countEndsBelow(offset: number): number {
    let low = 0;
    let high = this.#ends.length;
    while (low < high) {
      const middle = (low + high) >> 1;
      if (this.#ends[middle]! < offset) low = middle + 1;
      else high = middle;
    }
    return low;
  }
}
