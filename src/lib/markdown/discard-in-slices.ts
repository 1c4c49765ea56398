/**
 * Removing an element costs in proportion to everything inside it (the browser tears down each
 * node's layout box and tells each node it left the page). A long answer is tens of thousands of
 * nodes, and Run clears four panes at once: removed in one go that was a ~100 ms freeze, measured
 * (scripts/bench/trace-high-rate.mjs). So old output is removed a slice at a time, and whatever
 * is left after the first slice is hidden at once (`.md-discarded`: no paint, no size, no
 * accessibility-tree presence) until its turn comes, so the pane looks cleared straight away.
 */
export const DISCARD_SLICE_MS = 6;
/**
 * The first slice runs in the task that cleared the pane (Run's click), which also resets every
 * pane and starts the run: it removes only what fits in this, and the rest waits.
 */
export const FIRST_SLICE_MS = 1;

/** Remove `elements` from the page within `sliceMs` per task; returns a function that finishes at once. */
export function discardInSlices(elements: readonly Element[], sliceMs = DISCARD_SLICE_MS, firstSliceMs = FIRST_SLICE_MS): () => void {
  let next = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const slice = (budget: number): void => {
    timer = undefined;
    const started = performance.now();
    // At least one element per slice, so the work always finishes.
    do elements[next++]!.remove();
    while (next < elements.length && performance.now() - started < budget);
    if (next < elements.length) timer = setTimeout(() => slice(sliceMs), 0);
  };
  if (elements.length === 0) return () => {};
  slice(firstSliceMs);
  for (let i = next; i < elements.length; i++) elements[i]!.classList.add('md-discarded');
  return () => {
    clearTimeout(timer);
    timer = undefined;
    while (next < elements.length) elements[next++]!.remove();
  };
}
