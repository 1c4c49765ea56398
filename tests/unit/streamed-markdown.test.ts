// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { renderBlockNodes } from '../../src/lib/markdown/render-markdown';
import { CHUNK_BLOCKS, StreamedMarkdown } from '../../src/lib/markdown/streamed-markdown';
import { OUT_OF_VIEW_RENDER_MS, TAIL_MIN_INTERVAL_MS } from '../../src/lib/markdown/render-pace';

function setup() {
  const host = document.createElement('div');
  document.body.append(host);
  const view = new StreamedMarkdown(host, renderBlockNodes);
  return { host, view };
}

/** Feed `text` the way a stream does: the whole text so far, growing piece by piece. */
function stream(view: StreamedMarkdown, pieces: string[], before = ''): string {
  let text = before;
  for (const piece of pieces) view.update((text += piece));
  return text;
}

afterEach(() => {
  vi.useRealTimers();
  document.body.replaceChildren();
});

describe('StreamedMarkdown', () => {
  it('shows every word as soon as it arrives, formatted once the tail is rendered again', () => {
    vi.useFakeTimers();
    const { host, view } = setup();
    view.update('Hello **bold**');
    expect(host.querySelector('strong')?.textContent).toBe('bold');
    // Within the tail's pace: the new words are on screen at once, as plain text in the same paragraph.
    view.update('Hello **bold** and `code`');
    expect(host.textContent).toContain('and `code`');
    expect(host.querySelectorAll('p')).toHaveLength(1);
    vi.advanceTimersByTime(TAIL_MIN_INTERVAL_MS + 1);
    expect(host.querySelector('code')?.textContent).toBe('code');
    expect(host.textContent).not.toContain('`');
    view.destroy();
  });

  it('renders a finished block once and never touches it again', () => {
    const { host, view } = setup();
    const start = '# Title\n\nfirst paragraph\n\nsecond';
    view.update(start);
    const heading = host.querySelector('h1');
    expect(heading?.textContent).toBe('Title');
    stream(view, [' grows', '\n\nthird', ' block\n\n', 'fourth'], start);
    expect(host.querySelector('h1')).toBe(heading); // the same element: not re-rendered
    expect(host.textContent).toContain('third block');
    view.destroy();
  });

  it('groups finished blocks into chunks, sealing each full one so the browser can skip it', () => {
    const { host, view } = setup();
    const pieces = Array.from({ length: CHUNK_BLOCKS * 2 + 5 }, (_, i) => `block ${i}\n\n`);
    stream(view, pieces);
    const chunks = host.querySelectorAll('.md-chunk');
    expect(chunks).toHaveLength(3);
    expect(host.querySelectorAll('.md-chunk.sealed')).toHaveLength(2);
    expect(chunks[0]!.querySelectorAll('p')).toHaveLength(CHUNK_BLOCKS);
    expect(host.textContent).toContain(`block ${CHUNK_BLOCKS * 2 + 4}`);
    view.destroy();
  });

  it('starts over when the text is replaced rather than extended', () => {
    const { host, view } = setup();
    view.update('old answer\n\nmore old\n\n');
    view.update('new answer');
    expect(host.textContent).toBe('new answer');
    view.destroy();
  });

  it('sanitises every block: no script, handler or image reaches the page, and the text after them shows', () => {
    const { host, view } = setup();
    stream(view, ['<img src=x onerror=alert(1)>\n\n', '<script>alert(1)</script>\n\n', '[x](javascript:alert(1)) after']);
    expect(host.querySelector('img, script, [onerror]')).toBeNull();
    expect(host.querySelector('a[href^="javascript"]')).toBeNull();
    expect(host.textContent).toContain('after');
    view.destroy();
  });

  it('renders blocks that arrive together in one go, each still on its own where it holds raw HTML', () => {
    const { host, view } = setup();
    view.update('# One\n\n**two**\n\n<b>open\n\nfour\n\n- five\n\nend\n');
    expect(host.querySelector('h1')?.textContent).toBe('One');
    expect(host.querySelector('strong')?.textContent).toBe('two');
    expect([...host.querySelectorAll('b')].some((node) => node.textContent?.includes('four'))).toBe(false);
    expect(host.querySelector('li')?.textContent).toBe('five');
    view.destroy();
  });

  it('while the end is out of view: the text is in the page at once, formatted in batches', () => {
    vi.useFakeTimers();
    let report: (visible: boolean) => void = () => {};
    class FakeObserver {
      constructor(callback: (entries: { isIntersecting: boolean }[]) => void) {
        report = (visible) => callback([{ isIntersecting: visible }]);
      }
      observe(): void {}
      disconnect(): void {}
    }
    vi.stubGlobal('IntersectionObserver', FakeObserver);
    try {
      const { host, view } = setup();
      view.update('**first**\n\nnext\n');
      expect(host.querySelectorAll('strong')).toHaveLength(1);
      report(false);
      const text = stream(view, ['\n**second**\n', '\n**third**\n', '\nend\n'], '**first**\n\nnext\n');
      expect(host.textContent).toContain('**third**'); // on the page, not formatted yet
      expect(host.querySelectorAll('strong')).toHaveLength(1);
      vi.advanceTimersByTime(OUT_OF_VIEW_RENDER_MS);
      expect(host.querySelectorAll('strong')).toHaveLength(3);
      view.update(`${text} more\n\n**fourth**\n\nlast\n`);
      expect(host.querySelectorAll('strong')).toHaveLength(3);
      report(true); // scrolled to the end: formatted at once
      expect(host.querySelectorAll('strong')).toHaveLength(4);
      expect(host.textContent).not.toContain('*');
      view.destroy();
    } finally {
      vi.unstubAllGlobals();
    }
  });

  it('keeps an element a block leaves open from reaching into the next block', () => {
    const { host, view } = setup();
    stream(view, ['<b>unclosed\n\n', 'next block\n\n', 'tail']);
    const bold = [...host.querySelectorAll('b')];
    expect(bold.some((node) => node.textContent?.includes('next block'))).toBe(false);
    expect(host.textContent).toContain('next block');
    view.destroy();
  });
});
