/**
 * A picked folder as a flat list of files with paths relative to it, whichever picker was used:
 * the File System Access directory picker (a handle, walked here) or `<input webkitdirectory>`
 * (a FileList whose `webkitRelativePath` starts with the folder's own name).
 */
export interface FolderFile {
  /** Path inside the picked folder, '/'-separated, e.g. `params_shard_0.bin` or `Qwen…-MLC/tokenizer.json`. */
  path: string;
  file: Blob;
}

export interface PickedFolder {
  /** The folder's own name (the model's repository name when it was saved by Lineup). */
  name: string;
  files: FolderFile[];
}

/** From `<input webkitdirectory>`: every path starts with the picked folder's name. */
export function folderFromFileList(list: ArrayLike<File>): PickedFolder {
  const files = Array.from(list);
  const first = files[0]?.webkitRelativePath ?? '';
  const name = first.split('/')[0] ?? '';
  return {
    name,
    files: files.map((file) => ({ path: (file.webkitRelativePath || file.name).split('/').slice(1).join('/') || file.name, file })),
  };
}

/** Deep enough for a folder of saved models (folder/model/file); deeper trees are not model folders. */
const MAX_DEPTH = 2;

/** From the directory picker: walks the handle (files and one level of subfolders). */
export async function folderFromHandle(handle: FileSystemDirectoryHandle): Promise<PickedFolder> {
  const files: FolderFile[] = [];
  await walk(handle, '', 0, files);
  return { name: handle.name, files };
}

async function walk(dir: FileSystemDirectoryHandle, prefix: string, depth: number, out: FolderFile[]): Promise<void> {
  for await (const entry of (dir as unknown as { values(): AsyncIterable<FileSystemHandle> }).values()) {
    if (entry.kind === 'file') out.push({ path: prefix + entry.name, file: await (entry as FileSystemFileHandle).getFile() });
    else if (depth < MAX_DEPTH - 1) await walk(entry as FileSystemDirectoryHandle, `${prefix}${entry.name}/`, depth + 1, out);
  }
}
