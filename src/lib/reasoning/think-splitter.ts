/**
 * Splits a reasoning model's output into its thinking (`<think>…</think>`) and its answer.
 *
 * Pure and streaming-safe: it is called on the whole text received so far, after every chunk,
 * so it never shows a tag fragment (`<thi`, `</th`) while the rest of a tag may still arrive,
 * and what it shows of the thinking and of the answer only grows as text arrives (except in
 * the one case that cannot be known early: a template that opened thinking implicitly, whose
 * output only says so when `</think>` arrives; see `mode`).
 *
 * The shapes it understands:
 * - explicit: `<think>` at the very start (after whitespace), closed by the first `</think>`;
 * - implicit: the chat template already put `<think>` in the prompt, so the output holds only
 *   `</think>` (DeepSeek-R1-Distill, some Qwen3 templates);
 * - unclosed: `<think>` with no `</think>` yet, or ever (stopped, or out of tokens).
 * A `<think>` later in the text, or a `</think>` inside a code fence or inline code, is the
 * subject of the answer (a model explaining tags), not a reasoning section, and is left alone.
 */

export const THINK_OPEN = '<think>';
export const THINK_CLOSE = '</think>';

export interface ThinkingSplit {
  /** The reasoning, whitespace-trimmed; empty when there is none. */
  thinking: string;
  /** Everything after the reasoning (or the whole text when there is none), leading whitespace trimmed. */
  answer: string;
  /** True while thinking has started and not ended: the answer has not begun. */
  thinkingOpen: boolean;
}

export interface SplitOptions {
  /**
   * True once the output is complete: a trailing fragment that could have become a tag is then
   * shown as the text it is. While streaming (false, the default) it is held back.
   */
  done?: boolean;
  /**
   * `auto` (default): explicit `<think>` at the start, or implicit when a `</think>` arrives.
   * `implicit`: the template is known to open thinking, so the text is thinking from the start.
   * `off`: the model is known not to reason; the text is all answer, tags included.
   */
  mode?: 'auto' | 'implicit' | 'off';
}

export function splitThinking(text: string, options: SplitOptions = {}): ThinkingSplit {
  const found = locateThinking(text, options);
  if (found === null) {
    // A trailing `</thi` may still complete a tag that ends implicitly opened reasoning.
    const shown = options.done || options.mode === 'off' ? text : text.slice(0, withoutPartialTag(text, 0));
    return { thinking: '', answer: shown.trimStart(), thinkingOpen: false };
  }
  if (found === 'undecided') return { thinking: '', answer: '', thinkingOpen: options.mode === 'implicit' };
  const thinking = text.slice(found.thinkingFrom, found.thinkingTo).trim();
  if (found.answerFrom === null) return { thinking, answer: '', thinkingOpen: true };
  return { thinking, answer: text.slice(found.answerFrom).trimStart(), thinkingOpen: false };
}

/** Where the parts lie in the text; `answerFrom` is null while thinking is open. */
export interface ThinkingRegions {
  thinkingFrom: number;
  thinkingTo: number;
  answerFrom: number | null;
}

/**
 * The offsets behind splitThinking: null when the text has no reasoning section (all answer,
 * up to a held-back tag fragment), 'undecided' while the text so far is only the start of a
 * `<think>`. The engine worker uses `answerFrom` to count the tokens streamed before the answer.
 */
export function locateThinking(text: string, options: SplitOptions = {}): ThinkingRegions | 'undecided' | null {
  const { done = false, mode = 'auto' } = options;
  if (mode === 'off') return null;

  const start = text.length - text.trimStart().length;
  const rest = text.slice(start);
  if (rest.startsWith(THINK_OPEN)) return fromThinking(text, start + THINK_OPEN.length, done);
  // `<thi` at the start may still become `<think>`: show nothing of it yet.
  if (!done && rest.length > 0 && THINK_OPEN.startsWith(rest)) return 'undecided';

  if (mode === 'implicit') return fromThinking(text, 0, done);

  const close = closingOutsideCode(text);
  if (close >= 0) return { thinkingFrom: 0, thinkingTo: close, answerFrom: close + THINK_CLOSE.length };
  return null;
}

/** The thinking runs from `from` to the first `</think>`, or to the end while it is open. */
function fromThinking(text: string, from: number, done: boolean): ThinkingRegions {
  const close = text.indexOf(THINK_CLOSE, from);
  if (close >= 0) return { thinkingFrom: from, thinkingTo: close, answerFrom: close + THINK_CLOSE.length };
  return { thinkingFrom: from, thinkingTo: done ? text.length : withoutPartialTag(text, from), answerFrom: null };
}

/** Where the text ends less a trailing proper prefix of `</think>` (`<`, `</th`) at or after `from`. */
function withoutPartialTag(text: string, from: number): number {
  const lastAngle = text.lastIndexOf('<');
  if (lastAngle < from || text.length - lastAngle >= THINK_CLOSE.length) return text.length;
  return THINK_CLOSE.startsWith(text.slice(lastAngle)) ? lastAngle : text.length;
}

/**
 * Index of the first `</think>` that ends an implicitly opened reasoning section, or -1.
 * Not one that sits in a code fence or inline code, nor one after a `<think>` in mid-text:
 * those are an answer talking about tags.
 */
function closingOutsideCode(text: string): number {
  let close = text.indexOf(THINK_CLOSE);
  while (close >= 0) {
    const before = text.slice(0, close);
    if (before.includes(THINK_OPEN)) return -1;
    if (!insideCode(before)) return close;
    close = text.indexOf(THINK_CLOSE, close + THINK_CLOSE.length);
  }
  return -1;
}

/** Whether the end of `before` is inside a fenced code block or an inline code span. */
function insideCode(before: string): boolean {
  let inFence = false;
  for (const line of before.split('\n').slice(0, -1)) {
    if (/^ {0,3}(```|~~~)/.test(line)) inFence = !inFence;
  }
  if (inFence) return true;
  const lastLine = before.slice(before.lastIndexOf('\n') + 1);
  if (/^ {0,3}(```|~~~)/.test(lastLine)) return true;
  return (lastLine.match(/`/g)?.length ?? 0) % 2 === 1;
}
