/**
 * Namespaces loaded with the view that uses them, not with the page: their strings would
 * otherwise count against the first-load budget (npm run bench) for views most visits never open.
 * Listed one by one so the bundler can split each into its own chunk.
 */

/** Loaded when the page is idle after the first screen: needed soon (a failed pane, a "?" opened), not at once. */
export const SOON_NAMESPACES = ['errors', 'glossary', 'picker', 'metrics', 'shareLink', 'boundary'] as const;

type Loader = () => Promise<{ default: Readonly<Record<string, string>> }>;

export const LAZY_NAMESPACES: Readonly<Record<string, { en: Loader; 'zh-CN': Loader }>> = {
  setEditor: { en: () => import('./en/setEditor'), 'zh-CN': () => import('./zh-CN/setEditor') },
  history: { en: () => import('./en/history'), 'zh-CN': () => import('./zh-CN/history') },
  storage: { en: () => import('./en/storage'), 'zh-CN': () => import('./zh-CN/storage') },
  source: { en: () => import('./en/source'), 'zh-CN': () => import('./zh-CN/source') },
  arena: { en: () => import('./en/arena'), 'zh-CN': () => import('./zh-CN/arena') },
  benchmark: { en: () => import('./en/benchmark'), 'zh-CN': () => import('./zh-CN/benchmark') },
  grading: { en: () => import('./en/grading'), 'zh-CN': () => import('./zh-CN/grading') },
  device: { en: () => import('./en/device'), 'zh-CN': () => import('./zh-CN/device') },
  picker: { en: () => import('./en/picker'), 'zh-CN': () => import('./zh-CN/picker') },
  errors: { en: () => import('./en/errors'), 'zh-CN': () => import('./zh-CN/errors') },
  glossary: { en: () => import('./en/glossary'), 'zh-CN': () => import('./zh-CN/glossary') },
  metrics: { en: () => import('./en/metrics'), 'zh-CN': () => import('./zh-CN/metrics') },
  shareLink: { en: () => import('./en/shareLink'), 'zh-CN': () => import('./zh-CN/shareLink') },
  boundary: { en: () => import('./en/boundary'), 'zh-CN': () => import('./zh-CN/boundary') },
  presets: { en: () => import('./en/presets'), 'zh-CN': () => import('./zh-CN/presets') },
};
