import type { FinishReason, GenerationSettings } from '../engine/protocol';
import type { RunMetrics } from '../metrics/run-metrics';

/**
 * One comparison as kept in history, exported and imported: everything needed to read it later,
 * re-run it, or compare it with someone else's. Schema changes bump RUN_RECORD_VERSION and add
 * a step to the migration in history-schema.ts; never edit a shipped version's shape.
 */
export const RUN_RECORD_VERSION = 2;

export type PaneOutcome = 'finished' | 'stopped' | 'failed' | 'skipped' | 'running' | 'interrupted';

export interface PaneRecord {
  modelId: string;
  label: string;
  weightsUrl: string;
  libraryUrl: string;
  /** The answer, without the reasoning (version 2 on; version 1 kept both here). */
  output: string;
  /** The model's reasoning (`<think>…</think>`, tags removed); empty when it did not reason. */
  thinking: string;
  outcome: PaneOutcome;
  finishReason: FinishReason;
  /** Friendly error title + technical message, when the pane failed. */
  error: { name: string; title: string; technical: string } | null;
  metrics: RunMetrics;
}

export interface DeviceRecord {
  vendor: string;
  architecture: string;
  description: string;
  shaderF16: boolean;
  maxBufferSize: number;
  maxStorageBufferBindingSize: number;
  userAgent: string;
}

export interface RunRecord {
  version: typeof RUN_RECORD_VERSION;
  /** Unique id (crypto.randomUUID()). */
  id: string;
  /** ISO 8601 time the run started. */
  createdAt: string;
  /** ISO 8601 time of the last save (a run is saved repeatedly while it streams). */
  updatedAt: string;
  systemPrompt: string;
  prompt: string;
  settings: GenerationSettings;
  parallel: boolean;
  panes: PaneRecord[];
  device: DeviceRecord | null;
  appVersion: string;
  engineVersion: string;
}
