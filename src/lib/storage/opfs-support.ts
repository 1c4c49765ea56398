/**
 * Whether this browser has an origin private file system (not in some private modes, older
 * Safari). Apart from opfs-store.ts so the storage panel can ask without loading the store.
 */
export function opfsAvailable(): boolean {
  return typeof navigator !== 'undefined' && typeof navigator.storage?.getDirectory === 'function';
}
