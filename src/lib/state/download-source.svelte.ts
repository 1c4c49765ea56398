import { activeSourceChoice, setActiveSourceChoice } from '../download-source/active-source';
import { nextSourceChoice, parseSourceChoice, type SourceChoice } from '../download-source/choice';
import { SOURCES, type LibrarySourceId, type WeightsSourceId } from '../download-source/sources';

/**
 * The "Download models from" setting (storage panel). Every change is handed to the engine
 * client at once (active-source.ts), so the next load, in any view, downloads from it.
 */
export class DownloadSourceState {
  readonly catalog = SOURCES;
  choice = $state<SourceChoice>(activeSourceChoice());
  /**
   * The sources "Download from another source" moved to, said once so the switch is never
   * silent (kept as the choice, not as a sentence, so the notice follows a language switch).
   */
  switchedTo = $state<SourceChoice | null>(null);

  /** Apply a stored or chosen value (checked: it may come from IndexedDB or an older build). */
  use(raw: unknown): void {
    const choice = parseSourceChoice(raw, this.catalog);
    this.choice = choice;
    setActiveSourceChoice(choice);
  }

  setWeights(id: WeightsSourceId): void {
    this.use({ ...this.choice, weights: id });
    this.switchedTo = null;
  }

  setLibrary(id: LibrarySourceId): void {
    this.use({ ...this.choice, library: id });
    this.switchedTo = null;
  }

  /** After a failed download: move to the next sources. False when there is no other source. */
  tryNext(): boolean {
    const next = nextSourceChoice(this.choice, this.catalog);
    if (!next) return false;
    this.use(next);
    this.switchedTo = next;
    return true;
  }
}
