// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { enableThinkingFor, reasoningSupportOf, splitModeFor } from '../../src/lib/reasoning/reasoning-support';
import { ThinkingTokenCounter } from '../../src/lib/reasoning/thinking-tokens';
import { ThinkingTracker } from '../../src/lib/reasoning/thinking-tracker';
import { moreTokensFor, outOfTokensMessage, rerunLabel } from '../../src/lib/reasoning/out-of-tokens';

function counted(pieces: string[], mode: 'auto' | 'off' = 'auto'): number {
  const counter = new ThinkingTokenCounter();
  pieces.forEach((piece) => counter.push(piece));
  return counter.thinkingPieces(pieces.join(''), mode);
}

describe('thinking tokens, counted from the streamed pieces', () => {
  it('counts every piece up to the one that closes the thinking, tags split across pieces', () => {
    expect(counted(['<thi', 'nk>', 'a', ' b', ' c', '</th', 'ink>', '\n\n', 'Answer', '.'])).toBe(7);
    expect(counted(['<think>', 'a', '</think>Answer'])).toBe(3); // the closing piece holds the answer's start too
  });

  it('counts implicitly opened thinking, and all pieces of an unclosed one', () => {
    expect(counted(['Hmm', ' ok', '</think>', 'Yes'])).toBe(3);
    expect(counted(['<think>', 'still', ' going'])).toBe(3);
  });

  it('is 0 without reasoning, for a model known not to reason, and for empty pieces', () => {
    expect(counted(['Plain', ' answer'])).toBe(0);
    expect(counted(['<think>', 'x', '</think>', 'y'], 'off')).toBe(0);
    expect(counted(['', '', 'text'])).toBe(0);
  });
});

describe('ThinkingTracker: what a pane shows frame by frame', () => {
  it('times the thinking from its first text on screen to the first answer text, counting pieces meanwhile', () => {
    const tracker = new ThinkingTracker('auto', 1000);
    expect(tracker.update('<thi', 1, 1100).elapsedMs).toBeNull(); // not known to be thinking yet
    const live = tracker.update('<think>plan', 2, 1200);
    expect(live).toMatchObject({ tokens: 3, elapsedMs: 100, answerOnScreenMs: null, split: { thinking: 'plan', thinkingOpen: true } });
    const answered = tracker.update('<think>plan</think>\n\nIt is 4', 3, 3500);
    expect(answered).toMatchObject({ tokens: 6, elapsedMs: 2400, answerOnScreenMs: 2500, split: { answer: 'It is 4', thinkingOpen: false } });
    const later = tracker.update('<think>plan</think>\n\nIt is 4, done.', 5, 4000);
    expect(later).toMatchObject({ tokens: 6, elapsedMs: 2400, answerOnScreenMs: 2500 }); // frozen once answering
  });

  it('recognises implicitly opened thinking at its </think>: what looked like the answer was thinking', () => {
    const tracker = new ThinkingTracker('auto', 0);
    expect(tracker.update('Let me see', 2, 50)).toMatchObject({ elapsedMs: null, answerOnScreenMs: 50 });
    const closed = tracker.update('Let me see</think>', 1, 400);
    expect(closed).toMatchObject({ elapsedMs: 350, answerOnScreenMs: null, split: { thinking: 'Let me see', answer: '' } });
    expect(tracker.update('Let me see</think>\nYes', 1, 600)).toMatchObject({ elapsedMs: 550, answerOnScreenMs: 600, tokens: 4 });
  });

  it('reports no thinking for a plain answer, with the wait before the answer', () => {
    const tracker = new ThinkingTracker('off', 0);
    expect(tracker.update('<think>literal</think>', 1, 30)).toMatchObject({ elapsedMs: null, tokens: 0, answerOnScreenMs: 30 });
  });
});

describe('reasoning support', () => {
  it('switches thinking only for switchable models, on unless the settings say false', () => {
    expect(enableThinkingFor('switchable', { temperature: 0, topP: 1, maxTokens: 8 })).toBe(true);
    expect(enableThinkingFor('switchable', { temperature: 0, topP: 1, maxTokens: 8, thinking: false })).toBe(false);
    expect(enableThinkingFor('always', { temperature: 0, topP: 1, maxTokens: 8, thinking: false })).toBeUndefined();
    expect(enableThinkingFor('none', { temperature: 0, topP: 1, maxTokens: 8 })).toBeUndefined();
  });

  it('knows catalog models by id, and splits a custom unknown model only when its output has tags', () => {
    expect(reasoningSupportOf('Qwen3-1.7B-q4f16_1-MLC', false)).toBe('switchable');
    expect(reasoningSupportOf('Qwen3-thinking-test', true)).toBe('switchable');
    expect(reasoningSupportOf('Llama-3.2-1B-Instruct-q4f16_1-MLC', false)).toBe('none');
    expect(reasoningSupportOf('my-model', true)).toBe('unknown');
    expect(splitModeFor('none')).toBe('off');
    expect(splitModeFor('unknown')).toBe('auto');
    expect(splitModeFor('always')).toBe('auto');
  });
});

describe('out of tokens while thinking', () => {
  it('offers four times the limit, at least 1,024, at most the form maximum', () => {
    expect(moreTokensFor(256)).toBe(1024);
    expect(moreTokensFor(600)).toBe(2400);
    expect(moreTokensFor(2000)).toBe(4096);
    expect(moreTokensFor(4096)).toBeNull();
    expect(outOfTokensMessage(256)).toBe('Stopped after 256 tokens while still thinking: raise max tokens.');
    expect(rerunLabel(1024)).toBe('Run again with 1,024 max tokens');
  });
});
