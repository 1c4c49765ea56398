import type { EngineUsage, LoadResult } from '../engine/protocol';

/**
 * Everything measured for one pane's run. Two sources, kept apart so the UI can say which is which:
 * - wall clock: measured by the app with performance.now(), what a person actually waited;
 * - engine: web-llm's own usage statistics for the completion (prefill/decode speed, its TTFT).
 */
export interface RunMetrics {
  /** Wall clock: load call start → model ready (download + GPU upload + shader compile). */
  loadMs: number | null;
  /** Whether the weights came from the browser cache (no download). */
  fromCache: boolean | null;
  downloadedBytes: number;
  /** Wall clock: generate request sent → first token painted on screen. */
  firstTokenOnScreenMs: number | null;
  /** Wall clock: generate request sent → last token received. */
  generationMs: number | null;
  /** Engine: time to first token inside web-llm (prefill + first decode step). */
  engineTtftMs: number | null;
  prefillTokensPerSecond: number | null;
  decodeTokensPerSecond: number | null;
  promptTokens: number | null;
  completionTokens: number | null;
  /** Tokens spent thinking (`<think>…</think>`), counted as streamed; null: no reasoning in this output. */
  thinkingTokens: number | null;
  /** Generated tokens after the reasoning (completion − thinking); null without reasoning. */
  answerTokens: number | null;
  /** Wall clock: first thinking text on screen → first answer text on screen (or the end, if it never answered). */
  thinkingMs: number | null;
  /** Wall clock: generate request sent → first answer token on screen, thinking included. */
  answerOnScreenMs: number | null;
}

export function emptyMetrics(): RunMetrics {
  return {
    loadMs: null,
    fromCache: null,
    downloadedBytes: 0,
    firstTokenOnScreenMs: null,
    generationMs: null,
    engineTtftMs: null,
    prefillTokensPerSecond: null,
    decodeTokensPerSecond: null,
    promptTokens: null,
    completionTokens: null,
    thinkingTokens: null,
    answerTokens: null,
    thinkingMs: null,
    answerOnScreenMs: null,
  };
}

export function withLoad(metrics: RunMetrics, load: LoadResult): RunMetrics {
  return { ...metrics, loadMs: load.loadMs, fromCache: load.fromCache, downloadedBytes: load.receivedBytes };
}

/** Engine figures are only trusted when positive and finite (web-llm reports 0/NaN for 0-1 tokens). */
export function withUsage(metrics: RunMetrics, usage: EngineUsage | null): RunMetrics {
  if (!usage) return metrics;
  return {
    ...metrics,
    engineTtftMs: positive(usage.timeToFirstTokenSeconds * 1000),
    prefillTokensPerSecond: positive(usage.prefillTokensPerSecond),
    decodeTokensPerSecond: positive(usage.decodeTokensPerSecond),
    promptTokens: usage.promptTokens,
    completionTokens: usage.completionTokens,
  };
}

function positive(value: number): number | null {
  return Number.isFinite(value) && value > 0 ? value : null;
}

/**
 * Splits the engine's completion tokens into thinking and answer. `thinkingTokens` is what the
 * worker counted before the answer began; without a reasoning section both stay null ("—").
 */
export function withThinkingTokens(metrics: RunMetrics, thinkingTokens: number | undefined, hadThinking: boolean): RunMetrics {
  if (!hadThinking || thinkingTokens === undefined) return { ...metrics, thinkingTokens: null, answerTokens: null };
  const completion = metrics.completionTokens;
  const thinking = completion === null ? thinkingTokens : Math.min(thinkingTokens, completion);
  return { ...metrics, thinkingTokens: thinking, answerTokens: completion === null ? null : completion - thinking };
}

/** Wall-clock milliseconds of the whole pane: load (if any) plus generation. */
export function totalMs(metrics: RunMetrics): number | null {
  if (metrics.generationMs === null) return null;
  return (metrics.loadMs ?? 0) + metrics.generationMs;
}
