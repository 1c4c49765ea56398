// @vitest-environment node
import { describe, expect, it } from 'vitest';
import {
  CustomModelError,
  allEntries,
  allModels,
  curatedDefaults,
  customModelEntry,
  findModel,
  groupVariants,
  normalizeWeightsUrl,
  preferredVariant,
  searchModels,
  toModelSpec,
  type CatalogEntry,
} from '../../src/lib/catalog/catalog';
import { assessFit, type GpuCapabilities } from '../../src/lib/catalog/fit';

/** A desktop GPU as Chrome reports it: shader-f16, 2 GiB bindings, 4 GiB buffers. */
const F16_GPU: GpuCapabilities = {
  available: true,
  shaderF16: true,
  maxBufferSize: 4294967296,
  maxStorageBufferBindingSize: 2147483644,
};
const NO_F16_GPU: GpuCapabilities = { ...F16_GPU, shaderF16: false };
/** WebGPU's default limits, what a browser gives when the adapter offers nothing more. */
const DEFAULT_LIMITS_GPU: GpuCapabilities = { ...F16_GPU, maxBufferSize: 268435456, maxStorageBufferBindingSize: 134217728 };

function model(id: string): CatalogEntry {
  const entry = findModel(id, allEntries());
  if (!entry) throw new Error(`${id} missing from the catalog`);
  return entry;
}

const ids = (entries: readonly CatalogEntry[]) => entries.map((e) => e.id);

describe('allModels', () => {
  it('leaves embedding models out of the compare catalog', () => {
    expect(allEntries().some((e) => e.meta.kind === 'embedding')).toBe(true);
    expect(allModels().some((e) => e.meta.kind === 'embedding')).toBe(false);
    expect(allModels().length).toBe(allEntries().length - allEntries().filter((e) => !e.meta.chatCapable).length);
    expect(new Set(ids(allModels())).size).toBe(allModels().length);
  });
});

describe('toModelSpec', () => {
  it('gives the worker the resolved weights URL, library and limits', () => {
    expect(toModelSpec(model('gemma-4-E2B-it-q4f16_1-MLC'))).toEqual({
      id: 'gemma-4-E2B-it-q4f16_1-MLC',
      weightsUrl: 'https://huggingface.co/mlc-ai/gemma-4-E2B-it-q4f16_1-MLC/resolve/main/',
      libraryUrl: model('gemma-4-E2B-it-q4f16_1-MLC').record.model_lib,
      requiredFeatures: ['shader-f16'],
      bufferSizeRequiredBytes: 201326592,
      vramRequiredMB: 3387.37,
      contextWindowSize: 4096,
      // Passed through so the worker's record matches web-llm's own (gemma-4 needs its manifest).
      overrides: { context_window_size: 4096 },
      modelManifest: 'mlc-model-manifest.json',
    });
  });

  it('adds shader-f16 for f16 builds web-llm forgot to mark, and none for f32', () => {
    expect(toModelSpec(model('Qwen3-0.6B-q4f16_1-MLC')).requiredFeatures).toEqual(['shader-f16']);
    const f32 = toModelSpec(model('Qwen3-0.6B-q4f32_1-MLC'));
    expect(f32.requiredFeatures).toEqual([]);
    expect(f32).not.toHaveProperty('bufferSizeRequiredBytes');
  });

  it('normalises weights URLs the way web-llm does', () => {
    expect(normalizeWeightsUrl('https://huggingface.co/a/b')).toBe('https://huggingface.co/a/b/resolve/main/');
    expect(normalizeWeightsUrl('https://huggingface.co/a/b/resolve/v2')).toBe('https://huggingface.co/a/b/resolve/v2/');
    expect(normalizeWeightsUrl('https://huggingface.co/a/b/resolve/main/')).toBe('https://huggingface.co/a/b/resolve/main/');
  });
});

describe('searchModels', () => {
  it('matches id, family, publisher and quantization, case-insensitively', () => {
    const byPublisher = searchModels('MICROSOFT');
    expect(byPublisher.length).toBeGreaterThan(0);
    expect(byPublisher.every((e) => e.meta.family === 'Phi')).toBe(true);
    expect(ids(searchModels('smollm2-360m'))).toContain('SmolLM2-360M-Instruct-q4f16_1-MLC');
    expect(searchModels('q0f32').every((e) => e.meta.quantCode === 'q0f32')).toBe(true);
    expect(searchModels('china').every((e) => e.meta.origin === 'China')).toBe(true);
  });

  it('ANDs words', () => {
    const result = searchModels('qwen 0.5b q4f32');
    expect(ids(result).sort()).toEqual(
      ['Qwen2.5-0.5B-Instruct-q4f32_1-MLC', 'Qwen2.5-Coder-0.5B-Instruct-q4f32_1-MLC'].sort(),
    );
    expect(searchModels('gemma microsoft')).toEqual([]);
  });

  it('returns everything for an empty query and nothing for nonsense', () => {
    expect(searchModels('   ').length).toBe(allModels().length);
    expect(searchModels('zzzz-no-such-model')).toEqual([]);
  });
});

describe('groupVariants', () => {
  it('puts a model’s quantizations and 1k builds under one base, q4f16 first', () => {
    const phi = groupVariants().find((g) => g.base === 'Phi-3.5-mini-instruct');
    expect(phi?.family).toBe('Phi');
    expect(ids(phi?.variants ?? [])).toEqual([
      'Phi-3.5-mini-instruct-q4f16_1-MLC',
      'Phi-3.5-mini-instruct-q4f16_1-MLC-1k',
      'Phi-3.5-mini-instruct-q4f32_1-MLC',
      'Phi-3.5-mini-instruct-q4f32_1-MLC-1k',
    ]);
    const qwen = groupVariants().find((g) => g.base === 'Qwen2.5-0.5B-Instruct');
    expect(qwen?.variants.map((v) => v.variantLabel)).toEqual(['q4f16_1', 'q4f32_1', 'q0f16', 'q0f32']);
  });

  it('covers every chat model exactly once', () => {
    const grouped = groupVariants().flatMap((g) => ids(g.variants));
    expect(grouped.sort()).toEqual(ids(allModels()).sort());
  });
});

describe('preferredVariant', () => {
  it('picks q4f16 where the GPU has shader-f16 and q4f32 where it does not', () => {
    expect(preferredVariant('Qwen2.5-0.5B-Instruct', F16_GPU)?.id).toBe('Qwen2.5-0.5B-Instruct-q4f16_1-MLC');
    expect(preferredVariant('Qwen2.5-0.5B-Instruct', NO_F16_GPU)?.id).toBe('Qwen2.5-0.5B-Instruct-q4f32_1-MLC');
    expect(preferredVariant('Llama-3.2-1B-Instruct', NO_F16_GPU)?.id).toBe('Llama-3.2-1B-Instruct-q4f32_1-MLC');
  });

  it('prefers the full-context build over its 1k sibling', () => {
    expect(preferredVariant('Phi-3.5-mini-instruct', NO_F16_GPU)?.id).toBe('Phi-3.5-mini-instruct-q4f32_1-MLC');
  });

  it('returns nothing when no variant can run', () => {
    // gemma3-1b only ships a q4f16 build.
    expect(preferredVariant('gemma3-1b-it', NO_F16_GPU)).toBeUndefined();
    // Both gemma-4 builds bind a 192 MB buffer, above the 128 MB default limit.
    expect(preferredVariant('gemma-4-E2B-it', DEFAULT_LIMITS_GPU)).toBeUndefined();
    expect(preferredVariant('No-Such-Model', F16_GPU)).toBeUndefined();
  });

  it('ranks without filtering when the GPU is unknown', () => {
    expect(preferredVariant('gemma3-1b-it', null)?.id).toBe('gemma3-1b-it-q4f16_1-MLC');
  });
});

describe('curatedDefaults', () => {
  it('resolves the curated lineup in order, q4f16 on a shader-f16 GPU', () => {
    const picks = curatedDefaults(F16_GPU);
    expect(ids(picks)).toEqual([
      'Qwen3.5-0.8B-q4f16_1-MLC',
      'Qwen3-0.6B-q4f16_1-MLC',
      'Qwen2.5-0.5B-Instruct-q4f16_1-MLC',
      'Qwen2.5-1.5B-Instruct-q4f16_1-MLC',
      'Llama-3.2-1B-Instruct-q4f16_1-MLC',
      'gemma3-1b-it-q4f16_1-MLC',
      'gemma-4-E2B-it-q4f16_1-MLC',
      'Phi-4-mini-instruct-q4f16_1-MLC',
      'SmolLM2-360M-Instruct-q4f16_1-MLC',
      'Ministral-3-3B-Instruct-2512-BF16-q4f16_1-MLC',
    ]);
    expect(new Set(picks.map((e) => e.meta.family)).size).toBeGreaterThanOrEqual(2);
    for (const entry of picks) expect(assessFit(entry, F16_GPU), entry.id).toMatchObject({ runnable: true });
  });

  it('switches to q4f32 without shader-f16 and drops f16-only models', () => {
    const picks = curatedDefaults(NO_F16_GPU);
    expect(picks.length).toBeGreaterThan(0);
    expect(picks.every((e) => e.meta.quantCode === 'q4f32_1')).toBe(true);
    expect(ids(picks)).not.toContain('gemma3-1b-it-q4f16_1-MLC');
    expect(ids(picks)).toContain('Qwen3.5-0.8B-q4f32_1-MLC');
    for (const entry of picks) expect(assessFit(entry, NO_F16_GPU).runnable, entry.id).toBe(true);
  });

  it('leaves out models whose buffers exceed the limits', () => {
    const picks = ids(curatedDefaults(DEFAULT_LIMITS_GPU));
    expect(picks).not.toContain('gemma-4-E2B-it-q4f16_1-MLC');
    expect(picks).toContain('Qwen3-0.6B-q4f16_1-MLC');
  });
});

describe('customModelEntry', () => {
  const good = {
    weightsUrl: 'https://huggingface.co/someone/MyModel-q4f32_1-MLC',
    libraryUrl: 'https://raw.githubusercontent.com/someone/libs/main/MyModel-q4f32_1-webgpu.wasm',
  };

  it('builds an entry from a Hugging Face repo URL', () => {
    const entry = customModelEntry({ ...good, contextWindowSize: 2048 });
    expect(entry).toMatchObject({ id: 'MyModel-q4f32_1-MLC', source: 'custom' });
    expect(entry.meta).toMatchObject({ paramsB: null, family: 'Custom', license: 'unknown — see the model card' });
    expect(entry.meta.quantCode).toBe('q4f32_1');
    expect(toModelSpec(entry)).toEqual({
      id: 'MyModel-q4f32_1-MLC',
      weightsUrl: 'https://huggingface.co/someone/MyModel-q4f32_1-MLC/resolve/main/',
      libraryUrl: good.libraryUrl,
      requiredFeatures: [],
      contextWindowSize: 2048,
      overrides: { context_window_size: 2048 },
    });
  });

  it('keeps a /resolve/main/ URL (slash added) and honours a given id', () => {
    const entry = customModelEntry({
      weightsUrl: 'http://127.0.0.1:8080/hf/me/Tiny-q4f16_1-MLC/resolve/main',
      libraryUrl: 'http://127.0.0.1:8080/tiny.wasm',
      id: 'tiny-test',
    }, { sources: ['http://127.0.0.1:*'], pageOrigin: 'https://lineup.example' });
    expect(entry.id).toBe('tiny-test');
    expect(entry.record.model).toBe('http://127.0.0.1:8080/hf/me/Tiny-q4f16_1-MLC/resolve/main/');
  });

  it('marks f16 custom builds as needing shader-f16', () => {
    const entry = customModelEntry({ ...good, weightsUrl: 'https://huggingface.co/me/X-q4f16_1-MLC/resolve/main/' });
    expect(toModelSpec(entry).requiredFeatures).toEqual(['shader-f16']);
    expect(assessFit(entry, NO_F16_GPU).runnable).toBe(false);
  });

  it('renames a default id that collides with a prebuilt model', () => {
    const entry = customModelEntry({ ...good, weightsUrl: 'https://huggingface.co/mlc-ai/Qwen3-0.6B-q4f16_1-MLC' });
    expect(entry.id).toBe('Qwen3-0.6B-q4f16_1-MLC-custom');
  });

  function problemsOf(input: Parameters<typeof customModelEntry>[0]): string[] {
    try {
      customModelEntry(input);
    } catch (error) {
      expect(error).toBeInstanceOf(CustomModelError);
      expect((error as Error).name).toBe('CustomModelError');
      return (error as CustomModelError).problems;
    }
    throw new Error('expected a CustomModelError');
  }

  it('rejects schemes other than http(s)', () => {
    const problems = problemsOf({ weightsUrl: 'ftp://example.org/model/', libraryUrl: 'file:///tmp/lib.wasm' });
    expect(problems).toEqual([
      'Weights URL must start with http:// or https:// (got ftp://)',
      'Library URL must start with http:// or https:// (got file://)',
    ]);
  });

  it('requires a .wasm library', () => {
    expect(problemsOf({ ...good, libraryUrl: 'https://raw.githubusercontent.com/someone/libs/main/model.js' })).toEqual([
      'Library URL must point at the compiled model library, a file ending in .wasm',
    ]);
  });

  it('lists every problem with garbage input', () => {
    const problems = problemsOf({ weightsUrl: 'not a url', libraryUrl: '', contextWindowSize: 1.5, id: 'has space' });
    expect(problems).toHaveLength(4);
    expect(problems[0]).toBe('Weights URL is not a valid URL: "not a url"');
    expect(problems[1]).toBe('Library URL is required');
    expect(problems[2]).toMatch(/^Model id may only contain letters/);
    expect(problems[3]).toMatch(/^Context window must be a whole number/);
    // The message repeats the problems so a plain `catch (e) { show(e.message) }` is useful too.
    try {
      customModelEntry({ weightsUrl: 'not a url', libraryUrl: '' });
    } catch (error) {
      expect((error as Error).message).toContain('Library URL is required');
    }
  });

  it('explains Hugging Face page URLs and file URLs', () => {
    expect(problemsOf({ ...good, weightsUrl: 'https://huggingface.co/me/M-MLC/tree/main' })).toEqual([
      'Weights URL is a Hugging Face page, not the files: use https://huggingface.co/me/M-MLC/resolve/main/',
    ]);
    expect(problemsOf({ ...good, weightsUrl: 'https://huggingface.co/me/M-MLC/resolve/main/mlc-chat-config.json' })[0]).toMatch(
      /points at a file \(mlc-chat-config\.json\)/,
    );
    expect(problemsOf({ ...good, weightsUrl: 'https://example.org/?model=x' })[0]).toMatch(/must not have a \?query/);
  });

  it('rejects an explicit id that is a prebuilt model or malformed', () => {
    expect(problemsOf({ ...good, id: 'Qwen3-0.6B-q4f16_1-MLC' })).toEqual([
      'Model id "Qwen3-0.6B-q4f16_1-MLC" is already a prebuilt model; choose another id',
    ]);
    expect(problemsOf({ ...good, id: 'a/b' })[0]).toMatch(/may only contain/);
  });
});
