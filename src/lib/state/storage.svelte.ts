import {
  deleteAllCachedModels,
  deleteCachedModel,
  listCachedModels,
  requestPersistence,
  storageFigures,
  type CachedModel,
  type StorageFigures,
} from '../storage/model-cache';

/** The storage panel: cached models, space used, browser quota, persistence. */
export class StorageState {
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
      // No Cache API (some private modes): say so instead of showing an empty, misleading list.
      this.error = `The browser's cache cannot be read here: ${(error as Error).message}`;
    }
  }

  isCached(weightsUrl: string): boolean {
    return this.models.some((model) => model.key === weightsUrl);
  }

  async remove(key: string): Promise<void> {
    await this.#busy(() => deleteCachedModel(key));
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
