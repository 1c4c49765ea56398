#!/usr/bin/env node
/**
 * Extracts web-llm's prebuilt model list into src/lib/catalog/prebuilt-models.json.
 *
 * Why: the page must not import @mlc-ai/web-llm on first load (about 6 MB, and it only runs in the
 * engine worker), yet the model picker needs the list of models that this web-llm version can
 * load. So the list is data, extracted here at dev time and committed. A unit test
 * (tests/unit/catalog-json.test.ts) compares the committed file with the installed package, so an
 * upgrade of web-llm fails the tests until this script is run again:
 *
 *     node scripts/extract-catalog.mjs          # rewrite the JSON
 *     node scripts/extract-catalog.mjs --check  # exit 1 if the JSON is stale
 *
 * web-llm 0.2.86's ESM entry imports cleanly in Node (browser globals are only touched when an
 * engine is created), so we simply import it.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
export const OUTPUT_PATH = `${root}src/lib/catalog/prebuilt-models.json`;
const PACKAGE_JSON = `${root}node_modules/@mlc-ai/web-llm/package.json`;

/**
 * Builds the catalog file's content from web-llm's exports.
 * Each record is copied whole (JSON round-trip, key order kept): besides the fields the app reads
 * (model, model_id, model_lib, vram_required_MB, low_resource_required,
 * buffer_size_required_bytes, required_features, model_type, overrides.context_window_size), some
 * records carry fields web-llm itself needs to load them faithfully (model_manifest for gemma-4,
 * overrides.sliding_window_size / max_history_size), and dropping them would silently change
 * behaviour if the worker ever rebuilds a record from this data.
 *
 * @param {{ model_list: unknown[] }} prebuiltAppConfig web-llm's `prebuiltAppConfig`
 * @param {string} modelVersion web-llm's `modelVersion`, e.g. "v0_2_86/base"
 * @param {string} webllmVersion the installed package's version, e.g. "0.2.86"
 */
export function buildCatalog(prebuiltAppConfig, modelVersion, webllmVersion) {
  return {
    webllmVersion,
    modelVersion,
    models: JSON.parse(JSON.stringify(prebuiltAppConfig.model_list)),
  };
}

/** The catalog as the installed web-llm gives it. */
export async function catalogFromInstalledWebllm() {
  const webllm = await import('@mlc-ai/web-llm');
  const pkg = JSON.parse(await readFile(PACKAGE_JSON, 'utf8'));
  return buildCatalog(webllm.prebuiltAppConfig, webllm.modelVersion, pkg.version);
}

/** Stable text form: two-space indent and a final newline, so diffs stay small. */
export function serializeCatalog(catalog) {
  return `${JSON.stringify(catalog, null, 2)}\n`;
}

async function main() {
  const text = serializeCatalog(await catalogFromInstalledWebllm());
  if (process.argv.includes('--check')) {
    const current = await readFile(OUTPUT_PATH, 'utf8').catch(() => '');
    if (current !== text) {
      console.error(`${OUTPUT_PATH} is stale; run: node scripts/extract-catalog.mjs`);
      process.exit(1);
    }
    console.log('prebuilt-models.json is up to date');
    return;
  }
  await writeFile(OUTPUT_PATH, text);
  const { models, webllmVersion, modelVersion } = JSON.parse(text);
  console.log(`wrote ${models.length} models (web-llm ${webllmVersion}, ${modelVersion}) to ${OUTPUT_PATH}`);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  await main();
}
