import type { GpuReport } from '../gpu/probe';
import { effectiveBandwidthGBps } from './bandwidth';
import type { BenchmarkOptions } from './plan';
import { summarize, type Summary } from './statistics';

/**
 * What Benchmark mode measures and saves. Raw samples are kept (not only medians) so that a
 * report imported from another device can be re-summarised the same way, and so a reader can
 * see the spread behind a median.
 */

/** One measured run (warm-ups are never recorded). Engine figures; null when web-llm had none. */
export interface BenchmarkRunSample {
  promptId: string;
  runIndex: number;
  ttftMs: number | null;
  prefillTokensPerSecond: number | null;
  decodeTokensPerSecond: number | null;
  promptTokens: number | null;
  /** Every generated token, thinking included (what the engine's decode speed is over). */
  completionTokens: number | null;
  /** Of completionTokens, those before the answer began (reasoning models); 0 without thinking, null when unknown (older reports). */
  thinkingTokens: number | null;
}

/** Answer tokens of a run: generated tokens less thinking tokens, when both are known. */
export function answerTokensOf(run: BenchmarkRunSample): number | null {
  return run.completionTokens === null || run.thinkingTokens === null ? null : Math.max(0, run.completionTokens - run.thinkingTokens);
}

/** 'cold' = the weights were downloaded; 'cached' = read from the browser cache. */
export interface BenchmarkLoadSample {
  kind: 'cold' | 'cached';
  ms: number;
}

export interface BenchmarkModelResult {
  modelId: string;
  /** Bytes of weights read per token (exact or estimated, see bandwidth.ts); null when unknown. */
  weightBytes: number | null;
  loads: BenchmarkLoadSample[];
  runs: BenchmarkRunSample[];
  /** Why the model's benchmark stopped early; its samples so far are kept. */
  error?: string;
}

export interface BenchmarkDevice {
  gpuVendor: string;
  gpuArchitecture: string;
  gpuDescription: string;
  /** A software adapter (e.g. SwiftShader): its figures say nothing about the real GPU. */
  isFallbackAdapter: boolean;
  shaderF16: boolean;
  userAgent: string;
  /** User-editable name, e.g. "Room 12 laptop": GPU strings are often empty or all alike. */
  label: string;
}

export interface BenchmarkReport {
  format: 'lineup-benchmark';
  version: 1;
  id: string;
  createdAt: string;
  /** Reports are only comparable when made with the same suite. */
  suiteId: string;
  options: BenchmarkOptions;
  device: BenchmarkDevice;
  appVersion: string;
  engineVersion: string;
  models: BenchmarkModelResult[];
}

export interface ModelSummary {
  modelId: string;
  ttft: Summary | null;
  prefill: Summary | null;
  decode: Summary | null;
  coldLoad: Summary | null;
  cachedLoad: Summary | null;
  /** Per run (decode tok/s × weightBytes / 1e9), then summarised: the spread follows decode's. */
  bandwidthGBps: Summary | null;
  /** Tokens per run spent thinking and answering (reasoning models); null when no run says. */
  thinkingTokens: Summary | null;
  answerTokens: Summary | null;
  /** Measured runs summarised (after the prompt filter, if any). */
  runs: number;
  error: string | null;
}

/**
 * Summaries of one model's samples. All prompts are pooled unless `promptId` is given: TTFT and
 * prefill depend strongly on prompt length, so the results table can show them per prompt,
 * while decode speed hardly does and is fine pooled.
 */
export function summarizeModel(result: BenchmarkModelResult, promptId?: string): ModelSummary {
  const runs = promptId === undefined ? result.runs : result.runs.filter((run) => run.promptId === promptId);
  const loads = (kind: BenchmarkLoadSample['kind']) => summarize(result.loads.filter((load) => load.kind === kind).map((load) => load.ms));
  return {
    modelId: result.modelId,
    ttft: summarize(runs.map((run) => run.ttftMs)),
    prefill: summarize(runs.map((run) => run.prefillTokensPerSecond)),
    decode: summarize(runs.map((run) => run.decodeTokensPerSecond)),
    coldLoad: loads('cold'),
    cachedLoad: loads('cached'),
    bandwidthGBps: summarize(runs.map((run) => effectiveBandwidthGBps(run.decodeTokensPerSecond, result.weightBytes))),
    thinkingTokens: summarize(runs.map((run) => run.thinkingTokens)),
    answerTokens: summarize(runs.map(answerTokensOf)),
    runs: runs.length,
    error: result.error ?? null,
  };
}

/** The device part of a report, from the start-up GPU probe plus what only the page knows. */
export function deviceFromGpu(gpu: GpuReport, userAgent: string, label: string): BenchmarkDevice {
  return {
    gpuVendor: gpu.vendor,
    gpuArchitecture: gpu.architecture,
    gpuDescription: gpu.description,
    isFallbackAdapter: gpu.isFallbackAdapter,
    shaderF16: gpu.shaderF16,
    userAgent,
    label: label.trim(),
  };
}
