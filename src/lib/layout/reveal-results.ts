/**
 * After Run, bring the answers into view: the panes start streaming below the prompt, often
 * under the fold (a phone, a projector at 1280×720). The page scrolls so that the panes fill the
 * screen while the Run/Stop row stays at its top edge, so "Stop all" (which takes focus on Run)
 * is still visible and focusing it does not scroll back. Nothing moves when the panes already
 * start in the upper half of the screen.
 */
export interface RevealGeometry {
  /** Viewport-relative top of the panes and of the Run/Stop row, and the viewport height. */
  panesTop: number;
  actionsTop: number | null;
  viewportHeight: number;
}

/** Gap kept above the row that stays in view (px). */
const MARGIN = 8;

/** How far to scroll down (px, ≥ 0): 0 when the panes are already well in view. */
export function revealDistance({ panesTop, actionsTop, viewportHeight }: RevealGeometry): number {
  if (panesTop >= 0 && panesTop <= viewportHeight / 2) return 0;
  const toPanes = panesTop - MARGIN;
  const toActions = actionsTop === null ? toPanes : actionsTop - MARGIN;
  return Math.max(0, Math.min(toPanes, toActions));
}

/** Smooth, unless the person asked for less motion or the projector view (nothing animates). */
export function scrollBehavior(): ScrollBehavior {
  const reduced = window.matchMedia?.('(prefers-reduced-motion: reduce)').matches ?? false;
  return reduced || document.documentElement.classList.contains('projector') ? 'auto' : 'smooth';
}

/** Scrolls `panes` into view below `actions` (the Run/Stop row), after the next paint. */
export function revealResults(find: () => { panes: Element | null; actions: Element | null }): void {
  requestAnimationFrame(() => {
    const { panes, actions } = find();
    if (!panes) return;
    const distance = revealDistance({
      panesTop: panes.getBoundingClientRect().top,
      actionsTop: actions ? actions.getBoundingClientRect().top : null,
      viewportHeight: window.innerHeight,
    });
    if (distance > 0) window.scrollBy({ top: distance, behavior: scrollBehavior() });
  });
}
