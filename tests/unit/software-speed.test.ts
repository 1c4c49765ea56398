// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { allEntries, findModel, type CatalogEntry } from '../../src/lib/catalog/catalog';
import { softwareAdvice, softwareSecondsPerWord } from '../../src/lib/catalog/software-speed';
import { plainDuration } from '../../src/lib/metrics/plain-duration';

function model(id: string): CatalogEntry {
  const entry = findModel(id, allEntries());
  if (!entry) throw new Error(`${id} missing from the catalog`);
  return entry;
}

describe('softwareSecondsPerWord', () => {
  it('matches the measured SwiftShader speed of a 0.5B q4f16 model (12-16 s a token)', () => {
    const perWord = softwareSecondsPerWord(model('Qwen2-0.5B-Instruct-q4f16_1-MLC'))!;
    const perToken = perWord * 0.75;
    expect(perToken).toBeGreaterThan(12);
    expect(perToken).toBeLessThan(16);
  });

  it('grows with the weights: a 1.5B model takes about three times as long as a 0.5B one', () => {
    const small = softwareSecondsPerWord(model('Qwen2.5-0.5B-Instruct-q4f32_1-MLC'))!;
    const large = softwareSecondsPerWord(model('Qwen2.5-1.5B-Instruct-q4f32_1-MLC'))!;
    expect(large / small).toBeCloseTo(3, 1);
  });
});

describe('softwareAdvice', () => {
  it('gives a number in plain words and suggests the smallest model', () => {
    const lineup = [model('Qwen2.5-1.5B-Instruct-q4f32_1-MLC'), model('Qwen3-0.6B-q4f32_1-MLC')];
    const advice = softwareAdvice(lineup, [...lineup, model('SmolLM2-360M-Instruct-q4f32_1-MLC')]);
    expect(advice.slowest?.entry.base).toBe('Qwen2.5-1.5B-Instruct');
    expect(advice.smallest?.entry.base).toBe('SmolLM2-360M-Instruct');
    expect(advice.text).toContain('about a minute per word here for Qwen2.5-1.5B-Instruct');
    expect(advice.text).toContain('The smallest model, SmolLM2-360M-Instruct, is the quickest to try (about 15 seconds per word)');
  });

  it('suggests nothing when the line-up already holds the smallest model', () => {
    const lineup = [model('SmolLM2-360M-Instruct-q4f32_1-MLC')];
    const advice = softwareAdvice(lineup, lineup);
    expect(advice.smallest).toBeNull();
    expect(advice.text).not.toContain('smallest');
  });

  it('still warns when no model size is known', () => {
    expect(softwareAdvice([], []).text).toContain('minutes for a short answer');
  });
});

describe('plainDuration', () => {
  it.each([
    [0.4, 'under a second'],
    [1, 'about 1 second'],
    [7.4, 'about 7 seconds'],
    [18, 'about 20 seconds'],
    [30, 'about half a minute'],
    [70, 'about a minute'],
    [4 * 60 + 10, 'about 4 minutes'],
    [70 * 60, 'about an hour'],
    [5 * 3600, 'about 5 hours'],
    [Number.NaN, 'an unknown time'],
    [null, 'an unknown time'],
  ])('%s s → %s', (seconds, text) => {
    expect(plainDuration(seconds)).toBe(text);
  });
});
