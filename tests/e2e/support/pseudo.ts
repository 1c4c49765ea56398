import { expect, type Page } from '@playwright/test';

/**
 * The pseudo-locale check (issue #15): in the scripted-engine build `lineup.locale = "pseudo"`
 * wraps every catalogue string in ⟦ ⟧. Text on screen without the markers bypassed the
 * catalogue. Skipped: subtrees marked translate="no" (model output, the user's own prompts,
 * names and files, product names), and text that is only numbers, symbols and units.
 */

export async function usePseudoLocale(page: Page): Promise<void> {
  await page.addInitScript(() => localStorage.setItem('lineup.locale', 'pseudo'));
}

export interface Untranslated {
  text: string;
  /** Where it is: the nearest element with a data-testid, and the element's tag. */
  where: string;
}

/**
 * Every text node and user-facing attribute that did not come from the catalogue: on the whole
 * page, or only inside the elements matching `within` (one area while others are unfinished).
 */
export async function untranslatedText(page: Page, within?: string): Promise<Untranslated[]> {
  return page.evaluate((within) => {
    const ATTRIBUTES = ['aria-label', 'title', 'placeholder', 'alt', 'aria-description', 'aria-roledescription', 'aria-valuetext'];
    // Numbers, symbols and units read the same in every language.
    const UNIT = String.raw`(?:ms|s|min|h|kB|KB|MB|GB|KiB|MiB|GiB|TB|B|tok\/s|GB\/s|tok|px|x|q4f16|q4f32|f16|f32|k|M)`;
    // Names of technologies and keys, the same in every language.
    const NAME = String.raw`(?:WebGPU|GPU|CPU|shader-f16|web-llm|WebLLM|Hugging Face|IndexedDB|OPFS|Cache API|CSV|JSON|URL|Ctrl|Alt|Shift|Enter|Esc|Escape|Tab|Lineup)`;
    const NEUTRAL = new RegExp(String.raw`^(?:[\s\d.,:;%×\/+\-–—()\[\]{}·≈★✓✗✔✘⚠…~<>=#|'"“”‘’?!*°↑↓→←▲▼▶■□●○⏹⏵↻⇅\u00a0\u2009\u202f]|(?:${UNIT}|${NAME})(?![a-zA-Z]))*$`, 'u');
    const strip = (text: string): string => {
      let previous = '';
      let current = text;
      // Innermost first: a message whose parameter is another message nests markers.
      while (current !== previous) {
        previous = current;
        current = current.replace(/⟦[^⟦⟧]*⟧/g, '');
      }
      return current;
    };
    const skipped = (element: Element | null): boolean =>
      !element || Boolean(element.closest('[translate="no"], script, style, noscript, template, svg, code, pre'));
    const where = (element: Element): string => {
      const marked = element.closest('[data-testid]');
      return `${marked ? marked.getAttribute('data-testid') : 'page'} <${element.tagName.toLowerCase()}>`;
    };
    const found: { text: string; where: string }[] = [];
    const roots = within ? [...document.querySelectorAll(within)] : [document.body];
    for (const root of roots) {
      const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const parent = node.parentElement;
        if (skipped(parent) || !parent) continue;
        const text = node.nodeValue ?? '';
        if (!NEUTRAL.test(strip(text))) found.push({ text: text.trim().slice(0, 120), where: where(parent) });
      }
    }
    for (const element of roots.flatMap((root) => [root, ...root.querySelectorAll('*')])) {
      if (skipped(element)) continue;
      for (const name of ATTRIBUTES) {
        const value = element.getAttribute(name);
        if (value !== null && !NEUTRAL.test(strip(value))) found.push({ text: `[${name}] ${value.slice(0, 120)}`, where: where(element) });
      }
    }
    // The document title is read out and shown in the tab.
    if (!within && !NEUTRAL.test(strip(document.title))) found.push({ text: `[title] ${document.title}`, where: 'document' });
    return found;
  }, within);
}

/** Fails with the list of offenders (and where they are), so a failure says what to wrap. */
export async function expectAllTranslated(page: Page, view: string, within?: string): Promise<void> {
  const offenders = await untranslatedText(page, within);
  expect(offenders, `untranslated text in ${view}`).toEqual([]);
}
