// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { revealDistance } from '../../src/lib/layout/reveal-results';

describe('Run brings the panes into view', () => {
  it('leaves the page alone when the panes already start in the upper half of the screen', () => {
    expect(revealDistance({ panesTop: 300, actionsTop: 250, viewportHeight: 900 })).toBe(0);
    expect(revealDistance({ panesTop: 450, actionsTop: 400, viewportHeight: 900 })).toBe(0);
  });

  it('scrolls panes below the fold up, keeping the Run/Stop row at the top edge', () => {
    // A phone: Run at y 780, panes at y 900 of 844 → the Run row goes to y 8, panes to y 128.
    expect(revealDistance({ panesTop: 900, actionsTop: 780, viewportHeight: 844 })).toBe(772);
    // Laptop with the panes in the lower half: same rule.
    expect(revealDistance({ panesTop: 650, actionsTop: 560, viewportHeight: 900 })).toBe(552);
  });

  it('without a Run row (scrolled past it) the panes go to the top', () => {
    expect(revealDistance({ panesTop: 1200, actionsTop: null, viewportHeight: 900 })).toBe(1192);
  });

  it('never scrolls up, even if the panes start above the screen', () => {
    expect(revealDistance({ panesTop: -300, actionsTop: -400, viewportHeight: 900 })).toBe(0);
  });
});
