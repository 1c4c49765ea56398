// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { allEntries, allModels, assessEntry, findModel, type CatalogEntry } from '../../src/lib/catalog/catalog';
import { LARGE_VRAM_MB, assessFit, formatMB, type GpuCapabilities } from '../../src/lib/catalog/fit';

const GPU: GpuCapabilities = {
  available: true,
  shaderF16: true,
  maxBufferSize: 4294967296,
  maxStorageBufferBindingSize: 2147483644,
};

function model(id: string): CatalogEntry {
  const entry = findModel(id, allEntries());
  if (!entry) throw new Error(`${id} missing from the catalog`);
  return entry;
}

describe('assessFit', () => {
  it('runs a small model on a capable GPU, noting its memory need', () => {
    const fit = assessFit(model('Llama-3.2-1B-Instruct-q4f16_1-MLC'), GPU);
    expect(fit).toEqual({
      runnable: true,
      reasons: [],
      warnings: [],
      notes: [
        'Needs about 879 MB of GPU memory',
        'web-llm marks this build as suitable for low-resource devices such as phones',
      ],
    });
    expect(assessFit(model('Qwen2.5-1.5B-Instruct-q4f32_1-MLC'), GPU).notes[0]).toBe('Needs about 1.8 GB of GPU memory');
  });

  it('cannot run anything without WebGPU', () => {
    const fit = assessFit(model('SmolLM2-360M-Instruct-q4f32_1-MLC'), { ...GPU, available: false });
    expect(fit.runnable).toBe(false);
    expect(fit.reasons).toEqual(['WebGPU is not available in this browser, so no model can run here']);
  });

  it('rejects f16 builds without shader-f16 and names the variant to pick', () => {
    const noF16 = { ...GPU, shaderF16: false };
    const entry = model('Qwen3-0.6B-q4f16_1-MLC');
    expect(assessFit(entry, noF16)).toMatchObject({ runnable: false });
    expect(assessEntry(entry, noF16).reasons).toEqual([
      'Needs shader-f16, which this GPU/browser does not offer — pick the q4f32_1 variant (Qwen3-0.6B-q4f32_1-MLC)',
    ]);
    expect(assessEntry(model('gemma3-1b-it-q4f16_1-MLC'), noF16).reasons).toEqual([
      'Needs shader-f16, which this GPU/browser does not offer, and this model has no variant without it',
    ]);
    expect(assessFit(model('Qwen3-0.6B-q4f32_1-MLC'), noF16).runnable).toBe(true);
  });

  it('rejects a model whose buffer exceeds maxStorageBufferBindingSize, with the numbers', () => {
    const fit = assessFit(model('gemma-4-E2B-it-q4f32_1-MLC'), { ...GPU, maxStorageBufferBindingSize: 134217728 });
    expect(fit.runnable).toBe(false);
    expect(fit.reasons).toEqual([
      'Needs a storage buffer binding of 192 MB, but this GPU/browser allows at most 128 MB (maxStorageBufferBindingSize)',
    ]);
  });

  it('rejects a model whose buffer exceeds maxBufferSize', () => {
    const fit = assessFit(model('gemma-2b-it-q4f32_1-MLC'), { ...GPU, maxBufferSize: 200 * 1024 * 1024 });
    expect(fit.runnable).toBe(false);
    expect(fit.reasons).toEqual([
      'Needs a single GPU buffer of 250 MB, but this GPU/browser allows at most 200 MB (maxBufferSize)',
    ]);
    // 262144000 bytes is exactly 250 MiB: a limit of exactly that much is enough.
    expect(assessFit(model('gemma-2b-it-q4f32_1-MLC'), { ...GPU, maxBufferSize: 262144000 }).runnable).toBe(true);
    expect(assessFit(model('gemma-2b-it-q4f32_1-MLC'), { ...GPU, maxBufferSize: 262143999 }).runnable).toBe(false);
  });

  it('reports every failed rule at once', () => {
    const fit = assessFit(model('gemma-4-E2B-it-q4f16_1-MLC'), {
      available: true,
      shaderF16: false,
      maxBufferSize: 100 * 1024 * 1024,
      maxStorageBufferBindingSize: 100 * 1024 * 1024,
    });
    expect(fit.reasons).toHaveLength(3);
  });

  it('warns above ~4 GB of GPU memory but still allows it', () => {
    const fit = assessFit(model('Llama-3.1-8B-Instruct-q4f16_1-MLC'), GPU);
    expect(model('Llama-3.1-8B-Instruct-q4f16_1-MLC').record.vram_required_MB).toBeGreaterThan(LARGE_VRAM_MB);
    expect(fit.runnable).toBe(true);
    expect(fit.warnings).toHaveLength(1);
    expect(fit.warnings[0]).toMatch(/^Needs about 4\.9 GB of GPU memory — more than many laptops/);
    expect(fit.notes).toEqual([]);
  });

  it('refuses embedding models in a chat comparison', () => {
    const fit = assessFit(model('snowflake-arctic-embed-s-q0f32-MLC-b4'), GPU);
    expect(fit.runnable).toBe(false);
    expect(fit.reasons[0]).toMatch(/embedding model, not a chat model/);
  });

  it('agrees with web-llm’s own marks: every f32 chat model with no buffer need runs on a plain GPU', () => {
    const plain = { ...GPU, shaderF16: false, maxBufferSize: 268435456, maxStorageBufferBindingSize: 134217728 };
    const f32 = allModels().filter((e) => e.meta.quantization?.computeDtype === 'f32' && !e.record.buffer_size_required_bytes);
    expect(f32.length).toBeGreaterThan(10);
    for (const entry of f32) expect(assessFit(entry, plain).runnable, entry.id).toBe(true);
  });
});

describe('formatMB', () => {
  it('uses MiB, with one decimal when needed', () => {
    expect(formatMB(134217728)).toBe('128 MB');
    expect(formatMB(1.5 * 1024 * 1024)).toBe('1.5 MB');
  });
});
