// @vitest-environment node
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { DeltaBatcher } from '../../workers/delta-batcher';

describe('DeltaBatcher (worker → page streaming)', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('sends the first token at once, then coalesces a burst into one message per interval', () => {
    const sent: string[] = [];
    const batcher = new DeltaBatcher((text) => sent.push(text), 16);
    batcher.push('Hello');
    expect(sent).toEqual(['Hello']); // time to first token is not delayed
    for (const token of [' wor', 'ld', '!']) batcher.push(token);
    expect(sent).toHaveLength(1);
    vi.advanceTimersByTime(16);
    expect(sent).toEqual(['Hello', ' world!']);
  });

  it('flush delivers whatever is pending, and nothing when empty', () => {
    const sent: string[] = [];
    const batcher = new DeltaBatcher((text) => sent.push(text), 16);
    batcher.push('a');
    batcher.push('b');
    batcher.flush();
    batcher.flush();
    expect(sent).toEqual(['a', 'b']);
    vi.advanceTimersByTime(100);
    expect(sent).toEqual(['a', 'b']); // the cancelled timer sends nothing twice
  });

  it('1,000 tokens in one burst cross as two messages with the full text', () => {
    const sent: string[] = [];
    const batcher = new DeltaBatcher((text) => sent.push(text), 16);
    for (let i = 0; i < 1000; i++) batcher.push(`${i} `);
    vi.advanceTimersByTime(16);
    expect(sent).toHaveLength(2);
    expect(sent.join('')).toBe(Array.from({ length: 1000 }, (_, i) => `${i} `).join(''));
  });
});
