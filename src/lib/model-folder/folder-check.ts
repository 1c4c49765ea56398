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
const bytes = (count: number) => `${count.toLocaleString('en-US')} bytes`;
const fileNameOf = (url: string) => decodeURIComponent(new URL(url).pathname.split('/').pop() ?? '');
/** Repository name of a weights URL: `…/mlc-ai/<name>/resolve/main/` → `<name>`. */
export const repoNameOf = (weightsUrl: string) => /([^/]+)\/resolve\/[^/]+\/?$/.exec(weightsUrl)?.[1] ?? '';

/** The folder holding mlc-chat-config.json: the picked folder itself, or its one model subfolder. */
function modelRoot(folder: PickedFolder): { name: string; files: Map<string, Blob> } | string {
  const configs = folder.files.filter((entry) => entry.path.split('/').pop() === 'mlc-chat-config.json');
  const top = configs.find((entry) => entry.path === 'mlc-chat-config.json');
  const prefix = top ? '' : configs.length === 1 ? configs[0]!.path.replace(/mlc-chat-config\.json$/, '') : null;
  if (prefix === null) {
    if (configs.length === 0) return `There is no mlc-chat-config.json in "${folder.name}": this is not an MLC model folder (pick the folder that holds the model's files).`;
    return `"${folder.name}" holds ${configs.length} models (${configs.map((entry) => entry.path.split('/')[0]).join(', ')}): pick one of them.`;
  }
  const files = new Map<string, Blob>();
  for (const entry of folder.files as FolderFile[]) {
    if (entry.path.startsWith(prefix) && !entry.path.slice(prefix.length).includes('/')) files.set(entry.path.slice(prefix.length), entry.file);
  }
  return { name: prefix ? prefix.slice(0, -1) : folder.name, files };
}

async function readChecked(name: string, file: Blob, role: FileRole): Promise<{ json: Record<string, unknown> } | { problem: string }> {
  const problem = checkFile(role, new Uint8Array(await file.arrayBuffer()), file.type || null);
  if (problem) return { problem: `${name} cannot be used: ${problem.detail}.` };
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
  if (!manifestName) problems.push('tensor-cache.json is missing: it lists the weight shards, so the model cannot be checked or loaded without it.');
  else {
    const manifest = await readChecked(manifestName, root.files.get(manifestName)!, 'manifest');
    if ('problem' in manifest) problems.push(manifest.problem);
    else shards = shardsOf(manifest.json);
  }
  for (const shard of shards) {
    const file = root.files.get(shard.dataPath);
    if (!file) problems.push(`${shard.dataPath} is missing (${manifestName} lists it, ${bytes(shard.nbytes)}).`);
    else if (file.size !== shard.nbytes) {
      problems.push(`${shard.dataPath} is ${bytes(file.size)}, but ${manifestName} says ${bytes(shard.nbytes)}: the copy is ${file.size < shard.nbytes ? 'cut short' : 'not this model\'s'}.`);
    }
  }

  const tokenizerFiles = (json?.tokenizer_files as string[] | undefined) ?? [];
  const tokenizer = tokenizerFiles.includes('tokenizer.json') ? 'tokenizer.json' : tokenizerFiles.includes('tokenizer.model') ? 'tokenizer.model' : null;
  if (tokenizer && !root.files.has(tokenizer)) problems.push(`${tokenizer} is missing (mlc-chat-config.json names it as the tokenizer).`);
  else if (tokenizer) {
    const checked = await readChecked(tokenizer, root.files.get(tokenizer)!, tokenizer.endsWith('.json') ? 'tokenizer-json' : 'tokenizer-binary');
    if ('problem' in checked) problems.push(checked.problem);
  }

  const wasmNames = [...root.files.keys()].filter((name) => name.endsWith('.wasm'));
  const target = pickTarget(wasmNames, root.name, candidates, wanted);
  if (!target) {
    problems.push(wasmNames.length === 0
      ? 'There is no model library (.wasm) in the folder: copy the library file next to the weights.'
      : `No model in the catalog or your custom models uses the library ${wasmNames.join(', ')}. Add it as a custom model first, then add the folder.`);
    return { ok: false, problems, looksLike };
  }
  const libraryName = fileNameOf(target.libraryUrl);
  if (!root.files.has(libraryName)) {
    problems.push(`${target.id} needs the model library ${libraryName}, and it is not in the folder${wasmNames.length ? ` (it has ${wasmNames.join(', ')})` : ''}.`);
  }
  const quantization = typeof json?.quantization === 'string' ? json.quantization : null;
  if (quantization && target.quantization && quantization.toLowerCase() !== target.quantization.toLowerCase()) {
    problems.push(`mlc-chat-config.json is for quantization ${quantization}, but ${target.id} is ${target.quantization}: these are another variant's files.`);
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
