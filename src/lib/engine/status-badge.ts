import { STATUS_LABEL, type EngineStatus } from './status';
import type { FinishReason } from './protocol';
import type { FriendlyError } from './errors';
import { t } from '../i18n/i18n.svelte';

/**
 * The one word on a pane's badge, and its tone. A run the person cancelled or stopped is their
 * choice, not a failure: it reads "Cancelled" / "Stopped" in a neutral colour, never the red
 * "Error" a broken download gets.
 */
export type BadgeState = EngineStatus | 'queued' | 'finished' | 'stopped' | 'cancelled';

export interface PaneBadge {
  label: string;
  /** For styling and tests (`data-state`). */
  state: BadgeState;
}

export interface BadgeInput {
  queued: boolean;
  status: EngineStatus;
  /** The pane produced a result in this comparison. */
  finished: boolean;
  finishReason: FinishReason;
  error: FriendlyError | null;
}

export function paneBadge({ queued, status, finished, finishReason, error }: BadgeInput): PaneBadge {
  if (queued) return { label: t('pane.badgeQueued'), state: 'queued' };
  if (status === 'error' && error?.cause === 'cancelled') return { label: t('pane.badgeCancelled'), state: 'cancelled' };
  // After a run the engine is idle (unloaded) or ready (kept loaded): say how the run ended.
  if ((status === 'idle' || status === 'ready') && finished) {
    return finishReason === 'abort' ? { label: t('pane.badgeStopped'), state: 'stopped' } : { label: t('pane.badgeFinished'), state: 'finished' };
  }
  return { label: STATUS_LABEL[status], state: status };
}
