// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { TEMPLATE_OVERHEAD_TOKENS, checkPromptBudget, estimateTokens } from '../../src/lib/prompt/prompt-budget';
import { DEFAULT_SETTINGS, LIMITS, normaliseSettings } from '../../src/lib/prompt/settings';

describe('estimateTokens', () => {
  it('is 0 for an empty prompt', () => {
    expect(estimateTokens('')).toBe(0);
  });

  it('counts English at about 3.5 characters per token, rounding up', () => {
    expect(estimateTokens('hello world')).toBe(4); // 11 / 3.5 = 3.14 → 4
    expect(estimateTokens('a'.repeat(35))).toBe(10);
    expect(estimateTokens('a'.repeat(36))).toBe(11);
  });

  it('counts CJK ideographs, kana and hangul as one token each: denser than English', () => {
    const chinese = '一二三四五六七八九十';
    const english = 'abcdefghij';
    expect(chinese.length).toBe(english.length);
    expect(estimateTokens(chinese)).toBe(10);
    expect(estimateTokens(english)).toBe(3);
    expect(estimateTokens(chinese)).toBeGreaterThan(estimateTokens(english));
    expect(estimateTokens('こんにちは')).toBe(5);
    expect(estimateTokens('カタカナ')).toBe(4);
    expect(estimateTokens('안녕하세요')).toBe(5);
  });

  it('adds the dense and the rest for mixed text', () => {
    expect(estimateTokens('Hello 世界')).toBe(2 + Math.ceil(6 / 3.5));
  });
});

describe('checkPromptBudget', () => {
  it('fits when prompt + template + max tokens is exactly the context window', () => {
    const text = 'a'.repeat(35); // 10 tokens
    const promptTokens = 10 + TEMPLATE_OVERHEAD_TOKENS;
    const check = checkPromptBudget(text, 100, promptTokens + 100);
    expect(check).toEqual({ fits: true, promptTokens, message: null });
  });

  it('does not fit one token over, and says the numbers', () => {
    const text = 'a'.repeat(35_000); // 10 000 tokens + 32 template tokens
    const check = checkPromptBudget(text, 4096, 8192);
    expect(check.fits).toBe(false);
    expect(check.promptTokens).toBe(10_032);
    expect(check.message).toContain('10,032');
    expect(check.message).toContain('4,096');
    expect(check.message).toContain('8,192');
    expect(check.message).toMatch(/shorten the prompt or lower max tokens/i);

    const justOver = checkPromptBudget('a'.repeat(35), 100, 10 + TEMPLATE_OVERHEAD_TOKENS + 99);
    expect(justOver.fits).toBe(false);
  });

  it('a CJK prompt hits the limit sooner than English of the same length', () => {
    const window = 2048;
    const length = 2000;
    expect(checkPromptBudget('a'.repeat(length), 256, window).fits).toBe(true);
    expect(checkPromptBudget('字'.repeat(length), 256, window).fits).toBe(false);
  });

  it('always fits when the context window is unknown, still estimating the prompt', () => {
    const check = checkPromptBudget('a'.repeat(350_000), 4096, null);
    expect(check).toEqual({ fits: true, promptTokens: 100_000 + TEMPLATE_OVERHEAD_TOKENS, message: null });
  });
});

describe('normaliseSettings', () => {
  it('gives the defaults for an empty input, with no seed', () => {
    const settings = normaliseSettings({});
    expect(settings).toEqual(DEFAULT_SETTINGS);
    expect('seed' in settings).toBe(false);
  });

  it('keeps values inside the ranges', () => {
    expect(normaliseSettings({ temperature: 1.2, topP: 0.5, maxTokens: 1024 })).toEqual({ temperature: 1.2, topP: 0.5, maxTokens: 1024 });
  });

  it('clamps values outside the ranges to the nearest limit', () => {
    expect(normaliseSettings({ temperature: 5, topP: 2, maxTokens: 100_000 })).toEqual({
      temperature: LIMITS.temperature.max,
      topP: LIMITS.topP.max,
      maxTokens: LIMITS.maxTokens.max,
    });
    expect(normaliseSettings({ temperature: -1, topP: 0, maxTokens: 0 })).toEqual({
      temperature: LIMITS.temperature.min,
      topP: LIMITS.topP.min,
      maxTokens: LIMITS.maxTokens.min,
    });
  });

  it('rounds max tokens to a whole number', () => {
    expect(normaliseSettings({ maxTokens: 12.6 }).maxTokens).toBe(13);
  });

  it('accepts numeric strings, as form fields give them', () => {
    expect(normaliseSettings({ temperature: '0.3', topP: '0.9', maxTokens: '512' })).toEqual({ temperature: 0.3, topP: 0.9, maxTokens: 512 });
  });

  it.each([Number.NaN, 'abc', Number.POSITIVE_INFINITY, {}, undefined])('falls back to the defaults for %s', (bad) => {
    expect(normaliseSettings({ temperature: bad, topP: bad, maxTokens: bad })).toEqual(DEFAULT_SETTINGS);
  });

  it('takes a seed given as an integer number or integer string', () => {
    expect(normaliseSettings({ seed: 42 }).seed).toBe(42);
    expect(normaliseSettings({ seed: '42' }).seed).toBe(42);
    expect(normaliseSettings({ seed: 0 }).seed).toBe(0);
    expect(normaliseSettings({ seed: '0' }).seed).toBe(0);
  });

  it.each([4.5, '4.5', 'abc', '', null, undefined, Number.NaN])('sends no seed for %s', (bad) => {
    expect('seed' in normaliseSettings({ seed: bad })).toBe(false);
  });

  it('clamps the seed into the 31-bit range', () => {
    expect(normaliseSettings({ seed: -5 }).seed).toBe(0);
    expect(normaliseSettings({ seed: 2 ** 40 }).seed).toBe(LIMITS.seed.max);
  });

  // Regression (found in review): clamp() converts with Number(), and Number(null) === Number('') === 0, so an empty value is
  // not treated as missing. Svelte's bind:value on the <input type="number"> for max tokens yields
  // null when a person clears the field, and then a run is limited to 1 token (0 clamped to min).
  // Likewise { temperature: null } (JSON's NaN in a shared link) becomes 0, not the default 0.7.
  it('treats an empty (null) max tokens as missing, not as 0', () => {
    expect(normaliseSettings({ maxTokens: null }).maxTokens).toBe(DEFAULT_SETTINGS.maxTokens);
  });

  // Regression (found in review): the seed check is Number.isInteger(Number(seed)), so non-number, non-string values that
  // Number() turns into integers become seeds: true → 1, [] → 0, [7] → 7.
  it('sends no seed for a boolean', () => {
    expect('seed' in normaliseSettings({ seed: true })).toBe(false);
  });
});
