// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { renderBlockNodes } from '../../src/lib/markdown/render-markdown';
import { discardInSlices } from '../../src/lib/markdown/discard-in-slices';
import { CHUNK_BLOCKS, StreamedMarkdown } from '../../src/lib/markdown/streamed-markdown';

afterEach(() => {
  vi.useRealTimers();
  document.body.replaceChildren();
});

function elements(count: number): HTMLElement[] {
  const host = document.body.appendChild(document.createElement('div'));
  return Array.from({ length: count }, () => host.appendChild(document.createElement('p')));
}

describe('discardInSlices', () => {
  it('removes small output at once', () => {
    const nodes = elements(3);
    discardInSlices(nodes);
    expect(nodes.every((node) => !node.isConnected)).toBe(true);
  });

  it('hides what a slice could not remove, and removes it in later slices', () => {
    vi.useFakeTimers();
    const nodes = elements(5);
    let now = 0;
    vi.spyOn(performance, 'now').mockImplementation(() => (now += 4)); // each removal "takes" 4 ms
    discardInSlices(nodes, 6, 6);
    const left = nodes.filter((node) => node.isConnected);
    expect(left.length).toBeGreaterThan(0);
    expect(left.length).toBeLessThan(5);
    expect(left.every((node) => node.classList.contains('md-discarded'))).toBe(true);
    vi.runAllTimers();
    expect(nodes.every((node) => !node.isConnected)).toBe(true);
  });

  it('finishes at once when asked (a new text or the view going away)', () => {
    vi.useFakeTimers();
    const nodes = elements(5);
    let now = 0;
    vi.spyOn(performance, 'now').mockImplementation(() => (now += 10));
    const finish = discardInSlices(nodes, 6, 6);
    expect(nodes.some((node) => node.isConnected)).toBe(true);
    finish();
    expect(nodes.every((node) => !node.isConnected)).toBe(true);
  });
});

describe('StreamedMarkdown starting a new text', () => {
  it('shows none of the previous answer once the new one starts, and keeps the new text', () => {
    vi.useFakeTimers();
    const host = document.body.appendChild(document.createElement('div'));
    const view = new StreamedMarkdown(host, renderBlockNodes);
    const old = Array.from({ length: CHUNK_BLOCKS * 3 }, (_, i) => `old block ${i}`).join('\n\n') + '\n\nend';
    view.update(old);
    vi.runAllTimers();
    expect(host.textContent).toContain('old block 70');
    view.update('');
    view.update('New answer');
    vi.runAllTimers();
    expect(host.textContent).not.toContain('old block');
    expect(host.textContent).toContain('New answer');
  });
});
