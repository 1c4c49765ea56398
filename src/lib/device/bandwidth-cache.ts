/**
 * Measured bandwidth, kept per adapter in IndexedDB: the probe takes a moment and the GPU does
 * not change between visits. Read back as untrusted (another version, a damaged store): a value
 * that is not a sane measurement is ignored, and the person can measure again.
 */
import { get, set } from 'idb-keyval';
import type { GpuReport } from '../gpu/probe';
import type { BandwidthMeasurement } from './bandwidth-stats';

const PREFIX = 'lineup:bandwidth:';

/** One key per adapter: what WebGPU tells apart (vendor, architecture, device, description, software or not). */
export function adapterKey(report: Pick<GpuReport, 'vendor' | 'architecture' | 'device' | 'description' | 'isFallbackAdapter'>): string {
  return [report.vendor, report.architecture, report.device, report.description, report.isFallbackAdapter ? 'fallback' : 'hardware'].join('|');
}

const positive = (value: unknown): value is number => typeof value === 'number' && Number.isFinite(value) && value > 0;

/** The stored value if it is a measurement this version can use; null otherwise. */
export function readMeasurement(value: unknown): BandwidthMeasurement | null {
  if (typeof value !== 'object' || value === null) return null;
  const record = value as Record<string, unknown>;
  if (!positive(record.gbps) || !positive(record.minGBps) || !positive(record.maxGBps) || !positive(record.bytesPerPass)) return null;
  if (!positive(record.passes) || !Number.isInteger(record.passes)) return null;
  if (record.method !== 'timestamp-query' && record.method !== 'submitted-work-done') return null;
  if (typeof record.measuredAt !== 'string' || !Number.isFinite(Date.parse(record.measuredAt))) return null;
  return {
    gbps: record.gbps,
    minGBps: record.minGBps,
    maxGBps: record.maxGBps,
    passes: record.passes,
    bytesPerPass: record.bytesPerPass,
    method: record.method,
    measuredAt: record.measuredAt,
  };
}

export async function cachedBandwidth(key: string): Promise<BandwidthMeasurement | null> {
  try {
    return readMeasurement(await get(PREFIX + key));
  } catch {
    return null; // no IndexedDB (private mode): measure again
  }
}

export async function storeBandwidth(key: string, measurement: BandwidthMeasurement): Promise<void> {
  try {
    await set(PREFIX + key, measurement);
  } catch {
    // Not kept: the figure still shows for this visit.
  }
}
