/**
 * Refusing to run inside another site's page. `frame-ancestors` (the header way to forbid
 * framing) is ignored in a <meta> policy, and GitHub Pages sends no headers, so the page checks
 * for itself: a foreign page could otherwise overlay or restyle Lineup around the user's prompts
 * (clickjacking). Frames of Lineup's own origin may run.
 */

/** The part of a window the check reads. A cross-origin `location.origin` read throws. */
export interface FrameWindow {
  readonly parent: FrameWindow;
  readonly location: { readonly origin: string };
}

/** Frames nest; past this many levels something is wrong and the page refuses too. */
const MAX_DEPTH = 64;

/**
 * True when any window above this one (parent, its parent, … up to the top) belongs to another
 * origin, or cannot be read (which is what a foreign or sandboxed parent looks like).
 */
export function isFramedByAnotherOrigin(win: FrameWindow): boolean {
  let origin: string;
  try {
    origin = win.location.origin;
  } catch {
    return true;
  }
  let current = win;
  for (let depth = 0; current.parent !== current; depth++) {
    if (depth >= MAX_DEPTH) return true;
    const parent = current.parent;
    try {
      if (parent.location.origin !== origin || origin === 'null') return true;
    } catch {
      return true;
    }
    current = parent;
  }
  return false;
}
