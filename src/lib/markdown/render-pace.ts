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

/** Longest stretch of markdown rendering before the page gets the main thread back (ms). */
export const SLICE_MS = 12;
