/**
 * The contract between the page and the bandwidth probe worker (workers/bandwidth.worker.ts),
 * one type for both sides as for the engine worker (engine/protocol.ts). Errors keep their
 * `name` across comlink: `BandwidthProbeError` for "this adapter cannot run the probe".
 */
import type { BandwidthMeasurement } from './bandwidth-stats';

export interface BandwidthProbeApi {
  /** Read a large storage buffer several times on the high-performance adapter and time it. */
  measure(): Promise<BandwidthMeasurement>;
}

export const BANDWIDTH_PROBE_ERROR = 'BandwidthProbeError';
