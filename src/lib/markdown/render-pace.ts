/**
 * How often a streaming pane may re-render its markdown. Each render parses the whole output,
 * so for long answers rendering every frame would cost more than the frame itself (quadratic
 * in the length). Short outputs render every frame; long ones at a pace that keeps each
 * render's cost a small share of the time between renders.
 */
export const INSTANT_RENDER_CHARS = 20_000;
/** Past this, markdown is no longer rendered at all: the text is shown as plain, escaped text. */
export const PLAIN_TEXT_CHARS = 500_000;

export function renderIntervalMs(length: number): number {
  if (length <= INSTANT_RENDER_CHARS) return 0;
  return Math.min(1500, Math.round(length / 200));
}

/**
 * How often a pane's streamed text may be handed to the page (ms): every frame while it is
 * rendered as markdown, as that costs in proportion to the new text only (finished blocks are
 * never touched again, streamed-markdown.ts). Past PLAIN_TEXT_CHARS the whole text is one plain
 * text node, laid out again in full on each update, so updates are spaced out by length.
 */
export function batchIntervalMs(length: number): number {
  return length <= PLAIN_TEXT_CHARS ? 0 : renderIntervalMs(length);
}

/**
 * The growing last block is re-rendered (parsed and sanitised) at most this often (ms); what
 * arrives in between is shown at once as plain text and formatted at the next render. A fast
 * model finishes a block every few frames, so rendering the tail every frame as well nearly
 * doubled the parsing and sanitising per pane.
 */
export const TAIL_MIN_INTERVAL_MS = 40;

/** Longest stretch of markdown rendering before the page gets the main thread back (ms). */
export const SLICE_MS = 12;

/**
 * While the end of a streaming answer is scrolled out of view, its formatting catches up at most
 * this often (ms), several blocks in one sanitiser pass; its text is in the page at once as plain
 * text meanwhile. At 300 tokens/s per pane that is ~15 blocks per pass instead of one per frame:
 * a fresh document per sanitiser call was the largest single cost left on the main thread.
 */
export const OUT_OF_VIEW_RENDER_MS = 200;
