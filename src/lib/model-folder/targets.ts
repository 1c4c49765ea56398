import { toModelSpec, type CatalogEntry } from '../catalog/catalog';
import type { FolderTarget } from './folder-check';

/** A catalog or custom model as a folder may match it: the URLs it is fetched from (mirrors applied). */
export function folderTargetOf(entry: CatalogEntry): FolderTarget {
  const spec = toModelSpec(entry);
  return { id: entry.id, weightsUrl: spec.weightsUrl, libraryUrl: spec.libraryUrl, quantization: entry.meta.quantCode };
}
