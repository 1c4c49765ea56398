/**
 * Run `callback` when the page has nothing better to do (after the first screen is drawn), or
 * after `timeoutMs` at the latest; where requestIdleCallback is missing (Safari), after `fallbackMs`.
 */
export function whenIdle(callback: () => void, timeoutMs: number, fallbackMs: number): void {
  if (typeof requestIdleCallback === 'function') requestIdleCallback(callback, { timeout: timeoutMs });
  else setTimeout(callback, fallbackMs);
}
