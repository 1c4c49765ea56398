import type { SharedComparison, SharedOutput } from '../share/share-link';
import { isShareFragment, shareUrl } from '../share/share-fragment';

import { isCheckFragment } from '../device/check-route';
import { i18n, t } from '../i18n/i18n.svelte';

/**
 * Encoding and decoding (and compression) load when a link is made or opened, not at start-up,
 * with the words of their problems and notices (i18n namespace "shareLink").
 */
const links = () => Promise.all([import('../share/share-link'), i18n.need(['shareLink']).catch(() => {})]).then(([module]) => module);

/**
 * Share links: a comparison's set-up (and optionally its outputs) packed into the URL fragment,
 * which browsers never send to a server. Opening one pre-fills the compare view; nothing runs
 * until the person presses Run.
 */
export class ShareState {
  /** The link made by `create`, shown for copying. */
  link = $state<string | null>(null);
  /** What the last create or open has to say (limits hit, unknown models, errors). */
  notice = $state<{ kind: 'info' | 'error'; text: string } | null>(null);
  /** Outputs that came with an opened link, shown read-only in their panes until the person runs. */
  receivedOutputs = $state<SharedOutput[]>([]);
  includeOutputs = $state(false);
  /**
   * A shared comparison that arrived in this open tab while the prompt box held other text (or
   * a run was going): it waits for the person to choose Apply or Keep mine.
   */
  pending = $state<SharedComparison | null>(null);

  async create(value: SharedComparison, location: { origin: string; pathname: string }): Promise<void> {
    try {
      const encoded = await (await links()).encodeShare(value, { includeOutputs: this.includeOutputs });
      this.link = shareUrl(location, encoded.fragment);
      this.notice = encoded.outputsDropped
        ? { kind: 'info', text: t('shareLink.outputsDropped') }
        : encoded.truncated
          ? { kind: 'info', text: t('shareLink.outputsShortened') }
          : null;
    } catch (error) {
      this.link = null;
      this.notice = { kind: 'error', text: (error as Error).message };
    }
  }

  /** Read a share link from the page's fragment; null (with a notice when it explains something) otherwise. */
  async open(hash: string): Promise<SharedComparison | null> {
    // "#check" is the readiness check's own view, not a share link (device/check-route.ts).
    if (hash === '' || hash === '#' || isCheckFragment(hash)) return null;
    if (!isShareFragment(hash)) {
      await i18n.need(['shareLink']).catch(() => {});
      // Lineup has no other use for the fragment: a half-pasted or mistyped link lands here.
      this.notice = { kind: 'error', text: t('shareLink.notShareFragment') };
      return null;
    }
    try {
      return await (await links()).decodeShare(hash);
    } catch (error) {
      this.notice = { kind: 'error', text: t('shareLink.cannotOpen', { reason: (error as Error).message }) };
      return null;
    }
  }

  /** The shared output for this pane's model, if the opened link carried one. */
  outputFor(modelId: string): SharedOutput | null {
    return this.receivedOutputs.find((output) => output.modelId === modelId) ?? null;
  }

  /** Hold a shared comparison until the person answers (see `pending`). */
  ask(shared: SharedComparison): void {
    this.pending = shared;
    this.notice = null;
  }

  /** "Keep mine": the shared comparison is dropped, the prompt box is left as it is. */
  keepMine(): void {
    this.pending = null;
    this.notice = { kind: 'info', text: t('shareLink.keptMine') };
  }
}
