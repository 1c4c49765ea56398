import {
  deleteAllCachedModels,
  deleteCachedLibrary,
  deleteCachedModel,
  listCachedModels,
  requestPersistence,
  storageFigures,
  type CachedModel,
  type StorageFigures,
} from '../storage/model-cache';
import { DownloadSourceState } from './download-source.svelte';
import { sameModelFiles, sourceVariants } from '../download-source/cache-keys';
import { i18n, t } from '../i18n/i18n.svelte';

/** The storage panel: cached models, space used, browser quota, persistence. */
export class StorageState {
  /** Where models are downloaded from (a cached copy from any source is used first). */
  readonly sources = new DownloadSourceState();
  models = $state<CachedModel[]>([]);
  figures = $state<StorageFigures>({ usage: null, quota: null, persisted: null });
  busy = $state(false);
  error = $state<string | null>(null);

  cachedBytes = $derived(this.models.reduce((sum, model) => sum + model.bytes, 0));

  async refresh(): Promise<void> {
    try {
      const [models, figures] = await Promise.all([listCachedModels(), storageFigures()]);
      this.models = models;
      this.figures = figures;
      this.error = null;
    } catch (error) {
      // No Cache API (some private modes): say so instead of showing an empty, misleading list
      // (its words may be asked for before the storage panel was ever opened).
      await i18n.need(['storage']).catch(() => undefined);
      this.error = t('storage.cacheUnreadable', { message: (error as Error).message });
    }
  }

  /** Is this model cached, from whichever download source? */
  isCached(weightsUrl: string): boolean {
    return this.models.some((model) => sameModelFiles(model.key, weightsUrl));
  }

  /** Delete a model's cached files: its copies from every download source. */
  async remove(key: string): Promise<void> {
    await this.#busy(async () => {
      for (const variant of sourceVariants(key)) await deleteCachedModel(variant);
    });
  }

  /** Delete a cached model library, its copies from every download source (the weights stay). */
  async removeLibrary(url: string): Promise<void> {
    await this.#busy(async () => {
      for (const variant of sourceVariants(url)) await deleteCachedLibrary(variant);
    });
  }

  async removeAll(): Promise<void> {
    await this.#busy(() => deleteAllCachedModels());
  }

  async persist(): Promise<void> {
    await this.#busy(() => requestPersistence());
  }

  async #busy(work: () => Promise<unknown>): Promise<void> {
    this.busy = true;
    try {
      await work();
    } catch (error) {
      this.error = (error as Error).message;
    } finally {
      this.busy = false;
      await this.refresh();
    }
  }
}
