import { decodeShare, encodeShare, isShareFragment, shareUrl, type SharedComparison, type SharedOutput } from '../share/share-link';

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
  /** Outputs that came with an opened link, shown read-only. */
  receivedOutputs = $state<SharedOutput[]>([]);
  includeOutputs = $state(false);

  async create(value: SharedComparison, location: { origin: string; pathname: string }): Promise<void> {
    try {
      const encoded = await encodeShare(value, { includeOutputs: this.includeOutputs });
      this.link = shareUrl(location, encoded.fragment);
      this.notice = encoded.outputsDropped
        ? { kind: 'info', text: 'The outputs were too long for a link, so it carries the prompt and settings only.' }
        : encoded.truncated
          ? { kind: 'info', text: 'Long outputs were shortened to fit in the link.' }
          : null;
    } catch (error) {
      this.link = null;
      this.notice = { kind: 'error', text: (error as Error).message };
    }
  }

  /** Read a share link from the page's fragment; null when there is none or it is broken. */
  async open(hash: string): Promise<SharedComparison | null> {
    if (!isShareFragment(hash)) return null;
    try {
      const shared = await decodeShare(hash);
      this.receivedOutputs = shared.outputs ?? [];
      return shared;
    } catch (error) {
      this.notice = { kind: 'error', text: `This share link cannot be opened: ${(error as Error).message}` };
      return null;
    }
  }
}
