/**
 * Saves a comparison to history while it runs: once at the start, then every `intervalMs` while
 * it streams, and a final time when it ends. Periodic rather than per token, because each save
 * writes the whole record to IndexedDB; a reload loses at most the last interval's text.
 */
export class RunRecorder {
  readonly #save: (ended: boolean) => Promise<void>;
  readonly #timer: ReturnType<typeof setInterval>;

  constructor(save: (ended: boolean) => Promise<void>, intervalMs = 2000) {
    this.#save = save;
    void this.#save(false);
    this.#timer = setInterval(() => void this.#save(false), intervalMs);
  }

  async finish(): Promise<void> {
    clearInterval(this.#timer);
    await this.#save(true);
  }
}
