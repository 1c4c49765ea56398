import type { GpuReport } from '../gpu/probe';
import { adapterKey, cachedBandwidth, storeBandwidth } from '../device/bandwidth-cache';
import type { BandwidthMeasurement } from '../device/bandwidth-stats';
import { t } from '../i18n/i18n.svelte';

/**
 * This device's measured memory bandwidth: read from the per-adapter cache at start-up, measured
 * on demand (in a worker, loaded on first use). Catalog cards, panes and benchmark rows derive
 * their speed ceilings from `gbps`.
 */
export class DeviceState {
  bandwidth = $state<BandwidthMeasurement | null>(null);
  measuring = $state(false);
  error = $state<string | null>(null);
  /** Whether `bandwidth` was measured in this visit or read from the cache. */
  fromCache = $state(false);

  gbps = $derived(this.bandwidth?.gbps ?? null);

  async restore(report: GpuReport | null): Promise<void> {
    if (!report?.available) return;
    const cached = await cachedBandwidth(adapterKey(report));
    if (cached && !this.bandwidth) {
      this.bandwidth = cached;
      this.fromCache = true;
    }
  }

  async measure(report: GpuReport | null): Promise<void> {
    if (this.measuring || !report?.available) return;
    this.measuring = true;
    this.error = null;
    try {
      const { measureInWorker } = await import('../device/bandwidth-client');
      const measurement = await measureInWorker();
      this.bandwidth = measurement;
      this.fromCache = false;
      await storeBandwidth(adapterKey(report), measurement);
    } catch (error) {
      this.error = t('device.measureFailed', { reason: (error as Error).message });
    } finally {
      this.measuring = false;
    }
  }
}
