/** Saving and opening files without a server: a download link for exports, FileReader for imports. */
import { formatNumber, i18n, t } from '../i18n/i18n.svelte';

// Its messages are in the storage namespace: asked for with the code, so they are there by the
// time a person has picked a file (whichever view imports this).
void i18n.need(['storage']).catch(() => undefined);

/** Largest file we read for an import; anything bigger is surely not a Lineup export. */
export const MAX_IMPORT_BYTES = 20 * 1024 * 1024;

export function downloadText(fileName: string, text: string, mimeType: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: `${mimeType};charset=utf-8` }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.rel = 'noopener';
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

export async function readFileText(file: File): Promise<string> {
  if (file.size > MAX_IMPORT_BYTES) {
    const size = formatNumber(file.size / 1024 / 1024, { minimumFractionDigits: 1, maximumFractionDigits: 1 });
    throw new Error(t('storage.importTooLarge', { name: file.name, size, limit: formatNumber(MAX_IMPORT_BYTES / 1024 / 1024) }));
  }
  return file.text();
}
