/**
 * Saves a comparison to history while it runs: once at the start, then at most every
 * `intervalMs` while text streams, and a final time when it ends. Periodic rather than per
 * token, because each save writes the whole record to IndexedDB.
 */
export class RunRecorder {
  readonly #save: (ended: boolean) => Promise<void>;
  readonly #timer: ReturnType<typeof setInterval>;

  constructor(save: (ended: boolean) => Promise<void>, intervalMs = 1000) {
    this.#save = save;
    void this.#save(false);
    this.#timer = setInterval(() => void this.#save(false), intervalMs);
  }

  async finish(): Promise<void> {
    clearInterval(this.#timer);
    await this.#save(true);
  }
}
