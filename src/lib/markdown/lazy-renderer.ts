/**
 * The markdown renderer (marked + DOMPurify, ~25 kB gzip) is not needed until a model answers,
 * so it stays out of the first page load: it is fetched when the page is idle, or when the first
 * answer arrives, whichever comes first. Until then output shows as plain, escaped text.
 */
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
 * Load it once the page has nothing better to do, and render one small sample then too: the
 * first call into marked and DOMPurify pays for compilation and set-up, which should not land
 * in the frame that shows a model's first token.
 */
export function preloadMarkdownRendererWhenIdle(): void {
  const load = () => void loadMarkdownRenderer().then((module) => module.renderBlocks(['**warm** `up`\n\n- a\n', '[x](https://example.org)']));
  if (typeof requestIdleCallback === 'function') requestIdleCallback(load, { timeout: 3000 });
  else setTimeout(load, 1500);
}
