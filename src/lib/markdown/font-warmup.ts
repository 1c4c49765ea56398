/**
 * Small models answer in any script: Chinese and Korean tokens turn up even in English answers,
 * and one built-in prompt set is about Chinese↔English translation. The first time a page lays
 * out a glyph its own fonts lack, the browser looks for a fallback font and loads it (on Linux
 * the CJK fallback is a ~20 MB collection); that work has no script in it and, measured by
 * `npm run bench`, it made the frame that showed a model's first token the one long task (53 ms)
 * of a whole run.
 *
 * So, once the page is idle, each script's sample is laid out in a hidden element, one script
 * per idle callback so that no single callback grows long, and removed again: the fallback fonts
 * are resolved before any answer streams. Nothing is downloaded; these are the device's fonts.
 */

import { whenIdle } from '../lazy/when-idle';
export const FONT_SAMPLES: readonly string[] = [
  'Ünïcødé ŁŚŻ ăşţ', // Latin extended (Polish, Romanian…)
  '中文 简体 繁體 漢字', // Chinese
  'ひらがな カタカナ', // Japanese kana
  '한국어 현대', // Korean Hangul
  'Русский Ελληνικά', // Cyrillic, Greek
  'العربية עברית', // Arabic, Hebrew (right-to-left shaping)
  'हिन्दी ไทย', // Devanagari, Thai
  '✓ → ≥ ∑ 🙂', // symbols, arrows, maths, emoji
];

export interface IdleScheduler {
  (callback: () => void): void;
}

function browserIdle(callback: () => void): void {
  whenIdle(callback, 5000, 200);
}

/**
 * Lay out every sample, one per idle period; resolves when all are done. The element is
 * invisible, outside the layout of the page and hidden from assistive technology, and is
 * removed after it has been laid out, so nothing of it stays in the document.
 */
export function warmFontFallback(root: HTMLElement = document.body, idle: IdleScheduler = browserIdle): Promise<void> {
  return new Promise((done) => {
    let index = 0;
    const next = (): void => {
      const sample = FONT_SAMPLES[index++];
      if (sample === undefined) return done();
      const probe = document.createElement('span');
      probe.textContent = sample;
      probe.setAttribute('aria-hidden', 'true');
      // visibility:hidden still shapes the text (display:none would not, and nothing would load).
      probe.style.cssText = 'position:absolute;left:-10000px;top:0;visibility:hidden;pointer-events:none;white-space:nowrap';
      root.append(probe);
      void probe.getBoundingClientRect().width; // layout now, inside this idle period
      probe.remove();
      idle(next);
    };
    idle(next);
  });
}
