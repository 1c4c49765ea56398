// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { FrameBatcher } from '../../src/lib/state/frame-batcher';

/** A stand-in for requestAnimationFrame: callbacks run only when the test says a frame passed. */
class ManualFrames {
  queue: Array<() => void> = [];
  readonly schedule = (callback: () => void): number => {
    this.queue.push(callback);
    return this.queue.length;
  };
  frame(): void {
    const due = this.queue;
    this.queue = [];
    for (const callback of due) callback();
  }
}

function setup() {
  const frames = new ManualFrames();
  const applied: string[] = [];
  const batcher = new FrameBatcher((text) => applied.push(text), frames.schedule);
  return { frames, applied, batcher };
}

describe('FrameBatcher', () => {
  it('applies many pushes once per frame, with the text concatenated in order', () => {
    const { frames, applied, batcher } = setup();
    for (const token of ['The', ' sky', ' is', ' blue', '.']) batcher.push(token);
    expect(applied).toEqual([]);
    expect(frames.queue).toHaveLength(1); // one frame requested, not one per token
    frames.frame();
    expect(applied).toEqual(['The sky is blue.']);
  });

  it('starts a new batch after each frame', () => {
    const { frames, applied, batcher } = setup();
    batcher.push('a');
    batcher.push('b');
    frames.frame();
    batcher.push('c');
    batcher.push('d');
    expect(frames.queue).toHaveLength(1);
    frames.frame();
    expect(applied).toEqual(['ab', 'cd']);
  });

  it('flush applies what is pending immediately, and the frame after it applies nothing more', () => {
    const { frames, applied, batcher } = setup();
    batcher.push('end of ');
    batcher.push('stream');
    batcher.flush();
    expect(applied).toEqual(['end of stream']);
    frames.frame();
    expect(applied).toEqual(['end of stream']);
  });

  it('schedules again after a flush', () => {
    const { frames, applied, batcher } = setup();
    batcher.push('x');
    batcher.flush();
    frames.frame(); // the frame scheduled before the flush
    batcher.push('y');
    expect(frames.queue).toHaveLength(1);
    frames.frame();
    expect(applied).toEqual(['x', 'y']);
  });

  it('applies nothing when there is nothing pending', () => {
    const { frames, applied, batcher } = setup();
    batcher.flush();
    frames.frame();
    expect(applied).toEqual([]);
    expect(frames.queue).toHaveLength(0);
  });

  it('does not apply an empty push', () => {
    const { frames, applied, batcher } = setup();
    batcher.push('');
    frames.frame();
    batcher.flush();
    expect(applied).toEqual([]);
  });

  it('keeps every character of a long stream across frames', () => {
    const { frames, applied, batcher } = setup();
    let expected = '';
    for (let i = 0; i < 1000; i++) {
      const token = `t${i} `;
      expected += token;
      batcher.push(token);
      if (i % 37 === 0) frames.frame();
    }
    batcher.flush();
    expect(applied.join('')).toBe(expected);
    expect(applied.length).toBeLessThan(40);
  });
});
