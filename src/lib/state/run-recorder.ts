/**
 * Saves a comparison to history while it runs: every `intervalMs` while it streams, and a final
 * time when it ends. Periodic rather than per token, because each save writes the whole record
 * to IndexedDB; a reload loses at most the last interval's text.
 *
 * A run that produced nothing (every pane cancelled, or failed before its first token) is not
 * history: nothing is saved until some output exists, so it never appears in the list.
 */
export class RunRecorder {
  readonly #save: (ended: boolean) => Promise<void>;
  readonly #produced: () => boolean;
  readonly #timer: ReturnType<typeof setInterval>;

  /** `produced`: has any pane written anything yet (answer or reasoning)? */
  constructor(save: (ended: boolean) => Promise<void>, produced: () => boolean, intervalMs = 2000) {
    this.#save = save;
    this.#produced = produced;
    this.#timer = setInterval(() => void this.#saveIfProduced(false), intervalMs);
  }

  #saveIfProduced(ended: boolean): Promise<void> {
    return this.#produced() ? this.#save(ended) : Promise.resolve();
  }

  async finish(): Promise<void> {
    clearInterval(this.#timer);
    await this.#saveIfProduced(true);
  }
}
