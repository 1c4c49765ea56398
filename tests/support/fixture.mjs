// The ONE place tests, scripts and the model server find the offline WebLLM fixture
// (see ../shared/fixtures/qwen2-0.5b-q4f32/README.md) and the synthetic weights made for it.
// Plain ESM + JSDoc so Node scripts (no build step) and TypeScript tests can both import it.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** Repository root (this file lives in <repo>/tests/support/). */
export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/** Directory with the model library, chat config, tokenizer and reference layout (no weights). */
export const fixtureDir = process.env.LINEUP_FIXTURE_DIR
  ? path.resolve(process.env.LINEUP_FIXTURE_DIR)
  : path.resolve(repoRoot, '../shared/fixtures/qwen2-0.5b-q4f32');

/** Where `npm run fixture:weights` writes the synthetic weights (gitignored: ~309 MB). */
export const syntheticWeightsDir = process.env.LINEUP_SYNTH_DIR
  ? path.resolve(process.env.LINEUP_SYNTH_DIR)
  : path.resolve(repoRoot, 'tests/.cache/synth-qwen2');

/** The compiled model library; ABI-compatible with web-llm 0.2.79 only (model version v0_2_48). */
export const WASM_NAME = 'Qwen2-0.5B-Instruct-q4f32_1-ctx4k_cs1k-webgpu.wasm';

/** model_id under which tests register the synthetic model in the engine's appConfig. */
export const MODEL_ID = 'Qwen2-0.5B-synthetic-q4f32_1';

/** The layout the synthetic weights must reproduce exactly. */
export const referenceManifestPath = path.join(fixtureDir, 'tensor-cache.reference.json');

/** Files served from the fixture directory (everything else under the model URL is synthetic). */
export const FIXTURE_MODEL_FILES = ['mlc-chat-config.json', 'tokenizer.json', 'tokenizer_config.json'];

/** @returns {boolean} true when the model library and chat config are there. */
export function fixturePresent() {
  return (
    existsSync(path.join(fixtureDir, WASM_NAME)) && existsSync(path.join(fixtureDir, 'mlc-chat-config.json'))
  );
}

/** @returns {boolean} true when running in CI, where a missing fixture must fail rather than skip. */
export function isCI() {
  const ci = process.env.CI;
  return !!ci && ci !== '0' && ci.toLowerCase() !== 'false';
}
