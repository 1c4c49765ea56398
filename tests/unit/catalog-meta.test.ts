// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { findModel, allEntries } from '../../src/lib/catalog/catalog';
import {
  deriveMeta,
  estimateDownloadBytes,
  formatParams,
  parseModelId,
  parseParamsB,
  parseQuantization,
} from '../../src/lib/catalog/model-meta';

/** Meta of a real record from the committed JSON; fails loudly if web-llm dropped the id. */
function metaOf(id: string) {
  const entry = findModel(id, allEntries());
  if (!entry) throw new Error(`${id} is not in prebuilt-models.json`);
  return entry.meta;
}

describe('parseModelId', () => {
  it('splits base, quantization and suffix', () => {
    expect(parseModelId('Qwen2.5-1.5B-Instruct-q4f16_1-MLC')).toEqual({
      baseName: 'Qwen2.5-1.5B-Instruct',
      quantCode: 'q4f16_1',
      suffix: null,
    });
    expect(parseModelId('Phi-3.5-mini-instruct-q4f32_1-MLC-1k')).toEqual({
      baseName: 'Phi-3.5-mini-instruct',
      quantCode: 'q4f32_1',
      suffix: '1k',
    });
    expect(parseModelId('SmolLM2-360M-Instruct-q0f16-MLC').quantCode).toBe('q0f16');
    expect(parseModelId('snowflake-arctic-embed-s-q0f32-MLC-b4')).toMatchObject({
      baseName: 'snowflake-arctic-embed-s',
      suffix: 'b4',
    });
    expect(parseModelId('my-model')).toEqual({ baseName: 'my-model', quantCode: null, suffix: null });
  });
});

describe('parseQuantization', () => {
  it('decodes bits, dtype and the shader-f16 need', () => {
    expect(parseQuantization('q4f16_1')).toEqual({
      code: 'q4f16_1',
      weightBits: 4,
      computeDtype: 'f16',
      bitsPerWeight: 4.5,
      needsShaderF16: true,
    });
    expect(parseQuantization('q4f32_1')).toMatchObject({ weightBits: 4, computeDtype: 'f32', bitsPerWeight: 5, needsShaderF16: false });
    expect(parseQuantization('q0f16')).toMatchObject({ weightBits: 16, bitsPerWeight: 16, needsShaderF16: true });
    expect(parseQuantization('q0f32')).toMatchObject({ weightBits: 32, bitsPerWeight: 32, needsShaderF16: false });
    expect(parseQuantization('q3f16_1')?.bitsPerWeight).toBeCloseTo(3.4);
    expect(parseQuantization('int4')).toBeNull();
  });
});

describe('parameter counts', () => {
  it.each([
    ['Qwen2.5-0.5B-Instruct-q4f16_1-MLC', 0.5, '500M'],
    ['Qwen2.5-1.5B-Instruct-q4f32_1-MLC', 1.5, '1.5B'],
    ['Qwen3-0.6B-q4f16_1-MLC', 0.6, '600M'],
    ['Qwen3.5-0.8B-q4f16_1-MLC', 0.8, '800M'],
    ['SmolLM2-360M-Instruct-q4f16_1-MLC', 0.36, '360M'],
    ['SmolLM2-135M-Instruct-q0f16-MLC', 0.135, '135M'],
    ['Llama-3.2-3B-Instruct-q4f16_1-MLC', 3.21, '3.21B'],
    ['Llama-3.1-70B-Instruct-q3f16_1-MLC', 70, '70B'],
    ['stablelm-2-zephyr-1_6b-q4f16_1-MLC', 1.6, '1.6B'],
    ['gemma-2-2b-it-q4f16_1-MLC', 2, '2B'],
    ['Ministral-3-3B-Instruct-2512-BF16-q4f16_1-MLC', 3, '3B'],
    ['OLMo-2-1124-7B-Instruct-q4f16_1-MLC', 7, '7B'],
    // No size in the id: from the table.
    ['Phi-3.5-mini-instruct-q4f16_1-MLC', 3.8, '3.8B'],
    ['Phi-4-mini-instruct-q4f16_1-MLC', 3.8, '3.8B'],
    ['phi-2-q4f16_1-MLC', 2.7, '2.7B'],
    ['gemma-4-E2B-it-q4f16_1-MLC', 5.1, '2.3B effective (5.1B total)'],
  ])('%s has %f B params', (id, paramsB, label) => {
    const meta = metaOf(id);
    expect(meta.paramsB).toBeCloseTo(paramsB, 5);
    expect(meta.paramsLabel).toBe(label);
  });

  it('is unknown when neither the id nor the table says', () => {
    expect(parseParamsB('my-finetune')).toBeNull();
    expect(formatParams(null)).toBe('unknown');
  });
});

describe('family, publisher and licence', () => {
  it.each([
    ['Qwen2.5-1.5B-Instruct-q4f16_1-MLC', 'Qwen', 'Alibaba Cloud · China', 'Apache-2.0'],
    ['Qwen2.5-3B-Instruct-q4f16_1-MLC', 'Qwen', 'Alibaba Cloud · China', 'Qwen Research License'],
    ['Llama-3.2-1B-Instruct-q4f16_1-MLC', 'Llama', 'Meta · USA', 'Llama 3.2 Community License'],
    ['Llama-3-8B-Instruct-q4f16_1-MLC', 'Llama', 'Meta · USA', 'Meta Llama 3 Community License'],
    ['gemma-2-2b-it-q4f16_1-MLC', 'Gemma', 'Google · USA', 'Gemma Terms of Use'],
    ['gemma3-1b-it-q4f16_1-MLC', 'Gemma', 'Google · USA', 'Gemma Terms of Use'],
    ['gemma-4-E2B-it-q4f16_1-MLC', 'Gemma', 'Google · USA', 'Apache-2.0'],
    ['Phi-4-mini-instruct-q4f16_1-MLC', 'Phi', 'Microsoft · USA', 'MIT'],
    ['SmolLM2-360M-Instruct-q4f16_1-MLC', 'SmolLM', 'Hugging Face · USA', 'Apache-2.0'],
    ['DeepSeek-R1-Distill-Qwen-7B-q4f16_1-MLC', 'DeepSeek-R1-Distill', 'DeepSeek · China', 'MIT'],
    ['Ministral-3-3B-Instruct-2512-BF16-q4f16_1-MLC', 'Mistral', 'Mistral AI · France', 'Apache-2.0'],
    ['Mistral-7B-Instruct-v0.3-q4f32_1-MLC', 'Mistral', 'Mistral AI · France', 'Apache-2.0'],
    ['OLMo-2-0425-1B-Instruct-q4f16_1-MLC', 'OLMo', 'Ai2 · USA', 'Apache-2.0'],
    ['TinyLlama-1.1B-Chat-v1.0-q4f16_1-MLC', 'TinyLlama', 'TinyLlama project (SUTD StatNLP) · Singapore', 'Apache-2.0'],
    // A fine-tune is not its base model's publisher, but inherits its licence.
    ['Hermes-3-Llama-3.2-3B-q4f16_1-MLC', 'Hermes', 'Nous Research · USA', 'Llama 3.2 Community License'],
    ['WizardMath-7B-V1.1-q4f16_1-MLC', 'WizardMath', 'WizardLM team', 'see model card'],
  ])('%s → %s, %s, %s', (id, family, publisherLine, license) => {
    const meta = metaOf(id);
    expect(meta.family).toBe(family);
    expect(meta.publisherLine).toBe(publisherLine);
    expect(meta.license).toBe(license);
  });

  it('separates Gemma generations and Qwen series', () => {
    expect(metaOf('gemma-2b-it-q4f16_1-MLC').series).toBe('Gemma 1');
    expect(metaOf('gemma-2-2b-it-q4f16_1-MLC').series).toBe('Gemma 2');
    expect(metaOf('Qwen2.5-Coder-1.5B-Instruct-q4f16_1-MLC').series).toBe('Qwen2.5-Coder');
    expect(metaOf('Qwen2.5-Coder-3B-Instruct-q4f16_1-MLC').license).toBe('Qwen Research License');
    expect(metaOf('Qwen2.5-Coder-7B-Instruct-q4f16_1-MLC').license).toBe('Apache-2.0');
  });
});

describe('shader-f16, context, kind', () => {
  it('infers shader-f16 from the quantization even where web-llm does not list it', () => {
    const qwen = findModel('Qwen3-0.6B-q4f16_1-MLC', allEntries());
    expect(qwen?.record.required_features).toBeUndefined();
    expect(qwen?.meta.needsShaderF16).toBe(true);
    expect(metaOf('Qwen3-0.6B-q4f32_1-MLC').needsShaderF16).toBe(false);
    expect(deriveMeta({ model_id: 'x-q4f32_1-MLC', required_features: ['shader-f16'] }).needsShaderF16).toBe(true);
  });

  it('reads the context window from overrides', () => {
    expect(metaOf('Phi-3.5-mini-instruct-q4f16_1-MLC-1k').contextWindowSize).toBe(1024);
    expect(metaOf('TinyLlama-1.1B-Chat-v1.0-q4f16_1-MLC').contextWindowSize).toBe(2048);
    expect(metaOf('Qwen3-0.6B-q4f16_1-MLC').contextWindowSize).toBe(4096);
    expect(deriveMeta({ model_id: 'x-q4f16_1-MLC' }).contextWindowSize).toBeNull();
  });

  it('classifies model types', () => {
    expect(metaOf('snowflake-arctic-embed-s-q0f32-MLC-b4')).toMatchObject({ kind: 'embedding', chatCapable: false });
    expect(metaOf('Phi-3.5-vision-instruct-q4f16_1-MLC')).toMatchObject({ kind: 'VLM', chatCapable: true });
    expect(metaOf('Qwen3-0.6B-q4f16_1-MLC')).toMatchObject({ kind: 'LLM', chatCapable: true });
  });
});

describe('download size estimate', () => {
  it('is params × bits/8 × 1.05 and flagged as an estimate', () => {
    const meta = metaOf('Qwen2.5-1.5B-Instruct-q4f16_1-MLC');
    expect(meta.downloadSizeIsEstimate).toBe(true);
    expect(meta.estimatedDownloadBytes).toBe(Math.round(1.5e9 * (4.5 / 8) * 1.05));
    // f32 scales make q4f32 bigger than q4f16, and q0f16 about 3.5× the q4f16 size.
    const f32 = metaOf('Qwen2.5-1.5B-Instruct-q4f32_1-MLC').estimatedDownloadBytes ?? 0;
    expect(f32).toBeGreaterThan(meta.estimatedDownloadBytes ?? Infinity);
    const q0 = metaOf('Qwen2.5-0.5B-Instruct-q0f16-MLC').estimatedDownloadBytes ?? 0;
    const q4 = metaOf('Qwen2.5-0.5B-Instruct-q4f16_1-MLC').estimatedDownloadBytes ?? 1;
    expect(q0 / q4).toBeCloseTo(16 / 4.5, 5);
  });

  it('is null without a parameter count or quantization', () => {
    expect(estimateDownloadBytes(null, parseQuantization('q4f16_1'))).toBeNull();
    expect(estimateDownloadBytes(1, null)).toBeNull();
  });
});

describe('reasoning', () => {
  it('marks Qwen3 and Qwen3.5 switchable, R1 distills and Reasoning builds always, others none', () => {
    expect(metaOf('Qwen3-0.6B-q4f16_1-MLC').reasoning).toBe('switchable');
    expect(metaOf('Qwen3.5-2B-q4f16_1-MLC').reasoning).toBe('switchable');
    expect(metaOf('DeepSeek-R1-Distill-Qwen-7B-q4f16_1-MLC').reasoning).toBe('always');
    expect(metaOf('DeepSeek-R1-Distill-Llama-8B-q4f32_1-MLC').reasoning).toBe('always');
    expect(metaOf('Ministral-3-3B-Reasoning-2512-q4f16_1-MLC').reasoning).toBe('always');
    expect(metaOf('Qwen2.5-1.5B-Instruct-q4f16_1-MLC').reasoning).toBe('none');
    expect(metaOf('Phi-4-mini-instruct-q4f16_1-MLC').reasoning).toBe('none');
  });

  it('covers the whole catalog: exactly the known reasoning families reason', () => {
    // A new reasoning model in a web-llm upgrade fails this until reasoning-meta.ts knows it.
    const reasoners = allEntries()
      .filter((entry) => entry.meta.reasoning !== 'none')
      .map((entry) => entry.meta.baseName);
    const families = new Set(reasoners.map((base) => base.replace(/-[\d.]+B.*$/i, '').replace(/-\d+B-.*$/i, '')));
    expect([...families].sort()).toEqual(['DeepSeek-R1-Distill-Llama', 'DeepSeek-R1-Distill-Qwen', 'Ministral-3', 'Qwen3', 'Qwen3.5']);
    const unmarked = allEntries().filter((entry) => entry.meta.reasoning === 'none' && /qwen3|r1-distill|reason|think/i.test(entry.id));
    expect(unmarked.map((entry) => entry.id)).toEqual([]);
  });
});
