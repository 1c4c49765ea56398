// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { FONT_SAMPLES, warmFontFallback } from '../../src/lib/markdown/font-warmup';

describe('warmFontFallback', () => {
  it('lays out one script sample per idle period, hidden from people and assistive technology, and leaves nothing behind', async () => {
    const root = document.createElement('div');
    document.body.append(root);
    const queue: Array<() => void> = [];
    const seen: Array<{ text: string; ariaHidden: string | null; visibility: string }> = [];
    const observer = new MutationObserver((records) => {
      for (const record of records) {
        for (const node of record.addedNodes) {
          const element = node as HTMLElement;
          seen.push({ text: element.textContent ?? '', ariaHidden: element.getAttribute('aria-hidden'), visibility: element.style.visibility });
        }
      }
    });
    observer.observe(root, { childList: true });

    const finished = warmFontFallback(root, (callback) => queue.push(callback));
    let idlePeriods = 0;
    while (queue.length > 0) {
      const callback = queue.shift()!;
      callback();
      idlePeriods++;
      expect(queue.length).toBeLessThanOrEqual(1); // never more than one sample per idle period
    }
    await finished;
    await Promise.resolve(); // MutationObserver records are delivered as a microtask
    observer.disconnect();

    expect(idlePeriods).toBe(FONT_SAMPLES.length + 1); // the last one finds nothing left and resolves
    expect(seen.map((entry) => entry.text)).toEqual([...FONT_SAMPLES]);
    expect(seen.every((entry) => entry.ariaHidden === 'true' && entry.visibility === 'hidden')).toBe(true);
    expect(root.childElementCount).toBe(0);
  });

  it('covers the scripts small models answer in (CJK included)', () => {
    const all = FONT_SAMPLES.join('');
    for (const script of [/\p{Script=Han}/u, /\p{Script=Hangul}/u, /\p{Script=Hiragana}/u, /\p{Script=Cyrillic}/u, /\p{Script=Arabic}/u]) {
      expect(all).toMatch(script);
    }
  });
});
