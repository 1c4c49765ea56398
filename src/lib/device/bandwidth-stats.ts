/**
 * The arithmetic of the bandwidth probe (workers/bandwidth-probe.ts): how large a buffer to
 * read, and what figure the timed passes give. Kept apart from WebGPU so it can be tested.
 */
import { median } from '../benchmark/statistics';

/** How a pass was timed. Timestamp queries time the GPU work itself; the fallback includes submit overhead. */
export type TimingMethod = 'timestamp-query' | 'submitted-work-done';

/**
 * How a pass was timed, in English. The worker (bandwidth-probe.ts) imports this module, so it
 * must not import the i18n runes; the words on screen come from ./bandwidth-format.ts.
 */
export const TIMING_METHOD_LABEL: Record<TimingMethod, string> = {
  'timestamp-query': 'GPU timestamp queries',
  'submitted-work-done': 'wall clock around onSubmittedWorkDone (no timestamp queries on this adapter)',
};

/** One finished measurement, as cached per adapter and shown. */
export interface BandwidthMeasurement {
  /** Median read bandwidth over the passes, GB/s (1 GB = 1e9 bytes, as vendors state it). */
  gbps: number;
  minGBps: number;
  maxGBps: number;
  passes: number;
  bytesPerPass: number;
  method: TimingMethod;
  /** ISO time of the measurement. */
  measuredAt: string;
}

/** 256 MiB reads long enough (tens of ms on SwiftShader, ~1 ms on a discrete GPU) to swamp dispatch cost. */
export const TARGET_PROBE_BYTES = 256 * 1024 * 1024;
/** Below this the passes are too short to time with a wall clock. */
export const MIN_PROBE_BYTES = 16 * 1024 * 1024;

/**
 * Bytes of the storage buffer the probe reads: the target, or less when the adapter's limits
 * (one binding, one buffer) are smaller; a multiple of 16 (the shader reads vec4<u32>) and of
 * the workgroup stride. 0 when even the minimum does not fit.
 */
export function probeBufferBytes(limits: { maxStorageBufferBindingSize: number; maxBufferSize: number }, target = TARGET_PROBE_BYTES): number {
  const cap = Math.min(target, limits.maxStorageBufferBindingSize, limits.maxBufferSize);
  if (!Number.isFinite(cap) || cap < MIN_PROBE_BYTES) return 0;
  const unit = 1024 * 1024;
  return Math.floor(cap / unit) * unit;
}

/** GB/s of one pass; null for a pass that cannot be right (no time, or no bytes). */
export function passGBps(bytes: number, seconds: number): number | null {
  if (!(bytes > 0) || !(seconds > 0) || !Number.isFinite(bytes) || !Number.isFinite(seconds)) return null;
  return bytes / seconds / 1e9;
}

/** Fewer valid passes than this and the median says nothing. */
export const MIN_VALID_PASSES = 3;

/**
 * The measurement from the timed passes (seconds each; the warm-up pass already left out):
 * the median, which one slow pass (another tab, a GC) does not move, and the spread.
 */
export function summarisePasses(bytesPerPass: number, passSeconds: readonly number[], method: TimingMethod, now = new Date()): BandwidthMeasurement | null {
  const rates = passSeconds.map((seconds) => passGBps(bytesPerPass, seconds)).filter((rate): rate is number => rate !== null);
  if (rates.length < MIN_VALID_PASSES) return null;
  const sorted = [...rates].sort((a, b) => a - b);
  return {
    gbps: median(sorted),
    minGBps: sorted[0]!,
    maxGBps: sorted.at(-1)!,
    passes: rates.length,
    bytesPerPass,
    method,
    measuredAt: now.toISOString(),
  };
}

/** A pass shorter than this is dominated by timer resolution (timestamps are quantised to 0.1 ms in Chrome). */
export const MIN_PASS_SECONDS = 0.02;
export const MAX_REPEATS = 64;

/**
 * How many times each timed pass reads the whole buffer, from the warm-up pass's time: enough
 * for a pass to last MIN_PASS_SECONDS on a fast GPU, 1 on a slow one.
 */
export function repeatsFor(warmupSeconds: number): number {
  if (!(warmupSeconds > 0) || !Number.isFinite(warmupSeconds)) return 1;
  return Math.max(1, Math.min(MAX_REPEATS, Math.ceil(MIN_PASS_SECONDS / warmupSeconds)));
}
