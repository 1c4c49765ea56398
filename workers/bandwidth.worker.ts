/**
 * The bandwidth probe's worker: the measurement waits on the GPU for a few hundred ms and
 * allocates a large buffer, so it never runs on the page's thread. Started like the engine
 * worker (blob: URL, under the page's privacy policy); it fetches nothing.
 */
import * as Comlink from 'comlink';
import { measureBandwidth } from './bandwidth-probe';
import type { BandwidthProbeApi } from '../src/lib/device/probe-protocol';

if (self.location.protocol !== 'blob:') {
  throw new Error('The bandwidth worker must be started through the page (blob: URL), where the privacy policy binds it.');
}

const api: BandwidthProbeApi = { measure: () => measureBandwidth() };
Comlink.expose(api);
