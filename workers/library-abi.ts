/**
 * The ABI check: what a compiled model library imports against what this build's web-llm
 * runtime (tvmjs) provides, and which exports the runtime will call. The table comes from
 * web-llm's own code (scripts/extract-runtime-abi.mjs; a unit test fails when it is stale).
 */
import abiTable from './runtime-abi.json';

export interface RuntimeAbi {
  webllmVersion: string;
  /** Function names the runtime passes per import module (`env`, `wasi_snapshot_preview1`). */
  provides: Record<string, string[]>;
  /** Library exports the runtime calls (its validateInstance and FFI calls). */
  requiresExports: string[];
}

const TABLE = abiTable as Record<string, RuntimeAbi>;

/** The ABI of the runtime with this modelVersion, or null for one we have no table for. */
export function runtimeAbiFor(modelVersion: string): RuntimeAbi | null {
  return Object.hasOwn(TABLE, modelVersion) ? TABLE[modelVersion]! : null;
}

export interface AbiMismatch {
  /** `module.name` of each import the runtime does not provide. */
  missingImports: string[];
  missingExports: string[];
}

export function compareAbi(
  imports: readonly WebAssembly.ModuleImportDescriptor[],
  exports: readonly WebAssembly.ModuleExportDescriptor[],
  abi: RuntimeAbi,
): AbiMismatch {
  const provided = new Map(Object.entries(abi.provides).map(([module, names]) => [module, new Set(names)]));
  const missingImports = imports
    .filter((entry) => entry.kind !== 'function' || !provided.get(entry.module)?.has(entry.name))
    .map((entry) => `${entry.module}.${entry.name}`);
  const exported = new Set(exports.filter((entry) => entry.kind === 'function').map((entry) => entry.name));
  const missingExports = abi.requiresExports.filter((name) => !exported.has(name));
  return { missingImports, missingExports };
}

export function isMismatch(mismatch: AbiMismatch): boolean {
  return mismatch.missingImports.length > 0 || mismatch.missingExports.length > 0;
}

/** One line for the technical details: the first few names of each list. */
export function describeMismatch(mismatch: AbiMismatch): string {
  const list = (names: string[]) => names.slice(0, 6).join(', ') + (names.length > 6 ? ` and ${names.length - 6} more` : '');
  const parts = [];
  if (mismatch.missingImports.length) parts.push(`imports the runtime does not provide: ${list(mismatch.missingImports)}`);
  if (mismatch.missingExports.length) parts.push(`exports the runtime needs but the library lacks: ${list(mismatch.missingExports)}`);
  return parts.join('; ');
}
