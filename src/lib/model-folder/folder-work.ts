/**
 * Everything that reads, checks and writes model folders, in one module so the storage panel can
 * load it on first use: a folder is added or saved rarely, and this code (the file checks, the
 * cache and OPFS writers) would otherwise be part of every visitor's first page load.
 */
export { checkModelFolder } from './folder-check';
export { folderFromFileList, folderFromHandle } from './folder-files';
export { storesConfigAsJson, writeModelFiles } from './cache-writer';
export { pickFolderToSave, saveModelToFolder } from './folder-export';
