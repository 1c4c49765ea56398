import type { GpuReport } from '../gpu/probe';
import { storageFigures, requestPersistence, type StorageFigures } from '../storage/model-cache';
import { checkModels, recommendedForCheck, type ModelCheck } from '../device/readiness';
import { readinessVerdict, type Verdict } from '../device/verdict';
import { DEVICE_CARD_FORMAT, DEVICE_CARD_VERSION, mergeDeviceCards, parseDeviceCards, withContentId, type DeviceCard } from '../device/device-card';
import { classTable, classTableCsv, type ClassTable } from '../device/class-table';
import { describeCounts } from '../files/merge-by-id';
import type { DeviceState } from './device.svelte';
import { t } from '../i18n/i18n.svelte';

/**
 * The readiness check (#check): this device's facts and verdict, its device card, and the class
 * table built from imported cards (kept for this visit only: the cards are the files).
 */
export class ReadinessState {
  figures = $state<StorageFigures>({ usage: null, quota: null, persisted: null });
  deviceName = $state('');
  cards = $state.raw<DeviceCard[]>([]);
  notice = $state<{ kind: 'info' | 'error'; text: string } | null>(null);
  readonly device: DeviceState;
  readonly #gpu: () => GpuReport | null;

  constructor(device: DeviceState, gpu: () => GpuReport | null) {
    this.device = device;
    this.#gpu = gpu;
  }

  models = $derived.by((): ModelCheck[] => {
    const gpu = this.#gpu();
    return gpu ? checkModels(recommendedForCheck(gpu), gpu, this.device.gbps) : [];
  });

  verdict = $derived.by((): Verdict | null => {
    const gpu = this.#gpu();
    return gpu ? readinessVerdict(gpu.available, this.models) : null;
  });

  table = $derived.by((): ClassTable => classTable(this.cards));

  async refresh(): Promise<void> {
    this.figures = await storageFigures();
  }

  async persist(): Promise<void> {
    await requestPersistence();
    await this.refresh();
  }

  /** This device's card, as exported. */
  card(userAgent = navigator.userAgent): DeviceCard | null {
    const gpu = this.#gpu();
    if (!gpu || !this.verdict) return null;
    const bandwidth = this.device.bandwidth;
    return withContentId({
      format: DEVICE_CARD_FORMAT,
      version: DEVICE_CARD_VERSION,
      name: this.deviceName.trim().slice(0, 120),
      createdAt: new Date().toISOString(),
      userAgent,
      gpu: {
        available: gpu.available,
        vendor: gpu.vendor,
        architecture: gpu.architecture,
        description: gpu.description,
        isFallbackAdapter: gpu.isFallbackAdapter,
        shaderF16: gpu.shaderF16,
        maxBufferSize: gpu.maxBufferSize,
        maxStorageBufferBindingSize: gpu.maxStorageBufferBindingSize,
      },
      storage: { quotaBytes: this.figures.quota, persisted: this.figures.persisted },
      bandwidth: bandwidth ? { gbps: bandwidth.gbps, method: bandwidth.method } : null,
      models: this.models.map(({ id, label, paramsB, runnable, ceilingTps }) => ({ id, label, paramsB, runnable, ceilingTps })),
      verdict: this.verdict.text,
    });
  }

  /** Add the cards in one file to the class table; a bad file changes nothing and says why. */
  importCards(text: string, fileName: string): void {
    try {
      const merged = mergeDeviceCards(this.cards, parseDeviceCards(text));
      this.cards = [...this.cards, ...merged.added];
      this.notice = { kind: 'info', text: t('device.imported', { file: fileName, counts: describeCounts(merged.counts) }) };
    } catch (error) {
      this.notice = { kind: 'error', text: t('device.notAdded', { file: fileName, reason: (error as Error).message }) };
    }
  }

  csv(): string {
    return classTableCsv(this.table);
  }
}
