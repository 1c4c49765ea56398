/**
 * The markdown renderer (marked + DOMPurify, ~25 kB gzip) is not needed until a model answers,
 * so it stays out of the first page load: it is fetched when the page is idle, or when the first
 * answer arrives, whichever comes first. Until then output shows as plain, escaped text.
 */

import { whenIdle } from '../lazy/when-idle';

type Renderer = typeof import('./render-markdown');

let renderer: Renderer | null = null;
let loading: Promise<Renderer> | null = null;

export function loadMarkdownRenderer(): Promise<Renderer> {
  loading ??= import('./render-markdown').then((module) => (renderer = module));
  return loading;
}

/** The renderer if it has loaded, else null (and loading starts). */
export function markdownRenderer(): Renderer | null {
  if (!renderer) void loadMarkdownRenderer();
  return renderer;
}

/**
 * Samples rendered once while the page is idle. The first call into marked and DOMPurify pays
 * for compilation and set-up, and V8 compiles each regular expression separately for one-byte
 * (Latin-1) and two-byte strings: marked's block rules (heading, paragraph, table, HTML) first
 * meeting Chinese or Korean text cost ~60 ms on a busy CPU, measured (a CPU profile of
 * `npm run bench`'s first token). So every kind of block is warmed in both string widths.
 */
export const WARM_UP_MARKDOWN: readonly string[] = [
  '# Warm\n\n**warm** `up` [x](https://example.org)\n\n- a\n\n> q\n\n| a | b |\n| - | - |\n| 1 | 2 |\n\n```\ncode\n```\n\n<b>html</b>\n',
  '# 预热 — 한국어\n\n**粗体** `代码` [链接](https://example.org) ✓\n\n- 项目\n\n> 引用\n\n| 甲 | 乙 |\n| - | - |\n| 1 | 2 |\n\n```\n代码\n```\n\n<b>标记</b>\n',
];

/**
 * Load it once the page has nothing better to do, and render the samples then, so none of that
 * set-up lands in the frame that shows a model's first token.
 */
export function preloadMarkdownRendererWhenIdle(): void {
  // One call per sample: renderBlocks joins its blocks, which would make every one two-byte.
  const load = () => void loadMarkdownRenderer().then((module) => WARM_UP_MARKDOWN.forEach((sample) => module.renderBlocks([sample])));
  whenIdle(load, 3000, 1500);
}
