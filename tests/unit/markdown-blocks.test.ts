// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { MarkdownBlocks } from '../../src/lib/markdown/markdown-blocks';
import { INSTANT_RENDER_CHARS, PLAIN_TEXT_CHARS, batchIntervalMs, renderIntervalMs } from '../../src/lib/markdown/render-pace';

const TEXT = 'para one\nstill one\n\npara two\n\n```js\ncode\n\nmore code\n```\n\n- a\n- b\n\nlast line';

function streamed(text: string, step = 1) {
  const splitter = new MarkdownBlocks();
  let result = splitter.update('');
  for (let end = step; end < text.length + step; end += step) result = splitter.update(text.slice(0, end));
  return result;
}

describe('MarkdownBlocks', () => {
  it('splits at blank lines, never inside a code fence', () => {
    const { blocks, tail } = new MarkdownBlocks().update(TEXT);
    expect(blocks).toEqual(['para one\nstill one\n\n', 'para two\n\n', '```js\ncode\n\nmore code\n```\n\n']);
    // The list is only known to be finished once the next line is complete.
    expect(tail).toBe('- a\n- b\n\nlast line');
    expect(new MarkdownBlocks().update(`${TEXT}\n`).blocks.at(-1)).toBe('- a\n- b\n\n');
  });

  it('gives the same blocks whether the text arrives at once or token by token', () => {
    const whole = new MarkdownBlocks().update(TEXT);
    expect(streamed(TEXT, 1)).toEqual(whole);
    expect(streamed(TEXT, 7)).toEqual(whole);
  });

  it('blocks plus tail always rebuild the exact text', () => {
    const { blocks, tail } = streamed(TEXT, 3);
    expect(blocks.join('') + tail).toBe(TEXT);
  });

  it('keeps an unclosed fence in the tail (it may still change)', () => {
    const { blocks, tail } = new MarkdownBlocks().update('intro\n\n```\nopen fence\n\nstill code\n');
    expect(blocks).toEqual(['intro\n\n']);
    expect(tail).toBe('```\nopen fence\n\nstill code\n');
  });

  it('starts over when the text is replaced rather than extended', () => {
    const splitter = new MarkdownBlocks();
    splitter.update('first answer\n\nsecond block\n');
    const result = splitter.update('new run\n\nanother\n');
    expect(result.blocks).toEqual(['new run\n\n']);
    expect(result.tail).toBe('another\n');
  });
});

describe('renderIntervalMs', () => {
  it('renders short answers every frame and paces long ones, capped', () => {
    expect(renderIntervalMs(0)).toBe(0);
    expect(renderIntervalMs(INSTANT_RENDER_CHARS)).toBe(0);
    expect(renderIntervalMs(100_000)).toBe(500);
    expect(renderIntervalMs(10_000_000)).toBe(1500);
  });
});

describe('batchIntervalMs', () => {
  it('hands text over every frame while it is rendered as markdown, and spaces updates once it is plain text', () => {
    expect(batchIntervalMs(0)).toBe(0);
    expect(batchIntervalMs(100_000)).toBe(0);
    expect(batchIntervalMs(PLAIN_TEXT_CHARS)).toBe(0);
    expect(batchIntervalMs(PLAIN_TEXT_CHARS + 1)).toBe(1500);
  });
});

describe('renderBlocks', () => {
  it('renders normal blocks as markdown and a pathological giant block as escaped text, fast', async () => {
    const { renderBlocks, MAX_MARKDOWN_BLOCK_CHARS } = await import('../../src/lib/markdown/render-markdown');
    const giant = '_a'.repeat(MAX_MARKDOWN_BLOCK_CHARS); // quadratic for markdown parsers
    const started = performance.now();
    const html = renderBlocks(['**bold**\n\n', `${giant}<script>x</script>\n\n`, '- item\n']);
    expect(performance.now() - started).toBeLessThan(1000);
    expect(html).toContain('<strong>bold</strong>');
    expect(html).toContain('<li>item</li>');
    expect(html).toContain('&lt;script&gt;');
    expect(html).not.toContain('<script>');
  });
});
