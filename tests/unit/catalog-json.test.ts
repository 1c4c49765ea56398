// @vitest-environment node
/**
 * The committed catalog must be exactly what the installed web-llm ships, so upgrading
 * @mlc-ai/web-llm fails here until `node scripts/extract-catalog.mjs` is run again.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { modelVersion, prebuiltAppConfig } from '@mlc-ai/web-llm';
import { PREBUILT } from '../../src/lib/catalog/catalog';
import { OUTPUT_PATH, catalogFromInstalledWebllm, serializeCatalog } from '../../scripts/extract-catalog.mjs';

const installedVersion = JSON.parse(
  readFileSync(new URL('../../node_modules/@mlc-ai/web-llm/package.json', import.meta.url), 'utf8'),
).version as string;

describe('prebuilt-models.json', () => {
  it('matches the installed web-llm prebuiltAppConfig record for record', () => {
    expect(PREBUILT.webllmVersion).toBe(installedVersion);
    expect(PREBUILT.modelVersion).toBe(modelVersion);
    // JSON round-trip drops nothing from web-llm's plain-data records, so this is an exact check.
    expect(PREBUILT.models).toEqual(JSON.parse(JSON.stringify(prebuiltAppConfig.model_list)));
  });

  it('is byte-identical to what the extract script writes', async () => {
    const committed = readFileSync(OUTPUT_PATH, 'utf8');
    expect(committed).toBe(serializeCatalog(await catalogFromInstalledWebllm()));
  });

  it('keeps the fields the app relies on', () => {
    const gemma4 = PREBUILT.models.find((m) => m.model_id === 'gemma-4-E2B-it-q4f16_1-MLC');
    expect(gemma4?.buffer_size_required_bytes).toBe(201326592);
    expect(gemma4?.required_features).toEqual(['shader-f16']);
    const llama = PREBUILT.models.find((m) => m.model_id === 'Llama-3.2-1B-Instruct-q4f16_1-MLC');
    expect(llama?.overrides?.context_window_size).toBe(4096);
    expect(llama?.low_resource_required).toBe(true);
    expect(llama?.vram_required_MB).toBeCloseTo(879.04);
    expect(llama?.model_lib).toMatch(/\/v0_2_86\/base\/.+\.wasm$/);
    expect(PREBUILT.models.some((m) => m.model_type === 1)).toBe(true);
  });
});
