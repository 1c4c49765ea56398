import type { FriendlyError } from '../engine/errors';
import type { FinishReason, GenerateRequest } from '../engine/protocol';
import type { EngineStatus } from '../engine/status';
import type { GpuReport } from '../gpu/probe';
import type { RunMetrics } from '../metrics/run-metrics';
import { RUN_RECORD_VERSION, type DeviceRecord, type PaneOutcome, type PaneRecord, type RunRecord } from './run-record';

/** What the record builder needs to know about a pane (a PaneSession satisfies it). */
export interface PaneView {
  key: string;
  model: { label: string; spec: { weightsUrl: string; libraryUrl: string } };
  status: EngineStatus;
  output: string;
  /** The output split into reasoning and answer (a PaneSession's ThinkingView). */
  thinking: { split: { thinking: string; answer: string } };
  error: FriendlyError | null;
  metrics: RunMetrics;
  finishReason: FinishReason;
}

/** Where a pane stands, in history's words. A pane still waiting its turn counts as running. */
export function paneOutcome(pane: PaneView, runEnded: boolean): PaneOutcome {
  if (pane.error) return 'failed';
  if (pane.metrics.generationMs !== null) return pane.finishReason === 'abort' ? 'stopped' : 'finished';
  return runEnded ? 'skipped' : 'running';
}

export function paneRecord(pane: PaneView, outcome: PaneOutcome): PaneRecord {
  return {
    modelId: pane.key,
    label: pane.model.label,
    weightsUrl: pane.model.spec.weightsUrl,
    libraryUrl: pane.model.spec.libraryUrl,
    // Before the first frame the split is empty while the output is not: keep the raw output.
    output: pane.thinking.split.answer || (pane.thinking.split.thinking ? '' : pane.output),
    thinking: pane.thinking.split.thinking,
    outcome,
    finishReason: pane.finishReason,
    error: pane.error ? { name: pane.error.name, title: pane.error.title, technical: pane.error.technical } : null,
    metrics: { ...pane.metrics },
  };
}

export function deviceRecord(report: GpuReport | null, userAgent: string): DeviceRecord | null {
  if (!report?.available) return null;
  return {
    vendor: report.vendor,
    architecture: report.architecture,
    description: report.description,
    shaderF16: report.shaderF16,
    maxBufferSize: report.maxBufferSize,
    maxStorageBufferBindingSize: report.maxStorageBufferBindingSize,
    userAgent,
  };
}

export interface RunContext {
  id: string;
  createdAt: string;
  request: GenerateRequest;
  parallel: boolean;
  device: DeviceRecord | null;
  appVersion: string;
  engineVersion: string;
}

/** A snapshot of the comparison as it stands now; saved repeatedly while it streams. */
export function buildRunRecord(
  context: RunContext,
  panes: PaneView[],
  runEnded: boolean,
  now: Date = new Date(),
): RunRecord {
  return {
    version: RUN_RECORD_VERSION,
    id: context.id,
    createdAt: context.createdAt,
    updatedAt: now.toISOString(),
    systemPrompt: context.request.systemPrompt,
    prompt: context.request.prompt,
    settings: { ...context.request.settings },
    parallel: context.parallel,
    panes: panes.map((pane) => paneRecord(pane, paneOutcome(pane, runEnded))),
    device: context.device,
    appVersion: context.appVersion,
    engineVersion: context.engineVersion,
  };
}

/**
 * A record read back after a reload: any pane still "running" was cut off by the reload (or a
 * crash). Its partial output is kept and it is marked interrupted.
 */
export function markInterrupted(record: RunRecord): RunRecord {
  if (!record.panes.some((pane) => pane.outcome === 'running')) return record;
  return {
    ...record,
    panes: record.panes.map((pane) => (pane.outcome === 'running' ? { ...pane, outcome: 'interrupted' } : pane)),
  };
}
