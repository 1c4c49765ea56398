/**
 * Is this picked folder a complete copy of one model, and which model? Everything in it is
 * untrusted (a half-copied USB stick, a wrong folder, a doctored manifest), so the folder is
 * checked with the same validators the engine worker applies to downloads
 * (workers/model-files/file-checks.ts), every shard is checked against tensor-cache.json (present,
 * exact size), and the set is matched to a catalog or custom model by its library's file name.
 * The result lists every problem found, naming the file, so one look says what to copy again.
 */
import { checkFile, shardsOf, type FileRole } from '../../../workers/model-files/file-checks';
import type { FolderFile, PickedFolder } from './folder-files';
import { t, tn } from '../i18n/i18n.svelte';

/** A model the folder may be for: its URLs are where web-llm will look for the files. */
export interface FolderTarget {
  id: string;
  weightsUrl: string;
  libraryUrl: string;
  /** Quantization code from the catalog (`q4f32_1`), null when unknown (custom models). */
  quantization: string | null;
}

export type WebllmScope = 'webllm/config' | 'webllm/model' | 'webllm/wasm';
/** How web-llm reads the file back: IndexedDB keeps parsed JSON for some, bytes for others. */
export type StoredRole = 'config' | 'manifest' | 'bytes';

export interface PlannedFile {
  name: string;
  scope: WebllmScope;
  url: string;
  role: StoredRole;
  file: Blob;
}

export interface FolderPlan {
  target: FolderTarget;
  files: PlannedFile[];
  totalBytes: number;
}

export type FolderVerdict =
  | { ok: true; plan: FolderPlan }
  | { ok: false; problems: string[]; looksLike: string | null };

const MANIFESTS = ['tensor-cache.json', 'ndarray-cache.json'] as const;
const bytes = (count: number) => tn('storage.bytes', count);
const fileNameOf = (url: string) => decodeURIComponent(new URL(url).pathname.split('/').pop() ?? '');
/** Repository name of a weights URL: `…/mlc-ai/<name>/resolve/main/` → `<name>`. */
export const repoNameOf = (weightsUrl: string) => /([^/]+)\/resolve\/[^/]+\/?$/.exec(weightsUrl)?.[1] ?? '';

/** The folder holding mlc-chat-config.json: the picked folder itself, or its one model subfolder. */
function modelRoot(folder: PickedFolder): { name: string; files: Map<string, Blob> } | string {
  const configs = folder.files.filter((entry) => entry.path.split('/').pop() === 'mlc-chat-config.json');
  const top = configs.find((entry) => entry.path === 'mlc-chat-config.json');
  const prefix = top ? '' : configs.length === 1 ? configs[0]!.path.replace(/mlc-chat-config\.json$/, '') : null;
  if (prefix === null) {
    if (configs.length === 0) return t('storage.checkNoConfig', { folder: folder.name });
    return tn('storage.checkManyModels', configs.length, { folder: folder.name, names: configs.map((entry) => entry.path.split('/')[0]).join(', ') });
  }
  const files = new Map<string, Blob>();
  for (const entry of folder.files as FolderFile[]) {
    if (entry.path.startsWith(prefix) && !entry.path.slice(prefix.length).includes('/')) files.set(entry.path.slice(prefix.length), entry.file);
  }
  return { name: prefix ? prefix.slice(0, -1) : folder.name, files };
}

async function readChecked(name: string, file: Blob, role: FileRole): Promise<{ json: Record<string, unknown> } | { problem: string }> {
  const problem = checkFile(role, new Uint8Array(await file.arrayBuffer()), file.type || null);
  if (problem) return { problem: t('storage.checkFileUnusable', { file: name, detail: problem.detail }) };
  return { json: role === 'tokenizer-binary' ? {} : (JSON.parse(await file.text()) as Record<string, unknown>) };
}

/** Which model the folder is for: `wanted` (from a failed download) or the one whose library is in it. */
function pickTarget(wasmNames: string[], folderName: string, candidates: readonly FolderTarget[], wanted: FolderTarget | null): FolderTarget | null {
  if (wanted) return wanted;
  const matches = candidates.filter((candidate) => wasmNames.includes(fileNameOf(candidate.libraryUrl)));
  return matches.find((candidate) => repoNameOf(candidate.weightsUrl) === folderName) ?? matches[0] ?? null;
}

/**
 * Checks the folder and plans the cache entries. `engineManifest` is the manifest name this
 * build's web-llm reads (tensor-cache.json; ndarray-cache.json before 0.2.80): a folder with only
 * the other name is stored under both.
 */
export async function checkModelFolder(
  folder: PickedFolder,
  candidates: readonly FolderTarget[],
  wanted: FolderTarget | null = null,
  engineManifest: (typeof MANIFESTS)[number] = 'tensor-cache.json',
): Promise<FolderVerdict> {
  const root = modelRoot(folder);
  if (typeof root === 'string') return { ok: false, problems: [root], looksLike: null };
  const problems: string[] = [];
  const config = await readChecked('mlc-chat-config.json', root.files.get('mlc-chat-config.json')!, 'config');
  const json = 'json' in config ? config.json : null;
  if ('problem' in config) problems.push(config.problem);
  const looksLike = describe(root.name, json);

  const manifestName = MANIFESTS.find((name) => root.files.has(name));
  let shards: ReturnType<typeof shardsOf> = [];
  if (!manifestName) problems.push(t('storage.checkNoManifest'));
  else {
    const manifest = await readChecked(manifestName, root.files.get(manifestName)!, 'manifest');
    if ('problem' in manifest) problems.push(manifest.problem);
    else shards = shardsOf(manifest.json);
  }
  for (const shard of shards) {
    const file = root.files.get(shard.dataPath);
    if (!file) problems.push(t('storage.checkShardMissing', { file: shard.dataPath, manifest: manifestName!, size: bytes(shard.nbytes) }));
    else if (file.size !== shard.nbytes) {
      const sizes = { file: shard.dataPath, manifest: manifestName!, actual: bytes(file.size), expected: bytes(shard.nbytes) };
      problems.push(t(file.size < shard.nbytes ? 'storage.checkShardShort' : 'storage.checkShardForeign', sizes));
    }
  }

  const tokenizerFiles = (json?.tokenizer_files as string[] | undefined) ?? [];
  const tokenizer = tokenizerFiles.includes('tokenizer.json') ? 'tokenizer.json' : tokenizerFiles.includes('tokenizer.model') ? 'tokenizer.model' : null;
  if (tokenizer && !root.files.has(tokenizer)) problems.push(t('storage.checkTokenizerMissing', { file: tokenizer }));
  else if (tokenizer) {
    const checked = await readChecked(tokenizer, root.files.get(tokenizer)!, tokenizer.endsWith('.json') ? 'tokenizer-json' : 'tokenizer-binary');
    if ('problem' in checked) problems.push(checked.problem);
  }

  const wasmNames = [...root.files.keys()].filter((name) => name.endsWith('.wasm'));
  const target = pickTarget(wasmNames, root.name, candidates, wanted);
  if (!target) {
    problems.push(wasmNames.length === 0 ? t('storage.checkNoLibrary') : t('storage.checkUnknownLibrary', { files: wasmNames.join(', ') }));
    return { ok: false, problems, looksLike };
  }
  const libraryName = fileNameOf(target.libraryUrl);
  if (!root.files.has(libraryName)) {
    const missing = { id: target.id, library: libraryName };
    problems.push(wasmNames.length ? t('storage.checkLibraryMissingHas', { ...missing, files: wasmNames.join(', ') }) : t('storage.checkLibraryMissing', missing));
  }
  const quantization = typeof json?.quantization === 'string' ? json.quantization : null;
  if (quantization && target.quantization && quantization.toLowerCase() !== target.quantization.toLowerCase()) {
    problems.push(t('storage.checkQuantization', { found: quantization, id: target.id, expected: target.quantization }));
  }
  if (problems.length > 0) return { ok: false, problems, looksLike };
  return { ok: true, plan: planFor(target, root.files, json!, shards.map((shard) => shard.dataPath), manifestName!, engineManifest) };
}

function describe(name: string, config: Record<string, unknown> | null): string {
  const traits = [config?.model_type, config?.quantization].filter((value): value is string => typeof value === 'string');
  return traits.length ? `${name} (${traits.join(', ')})` : name;
}

function planFor(
  target: FolderTarget,
  files: Map<string, Blob>,
  config: Record<string, unknown>,
  shardNames: string[],
  manifestName: string,
  engineManifest: string,
): FolderPlan {
  const at = (name: string) => new URL(name, target.weightsUrl).href;
  const planned: PlannedFile[] = [{ name: 'mlc-chat-config.json', scope: 'webllm/config', url: at('mlc-chat-config.json'), role: 'config', file: files.get('mlc-chat-config.json')! }];
  if (files.has('mlc-model-manifest.json')) {
    planned.push({ name: 'mlc-model-manifest.json', scope: 'webllm/config', url: at('mlc-model-manifest.json'), role: 'bytes', file: files.get('mlc-model-manifest.json')! });
  }
  const manifests = new Set([...MANIFESTS.filter((name) => files.has(name)), engineManifest]);
  for (const name of manifests) {
    planned.push({ name, scope: 'webllm/model', url: at(name), role: 'manifest', file: files.get(name) ?? files.get(manifestName)! });
  }
  const tokenizerFiles = (config.tokenizer_files as string[]).filter((name) => files.has(name));
  for (const name of new Set([...tokenizerFiles, ...shardNames])) {
    planned.push({ name, scope: 'webllm/model', url: at(name), role: 'bytes', file: files.get(name)! });
  }
  planned.push({ name: fileNameOf(target.libraryUrl), scope: 'webllm/wasm', url: target.libraryUrl, role: 'bytes', file: files.get(fileNameOf(target.libraryUrl))! });
  return { target, files: planned, totalBytes: planned.reduce((sum, entry) => sum + entry.file.size, 0) };
}
