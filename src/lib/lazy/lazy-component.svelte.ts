/**
 * A component that is not part of the first page load: fetched on first use, or earlier when the
 * page is idle, so that by the time a person opens it, it is usually there (no "Loading…" flash).
 * `current` is reactive: a view renders it once loaded and a short "Loading…" until then.
 */
export class LazyComponent<T> {
  /** The component, once loaded. */
  current = $state.raw<T | null>(null);
  /** The chunk could not be fetched (offline before the service worker had it): say so. */
  failed = $state(false);
  readonly #loader: () => Promise<{ default: T }>;
  #loading: Promise<T | null> | null = null;

  constructor(loader: () => Promise<{ default: T }>) {
    this.#loader = loader;
  }

  /** Load it (once); resolves with null when it could not be fetched (a later call tries again). */
  load(): Promise<T | null> {
    this.#loading ??= this.#loader().then(
      (module) => {
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
    const load = () => void this.load();
    if (typeof requestIdleCallback === 'function') requestIdleCallback(load, { timeout: timeoutMs });
    else setTimeout(load, 2000);
  }
}
