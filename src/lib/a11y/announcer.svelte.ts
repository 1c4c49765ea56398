/**
 * The page's one polite live region. Panes, the prompt form and the views say what finished
 * here, in one sentence each, instead of every badge announcing its own changes (a comparison of
 * four models used to read out 13 status words). App.svelte renders `messages` in a single
 * visually hidden role="status" element.
 */

import { untrack } from 'svelte';

/** Enough for a four-model comparison and its "done"; older lines are dropped. */
const KEEP = 6;

export interface Announcement {
  /** Unique by construction (a counter), so the keyed list never repeats a key. */
  id: number;
  text: string;
}

class Announcer {
  messages = $state<Announcement[]>([]);
  #next = 0;

  /** Add one sentence to the live region (screen readers read additions, not the whole list). */
  say(text: string): void {
    const trimmed = text.trim();
    if (!trimmed) return;
    // Called from effects: reading the list must not make them depend on it.
    untrack(() => {
      this.messages = [...this.messages, { id: this.#next++, text: trimmed }].slice(-KEEP);
    });
  }

  clear(): void {
    this.messages = [];
  }
}

export const announcer = new Announcer();
