// `--models <id,...>`: downloads catalog models from Hugging Face and the model library repository
// into a folder of saved models (one subfolder per model, the layout "Save to folder" writes), once,
// so the class downloads them from the teacher's computer. Files already there with the right size
// are kept, so an interrupted download resumes where it stopped.
import { createWriteStream, existsSync, mkdirSync, readFileSync, renameSync, statSync } from 'node:fs';
import path from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';

const CATALOG = new URL('../../src/lib/catalog/prebuilt-models.json', import.meta.url);

/** The catalog records for these ids; an unknown id fails with the nearest names. */
export function catalogRecords(ids) {
  const { models } = JSON.parse(readFileSync(CATALOG, 'utf8'));
  return ids.map((id) => {
    const record = models.find((model) => model.model_id === id);
    if (record) return record;
    const near = models.map((model) => model.model_id).filter((name) => name.toLowerCase().includes(id.toLowerCase().slice(0, 6))).slice(0, 5);
    throw new Error(`"${id}" is not in Lineup's catalog.${near.length ? ` Did you mean ${near.join(', ')}?` : ''}`);
  });
}

/** web-llm's rule (src/lib/engine/weights-url.ts): a trailing slash, then resolve/main/ unless present. */
function weightsBase(model) {
  const withSlash = model.endsWith('/') ? model : `${model}/`;
  return /\/resolve\/[^/]+\/$/.test(withSlash) ? withSlash : `${withSlash}resolve/main/`;
}

async function download(url, file, expectedSize = null, log) {
  if (existsSync(file) && (expectedSize === null || statSync(file).size === expectedSize)) return;
  const response = await fetch(url);
  if (!response.ok || !response.body) throw new Error(`${url}: HTTP ${response.status}`);
  const partial = `${file}.part`;
  await pipeline(Readable.fromWeb(response.body), createWriteStream(partial));
  const size = statSync(partial).size;
  if (expectedSize !== null && size !== expectedSize) throw new Error(`${url}: got ${size} bytes, tensor-cache.json says ${expectedSize}`);
  renameSync(partial, file);
  log(`  ${path.basename(file)} (${(size / 1048576).toFixed(1)} MB)`);
}

/** Downloads each model's config, tokenizer, manifest, shards and library into `folder/<repo>/`. */
export async function downloadModels(ids, folder, log = console.log) {
  for (const record of catalogRecords(ids)) {
    const base = weightsBase(record.model);
    const repo = /([^/]+)\/resolve\/[^/]+\/$/.exec(base)[1];
    const dir = path.join(folder, repo);
    mkdirSync(dir, { recursive: true });
    log(`${record.model_id} → ${dir}`);
    const fetchInto = (name, size = null) => {
      // Names come from files on the network: nothing may leave the model's folder.
      if (typeof name !== 'string' || !/^[^/\\]+$/.test(name) || name.startsWith('.')) throw new Error(`${record.model_id}: refusing the file name ${JSON.stringify(name)}`);
      return download(new URL(name, base).href, path.join(dir, name), size, log);
    };
    await fetchInto('mlc-chat-config.json');
    const config = JSON.parse(readFileSync(path.join(dir, 'mlc-chat-config.json'), 'utf8'));
    for (const name of config.tokenizer_files ?? []) await fetchInto(name);
    if (record.model_manifest) await fetchInto(record.model_manifest);
    await fetchInto('tensor-cache.json');
    const manifest = JSON.parse(readFileSync(path.join(dir, 'tensor-cache.json'), 'utf8'));
    for (const shard of manifest.records) await fetchInto(shard.dataPath, shard.nbytes);
    await download(record.model_lib, path.join(dir, path.basename(new URL(record.model_lib).pathname)), null, log);
  }
}
