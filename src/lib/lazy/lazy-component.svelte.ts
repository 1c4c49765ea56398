/**
 * A component that is not part of the first page load: fetched on first use, or earlier when the
 * page is idle, so that by the time a person opens it, it is usually there (no "Loading…" flash).
 * `current` is reactive: a view renders it once loaded and a short "Loading…" until then.
 */
import { i18n } from '$lib/i18n/i18n.svelte';
import { whenIdle } from './when-idle';

export class LazyComponent<T> {
  /** The component, once loaded. */
  current = $state.raw<T | null>(null);
  /** The chunk could not be fetched (offline before the service worker had it): say so. */
  failed = $state(false);
  readonly #loader: () => Promise<{ default: T }>;
  readonly #namespaces: readonly string[];
  #loading: Promise<T | null> | null = null;

  /** `namespaces`: the message namespaces it uses that are not bundled with the page (i18n). */
  constructor(loader: () => Promise<{ default: T }>, namespaces: readonly string[] = []) {
    this.#loader = loader;
    this.#namespaces = namespaces;
  }

  /** Load it (once); resolves with null when it could not be fetched (a later call tries again). */
  load(): Promise<T | null> {
    // Its strings with its code: drawn once, in the page's language, never with empty labels.
    this.#loading ??= Promise.all([this.#loader(), i18n.need(this.#namespaces)]).then(
      ([module]) => {
        this.failed = false;
        return (this.current = module.default);
      },
      () => {
        this.failed = true;
        this.#loading = null;
        return null;
      },
    );
    return this.#loading;
  }

  /** Load it when the page has nothing better to do (after the first screen is drawn). */
  preloadWhenIdle(timeoutMs = 4000): void {
    if (this.current || this.#loading) return;
    whenIdle(() => void this.load(), timeoutMs, 2000);
  }
}
