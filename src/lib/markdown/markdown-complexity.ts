/**
 * Which blocks are safe to hand to the markdown parser. marked is recursive in nesting depth
 * (thousands of `>` or `1. ` levels overflow the stack) and, for some inputs, quadratic within
 * one paragraph: its emphasis rules rescan the rest of the text at every `*`, `_`, `~` or `<`
 * (8,000 `_a` pairs take ~0.5 s; 600 of `_中文回答<title>` ~120 ms; marked 18, measured). A model
 * stuck in a loop writes exactly such text, and a parse runs on the main thread, so a block over
 * any of these budgets is shown as plain text instead: every block then costs a few milliseconds
 * at most, whatever the model wrote. Real answers stay far below the limits.
 */

/** Longest block parsed as markdown (characters). */
export const MAX_MARKDOWN_BLOCK_CHARS = 16_000;
/** Deepest nesting of quotes and lists on one line (real answers rarely pass 4). */
export const MAX_NESTING_DEPTH = 16;
/**
 * Most inline work in one paragraph or list item: its delimiters (`*`, `_`, `~`, `<`) times its
 * length. 1,000,000 parses in ~20 ms at worst; a 2,000-character paragraph with 40 bold or
 * italic spans is at 80,000.
 */
export const MAX_INLINE_WORK = 1_000_000;

// One container level at the start of what is left of a line: indentation, then a quote marker,
// or a list marker and its space. Repeated, they are the line's nesting depth.
const CONTAINER = /^([ \t]*)(?:>|[-+*](?=[ \t]|$)|\d{1,9}[.)](?=[ \t]|$))[ \t]?/;
const FENCE = /^ {0,3}(`{3,}|~{3,})/;

/**
 * How deeply the line's start nests quotes and lists. Indentation counts a level per two spaces
 * (a list item indented under another is nested in it): an over-estimate, never an under-one.
 */
export function nestingDepth(line: string): number {
  let depth = 0;
  let rest = line;
  for (let match = CONTAINER.exec(rest); match; match = CONTAINER.exec(rest)) {
    depth += 1 + Math.floor(match[1]!.length / 2);
    if (depth > MAX_NESTING_DEPTH) break; // enough to decide
    rest = rest.slice(match[0].length);
  }
  return depth;
}

// Lines that start a new inline run (a list item, quote, heading or table row), ending the last.
const RUN_START = /^ {0,3}(?:[-+*>#|]|\d{1,9}[.)])/;

/** True when the block is over a budget above and must be shown as plain text. */
export function isTooComplexForMarkdown(block: string): boolean {
  if (block.length > MAX_MARKDOWN_BLOCK_CHARS) return true;
  let fence = '';
  let runLength = 0;
  let runDelimiters = 0;
  for (const line of block.split('\n')) {
    const marker = FENCE.exec(line)?.[1];
    if (fence) {
      // Code is not parsed inline: its `*`, `_` and `<` cost nothing.
      if (marker && marker[0] === fence[0] && marker.length >= fence.length && line.trim() === marker) fence = '';
      continue;
    }
    if (marker) {
      fence = marker;
      continue;
    }
    if (nestingDepth(line) > MAX_NESTING_DEPTH) return true;
    if (RUN_START.test(line)) runLength = runDelimiters = 0;
    runLength += line.length + 1;
    runDelimiters += countDelimiters(line);
    if (runLength * runDelimiters > MAX_INLINE_WORK) return true;
  }
  return false;
}

function countDelimiters(line: string): number {
  let count = 0;
  for (let index = 0; index < line.length; index++) {
    const code = line.charCodeAt(index);
    if (code === 42 || code === 95 || code === 126 || code === 60) count++; // * _ ~ <
  }
  return count;
}
