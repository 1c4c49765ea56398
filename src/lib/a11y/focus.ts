import { tick } from 'svelte';

/**
 * Where keyboard focus goes when the element that had it disappears (a removed pane, a Run
 * button swapped for Stop all). Without this the browser drops focus on <body> and a keyboard
 * or screen-reader user starts again from the top of the page.
 */

/** Focus the first of these selectors that matches a visible element, after the DOM updates. */
export async function focusFirst(selectors: readonly (string | (() => HTMLElement | null))[]): Promise<void> {
  await tick();
  for (const selector of selectors) {
    const element = typeof selector === 'string' ? document.querySelector<HTMLElement>(selector) : selector();
    if (element && element.isConnected && !element.hasAttribute('disabled')) {
      element.focus();
      return;
    }
  }
}

/**
 * The remove button of the pane after this one (or, for the last pane, the one before): where
 * focus goes when this pane is removed. Read before the removal, while the pane is in the DOM.
 */
export function neighbourRemoveButton(pane: HTMLElement | null, buttonSelector: string): HTMLElement | null {
  if (!pane?.parentElement) return null;
  const siblings = [...pane.parentElement.children].filter((element) => element !== pane && element.querySelector(buttonSelector));
  const index = [...pane.parentElement.children].indexOf(pane);
  const after = siblings.find((element) => [...pane.parentElement!.children].indexOf(element) > index);
  return (after ?? siblings.at(-1))?.querySelector<HTMLElement>(buttonSelector) ?? null;
}
