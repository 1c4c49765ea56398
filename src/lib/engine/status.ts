import { t, type MessageKey } from '../i18n/i18n.svelte';

/**
 * The engine's one state machine. Every pane's status is exactly one of these, and changes
 * only through `transition`, so the UI never has to reconcile scattered flags.
 *
 *   idle ─check→ checking ─download→ downloading ─compile→ compiling ─loaded→ ready
 *   ready ─generate→ generating ─finished→ ready
 *   any ─fail→ error ;  any ─reset→ idle  (unload, cancel, worker recreated)
 */
export type EngineStatus =
  | 'idle'
  | 'checking'
  | 'downloading'
  | 'compiling'
  | 'ready'
  | 'generating'
  | 'error';

export type EngineEvent =
  | 'check'
  | 'download'
  | 'compile'
  | 'loaded'
  | 'generate'
  | 'finished'
  | 'fail'
  | 'reset';

const TRANSITIONS: Record<EngineStatus, Partial<Record<EngineEvent, EngineStatus>>> = {
  idle: { check: 'checking' },
  // A cached model skips downloading and goes straight to compiling.
  checking: { download: 'downloading', compile: 'compiling', loaded: 'ready' },
  downloading: { download: 'downloading', compile: 'compiling', loaded: 'ready' },
  compiling: { compile: 'compiling', loaded: 'ready' },
  ready: { generate: 'generating', check: 'checking' },
  generating: { finished: 'ready' },
  error: { check: 'checking' },
};

export class IllegalTransitionError extends Error {
  override name = 'IllegalTransitionError';
  constructor(from: EngineStatus, event: EngineEvent) {
    super(`Engine cannot "${event}" while ${from}`);
  }
}

export function transition(from: EngineStatus, event: EngineEvent): EngineStatus {
  if (event === 'fail') return 'error';
  if (event === 'reset') return 'idle';
  const to = TRANSITIONS[from][event];
  if (!to) throw new IllegalTransitionError(from, event);
  return to;
}

export function canTransition(from: EngineStatus, event: EngineEvent): boolean {
  return event === 'fail' || event === 'reset' || TRANSITIONS[from][event] !== undefined;
}

/** States in which the engine is busy loading (a Cancel button makes sense). */
export function isLoading(status: EngineStatus): boolean {
  return status === 'checking' || status === 'downloading' || status === 'compiling';
}

const STATUS_KEY: Record<EngineStatus, MessageKey> = {
  idle: 'pane.statusIdle',
  checking: 'pane.statusChecking',
  downloading: 'pane.statusDownloading',
  compiling: 'pane.statusCompiling',
  ready: 'pane.statusReady',
  generating: 'pane.statusGenerating',
  error: 'pane.statusError',
};

/** Each status in words, in the current language (getters: read where shown, not stored). */
export const STATUS_LABEL = Object.defineProperties(
  {},
  Object.fromEntries(Object.entries(STATUS_KEY).map(([status, key]) => [status, { enumerable: true, get: () => t(key) }])),
) as Readonly<Record<EngineStatus, string>>;
