// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { splitThinking, type SplitOptions, type ThinkingSplit } from '../../src/lib/reasoning/think-splitter';

interface Case {
  name: string;
  text: string;
  expected: ThinkingSplit;
  options?: SplitOptions;
}

const cases: Case[] = [
  {
    name: 'explicit thinking, then the answer',
    text: '<think>\nThe user wants 2+2. That is 4.\n</think>\n\nThe answer is **4**.',
    expected: { thinking: 'The user wants 2+2. That is 4.', answer: 'The answer is **4**.', thinkingOpen: false },
  },
  {
    name: 'explicit after leading whitespace',
    text: '\n  <think>short</think>Done.',
    expected: { thinking: 'short', answer: 'Done.', thinkingOpen: false },
  },
  {
    name: 'implicit open: only the closing tag',
    text: 'Okay, let me think about <b> tags.\n</think>\n\nUse `<b>`.',
    expected: { thinking: 'Okay, let me think about <b> tags.', answer: 'Use `<b>`.', thinkingOpen: false },
  },
  {
    name: 'unclosed at the end (stopped or out of tokens)',
    text: '<think>First, consider the prime factors of 91 < 100',
    expected: { thinking: 'First, consider the prime factors of 91 < 100', answer: '', thinkingOpen: true },
  },
  {
    name: 'empty thinking (thinking switched off by the template)',
    text: '<think>\n\n</think>\n\nHello!',
    expected: { thinking: '', answer: 'Hello!', thinkingOpen: false },
  },
  {
    name: 'a <think> mid-text of a non-reasoning answer',
    text: 'Qwen3 wraps its reasoning in <think> and </think> tags.',
    expected: { thinking: '', answer: 'Qwen3 wraps its reasoning in <think> and </think> tags.', thinkingOpen: false },
  },
  {
    name: 'tags inside a code fence',
    text: 'Example output:\n```html\n<think>hidden</think>\n```\nThat is all.',
    expected: { thinking: '', answer: 'Example output:\n```html\n<think>hidden</think>\n```\nThat is all.', thinkingOpen: false },
  },
  {
    name: 'a closing tag in inline code',
    text: 'Close it with `</think>` and go on.',
    expected: { thinking: '', answer: 'Close it with `</think>` and go on.', thinkingOpen: false },
  },
  {
    name: 'plain text with angle brackets',
    text: 'If a < b and b <= c then a < c.',
    expected: { thinking: '', answer: 'If a < b and b <= c then a < c.', thinkingOpen: false },
  },
  {
    name: 'the first </think> ends the reasoning; a later one in a code fence stays in the answer',
    text: '<think>plan</think>\n```\n</think>\n```',
    expected: { thinking: 'plan', answer: '```\n</think>\n```', thinkingOpen: false },
  },
  {
    name: 'implicit mode: thinking from the first character',
    text: 'Hmm, 3 * 7 = 21.</think>21',
    options: { mode: 'implicit' },
    expected: { thinking: 'Hmm, 3 * 7 = 21.', answer: '21', thinkingOpen: false },
  },
  {
    name: 'off mode: a non-reasoning model keeps its tags as text',
    text: '<think>not reasoning</think> literal',
    options: { mode: 'off' },
    expected: { thinking: '', answer: '<think>not reasoning</think> literal', thinkingOpen: false },
  },
];

const TAG_FRAGMENTS = ['<think', '</think', '</thin', '</th', '<thi'];

/** A tag fragment at the end of a shown field that the final text does not show there. */
function endsWithFragment(shown: string, finalField: string): boolean {
  return TAG_FRAGMENTS.some((fragment) => shown.endsWith(fragment) && !finalField.startsWith(shown));
}

describe('splitThinking: finished outputs', () => {
  for (const { name, text, expected, options } of cases) {
    it(name, () => {
      expect(splitThinking(text, { ...options, done: true })).toEqual(expected);
      // A complete text reads the same streamed: the last chunk leaves no fragment behind here.
      expect(splitThinking(text, options)).toEqual(expected);
    });
  }
});

describe('splitThinking: streamed, cut at every split point', () => {
  for (const { name, text, expected, options } of cases) {
    it(name, () => {
      // The pane calls the splitter with everything received so far, so every chunking of the
      // text is covered by every prefix of it: chunk boundaries only decide which prefixes it sees.
      const implicitlyOpened = !text.trimStart().startsWith('<think>') && options?.mode !== 'implicit' && expected.thinking !== '';
      for (let cut = 0; cut <= text.length; cut++) {
        const prefix = text.slice(0, cut);
        const shown = splitThinking(prefix, options);
        const where = `cut at ${cut}: ${JSON.stringify(prefix)}`;
        if (implicitlyOpened && !prefix.includes('</think>')) {
          // Before the closing tag nothing says it is reasoning: it shows as the answer so far,
          // which is the start of what becomes the thinking.
          expect(expected.thinking.startsWith(shown.answer.trim()) || text.trimStart().startsWith(shown.answer), where).toBe(true);
          expect(shown.thinking, where).toBe('');
          continue;
        }
        expect(expected.thinking.startsWith(shown.thinking), where).toBe(true);
        expect(expected.answer.startsWith(shown.answer), where).toBe(true);
        expect(endsWithFragment(shown.thinking, expected.thinking), where).toBe(false);
        expect(endsWithFragment(shown.answer, expected.answer), where).toBe(false);
        if (shown.answer !== '') expect(shown.thinkingOpen, where).toBe(false);
      }
    });
  }

  it('reports thinking as open from the moment <think> is complete until </think> is', () => {
    const text = '<think>abc</think>xyz';
    const open = [...Array(text.length + 1).keys()].map((cut) => splitThinking(text.slice(0, cut)).thinkingOpen);
    const opensAt = text.indexOf('>') + 1;
    const closesAt = text.indexOf('</think>') + '</think>'.length;
    expect(open).toEqual(open.map((_, cut) => cut >= opensAt && cut < closesAt));
  });

  it('holds back a trailing "<" only while streaming', () => {
    expect(splitThinking('a <').answer).toBe('a ');
    expect(splitThinking('a <', { done: true }).answer).toBe('a <');
    expect(splitThinking('<think>x </thi').thinking).toBe('x');
    expect(splitThinking('<think>x </thi', { done: true }).thinking).toBe('x </thi');
  });

  it('shows a start that only looked like <think> once it is not one', () => {
    expect(splitThinking('<thi')).toEqual({ thinking: '', answer: '', thinkingOpen: false });
    expect(splitThinking('<thing>')).toEqual({ thinking: '', answer: '<thing>', thinkingOpen: false });
    expect(splitThinking('<thi', { done: true }).answer).toBe('<thi');
  });
});
