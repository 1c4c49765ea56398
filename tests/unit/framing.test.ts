import { describe, expect, it } from 'vitest';
import { isFramedByAnotherOrigin, type FrameWindow } from '../../src/lib/security/framing';

/** A window of `origin`; reading a foreign window's location throws, like a browser's does. */
function windowOf(origin: string, parent?: FrameWindow): FrameWindow {
  const win: { parent: FrameWindow; location: { origin: string } } = {
    parent: parent as FrameWindow,
    location: { origin },
  };
  win.parent = parent ?? win;
  return win;
}

function guarded(win: FrameWindow, readerOrigin: string): FrameWindow {
  return {
    get parent() {
      return win.parent;
    },
    get location() {
      if (win.location.origin !== readerOrigin) throw new DOMException('Blocked a frame', 'SecurityError');
      return win.location;
    },
  };
}

const LINEUP = 'https://teacher.github.io';

describe('isFramedByAnotherOrigin', () => {
  it('runs as the top window', () => {
    expect(isFramedByAnotherOrigin(windowOf(LINEUP))).toBe(false);
  });

  it('runs in a frame of its own origin', () => {
    expect(isFramedByAnotherOrigin(windowOf(LINEUP, windowOf(LINEUP)))).toBe(false);
  });

  it('refuses a foreign parent whose location cannot be read', () => {
    const evil = guarded(windowOf('https://evil.example'), LINEUP);
    expect(isFramedByAnotherOrigin(windowOf(LINEUP, evil))).toBe(true);
  });

  it('refuses a parent of another origin even when readable', () => {
    expect(isFramedByAnotherOrigin(windowOf(LINEUP, windowOf('https://other.github.io')))).toBe(true);
  });

  it('refuses a foreign page between two of its own (the top alone is not enough)', () => {
    const top = windowOf(LINEUP);
    const evil = guarded(windowOf('https://evil.example', top), LINEUP);
    expect(isFramedByAnotherOrigin(windowOf(LINEUP, evil))).toBe(true);
  });

  it('refuses when it runs sandboxed with an opaque origin', () => {
    expect(isFramedByAnotherOrigin(windowOf('null', windowOf('null')))).toBe(true);
  });
});
