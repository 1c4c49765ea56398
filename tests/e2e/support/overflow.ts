import type { Page } from '@playwright/test';

/**
 * Everything wider than the screen: the page itself (scrollWidth > clientWidth) and every element
 * reaching past either edge, unless an ancestor clips it (a table or tab row that scrolls inside
 * its own box; that ancestor is checked itself). Hidden and 1-pixel (screen-reader only)
 * elements are left out.
 */
export async function overflowing(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const width = document.documentElement.clientWidth;
    const found: string[] = [];
    if (document.documentElement.scrollWidth > width) found.push(`the page scrolls sideways: ${document.documentElement.scrollWidth} > ${width}`);
    const clippedByAncestor = (node: Element) => {
      for (let parent = node.parentElement; parent && parent !== document.body; parent = parent.parentElement) {
        if (getComputedStyle(parent).overflowX !== 'visible') return true;
      }
      return false;
    };
    for (const node of document.querySelectorAll('body *')) {
      const rect = node.getBoundingClientRect();
      if (rect.width <= 1 || rect.height <= 1) continue;
      if (rect.right <= width + 0.5 && rect.left >= -0.5) continue;
      if (clippedByAncestor(node)) continue;
      const id = (node as HTMLElement).dataset?.testid;
      found.push(`${node.tagName.toLowerCase()}${id ? `[${id}]` : ''}.${String(node.className).split(' ')[0]} spans ${Math.round(rect.left)}–${Math.round(rect.right)} of ${width}: ${(node.textContent ?? '').trim().slice(0, 60)}`);
    }
    return found.slice(0, 10);
  });
}
