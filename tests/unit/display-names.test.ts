// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { displayNames } from '../../src/lib/catalog/display-names';

/** As the line-up labels panes today: base · quantization. */
const m = (id: string, label = id) => ({ id, label });

describe('displayNames', () => {
  it('drops the variant of models that appear once', () => {
    const names = displayNames([
      m('Qwen3-0.6B-q4f16_1-MLC', 'Qwen3-0.6B · q4f16_1'),
      m('Llama-3.2-1B-Instruct-q4f32_1-MLC', 'Llama-3.2-1B-Instruct · q4f32_1'),
      m('gemma-2-2b-it-q4f16_1-MLC-1k', 'gemma-2-2b-it · q4f16_1'),
    ]);
    expect([...names.values()]).toEqual(['Qwen3-0.6B', 'Llama-3.2-1B-Instruct', 'gemma-2-2b-it']);
  });

  it('keeps the full labels when two variants of one model are in the line-up', () => {
    const names = displayNames([
      m('Qwen3-0.6B-q4f16_1-MLC', 'Qwen3-0.6B · q4f16_1'),
      m('Qwen3-0.6B-q4f32_1-MLC', 'Qwen3-0.6B · q4f32_1'),
      m('SmolLM2-360M-Instruct-q4f16_1-MLC', 'SmolLM2-360M-Instruct · q4f16_1'),
    ]);
    expect(names.get('Qwen3-0.6B-q4f16_1-MLC')).toBe('Qwen3-0.6B · q4f16_1');
    expect(names.get('Qwen3-0.6B-q4f32_1-MLC')).toBe('Qwen3-0.6B · q4f32_1');
    expect(names.get('SmolLM2-360M-Instruct-q4f16_1-MLC')).toBe('SmolLM2-360M-Instruct');
  });

  it('treats a context-size build as a variant too', () => {
    const names = displayNames([m('Phi-3.5-mini-instruct-q4f16_1-MLC'), m('Phi-3.5-mini-instruct-q4f16_1-MLC-1k')]);
    expect([...names.values()]).toEqual(['Phi-3.5-mini-instruct-q4f16_1-MLC', 'Phi-3.5-mini-instruct-q4f16_1-MLC-1k']);
  });

  it('leaves a custom id without a quantization code as it is', () => {
    expect(displayNames([m('my-tiny-model')]).get('my-tiny-model')).toBe('my-tiny-model');
  });
});
