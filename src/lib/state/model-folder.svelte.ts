import type { CacheBackend } from '../engine/protocol';
import type { FolderTarget } from '../model-folder/folder-check';
import type { PickedFolder } from '../model-folder/folder-files';
import { t, tn } from '../i18n/i18n.svelte';

/** The folder code itself loads on first use (folder-work.ts): it is not needed to start the app. */
const work = () => import('../model-folder/folder-work');
/** The File System Access API's folder picker (Chrome, Edge), needed to save to a folder. */
const canPickFolderToSave = () => typeof (globalThis as { showDirectoryPicker?: unknown }).showDirectoryPicker === 'function';

/**
 * Models from a folder and to a folder (storage panel): check a picked folder, write it into the
 * cache with a progress bar, or save a cached model to a folder. One operation at a time.
 */
export class ModelFolderState {
  /** A model the person wants to add (from a failed download's "Add from a folder"), or null: match by library. */
  wanted = $state<FolderTarget | null>(null);
  busy = $state(false);
  writtenBytes = $state(0);
  totalBytes = $state(0);
  currentFile = $state('');
  problems = $state<string[]>([]);
  looksLike = $state<string | null>(null);
  message = $state<string | null>(null);

  readonly canSave = canPickFolderToSave();

  async addFromHandle(handle: FileSystemDirectoryHandle, candidates: readonly FolderTarget[], backend: CacheBackend): Promise<boolean> {
    return this.#add(async () => (await work()).folderFromHandle(handle), candidates, backend);
  }

  async addFromFileList(list: ArrayLike<File>, candidates: readonly FolderTarget[], backend: CacheBackend): Promise<boolean> {
    return this.#add(async () => (await work()).folderFromFileList(list), candidates, backend);
  }

  async #add(read: () => Promise<PickedFolder>, candidates: readonly FolderTarget[], backend: CacheBackend): Promise<boolean> {
    this.#start();
    try {
      const folder = await read();
      const { checkModelFolder, storesConfigAsJson, writeModelFiles } = await work();
      const manifest = storesConfigAsJson(__ENGINE_VERSION__) ? 'ndarray-cache.json' : 'tensor-cache.json';
      const verdict = await checkModelFolder(folder, candidates, this.wanted, manifest);
      if (!verdict.ok) {
        this.problems = verdict.problems;
        this.looksLike = verdict.looksLike;
        return false;
      }
      this.totalBytes = verdict.plan.totalBytes;
      await writeModelFiles(verdict.plan, backend, (progress) => {
        this.writtenBytes = progress.writtenBytes;
        this.currentFile = progress.file;
      });
      this.message = t('storage.folderAdded', { id: verdict.plan.target.id, folder: folder.name, files: tn('storage.files', verdict.plan.files.length) });
      this.wanted = null;
      return true;
    } catch (error) {
      this.problems = [t('storage.folderAddFailed', { message: (error as Error).message })];
      return false;
    } finally {
      this.busy = false;
    }
  }

  async save(model: { id: string; weightsUrl: string; libraryUrl: string | null }, backend: CacheBackend): Promise<void> {
    if (!this.canSave) {
      this.problems = [t('storage.folderCannotSave')];
      return;
    }
    const { pickFolderToSave, saveModelToFolder } = await work();
    let directory: FileSystemDirectoryHandle;
    try {
      directory = await pickFolderToSave();
    } catch {
      return; // the person closed the picker
    }
    this.#start();
    try {
      const report = await saveModelToFolder(directory, model, backend, (file) => (this.currentFile = file));
      const saved = { id: model.id, folder: `${directory.name}/${report.folder}`, files: tn('storage.files', report.files) };
      this.message = report.missingLibrary
        ? t('storage.folderSavedWithoutLibrary', { ...saved, library: report.missingLibrary })
        : t('storage.folderSaved', saved);
    } catch (error) {
      this.problems = [t('storage.folderSaveFailed', { message: (error as Error).message })];
    } finally {
      this.busy = false;
    }
  }

  #start(): void {
    this.busy = true;
    this.problems = [];
    this.looksLike = null;
    this.message = null;
    this.writtenBytes = 0;
    this.totalBytes = 0;
    this.currentFile = '';
  }
}
