import * as Comlink from 'comlink';
import { startPolicyBoundWorker } from '../security/policy-bound-worker';
import type { BandwidthMeasurement } from './bandwidth-stats';
import type { BandwidthProbeApi } from './probe-protocol';
import bandwidthWorkerUrl from '../../../workers/bandwidth.worker.ts?worker&url';
import { t } from '../i18n/i18n.svelte';

/** The probe's worker runs one measurement and is closed: its GPU device and 256 MB buffer go with it. */
const PROBE_TIMEOUT_MS = 60_000;

export async function measureInWorker(): Promise<BandwidthMeasurement> {
  const worker = startPolicyBoundWorker(bandwidthWorkerUrl, 'lineup-bandwidth');
  const api = Comlink.wrap<BandwidthProbeApi>(worker);
  let timer: ReturnType<typeof setTimeout> | undefined;
  const death = new Promise<never>((_, reject) => {
    worker.addEventListener('error', (event) => {
      event.preventDefault();
      reject(new Error(event.message || t('device.probeStopped')));
    });
    timer = setTimeout(() => reject(new Error(t('device.probeTimeout'))), PROBE_TIMEOUT_MS);
  });
  try {
    return await Promise.race([api.measure(), death]);
  } finally {
    clearTimeout(timer);
    api[Comlink.releaseProxy]();
    worker.terminate();
  }
}
