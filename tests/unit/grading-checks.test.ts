import { describe, expect, it } from 'vitest';
import { choiceLetter, gradeAnswer } from '../../src/lib/grading/grade';
import { DEFAULT_REFUSAL_RULES } from '../../src/lib/grading/default-refusal-rules';
import { normaliseAnswer } from '../../src/lib/grading/normalise';
import type { AnswerCheck } from '../../src/lib/grading/check-types';

const grade = (answer: string, check: AnswerCheck) => gradeAnswer(answer, check, DEFAULT_REFUSAL_RULES);

describe('normalisation', () => {
  it('folds case, punctuation and full-width forms', () => {
    expect(normaliseAnswer('  ＰＡＲＩＳ！ ')).toBe('paris');
    expect(normaliseAnswer('Paris.')).toBe('paris');
    expect(normaliseAnswer('北京。')).toBe('北京');
    expect(normaliseAnswer('New   York,\nUSA')).toBe('new york usa');
  });
});

describe('exact / any-of', () => {
  const check: AnswerCheck = { kind: 'exact', answers: ['Canberra'] };
  it('accepts any case, punctuation and width', () => {
    expect(grade('canberra.', check).pass).toBe(true);
    expect(grade('ＣＡＮＢＥＲＲＡ', check).pass).toBe(true);
  });
  it('rejects a sentence or another city, and says what was expected', () => {
    expect(grade('The capital is Canberra.', check)).toMatchObject({ pass: false, reason: 'expected “Canberra”' });
    expect(grade('Sydney', check).pass).toBe(false);
  });
  it('takes any alias, in either script', () => {
    const aliases: AnswerCheck = { kind: 'exact', answers: ['Yangtze', '长江'] };
    expect(grade('长江', aliases)).toMatchObject({ pass: true, reason: 'matches “长江”' });
  });
});

describe('number', () => {
  const first: AnswerCheck = { kind: 'number', value: 1234 };
  it.each(['1234', '1,234', '1 234', '1\u00a0234', '１２３４', 'It is 1,234 apples'])('reads %j as 1234', (answer) => {
    expect(grade(answer, first).pass).toBe(true);
  });
  it('takes the last number when asked (the final answer after working)', () => {
    const last: AnswerCheck = { kind: 'number', value: 11, position: 'last' };
    expect(grade('18 − 5 + 9 = 22, half is 11', last).pass).toBe(true);
    expect(grade('Answer: 11. Check: 22 / 2', last)).toMatchObject({ pass: false, reason: 'found 2, expected 11' });
  });
  it('applies the tolerance', () => {
    const check: AnswerCheck = { kind: 'number', value: 2.8, tolerance: 0.001 };
    expect(grade('2.80 dollars', check).pass).toBe(true);
    expect(grade('2.9', check).pass).toBe(false);
    expect(grade('3.14', { kind: 'number', value: 3.1, tolerance: 0.05 }).pass).toBe(true);
  });
  it('reads Chinese numerals only when the check allows them', () => {
    expect(grade('一百', { kind: 'number', value: 100, chineseNumerals: true }).pass).toBe(true);
    expect(grade('一百', { kind: 'number', value: 100 })).toMatchObject({ pass: false, reason: 'no number found (expected 100)' });
    expect(grade('答案是十二。', { kind: 'number', value: 12, chineseNumerals: true }).pass).toBe(true);
  });
  it('reads negative numbers', () => {
    expect(grade('It is -3 degrees', { kind: 'number', value: -3 }).pass).toBe(true);
  });
});

describe('multiple choice', () => {
  it.each([
    ['Answer: C', 'C'],
    ['答案：B', 'B'],
    ['(D) because it has to be', 'D'],
    ['B) Second', 'B'],
    ['**A**', 'A'],
    ['Option A says one thing, option B another. The answer is C.', 'C'],
    ['ａｎｓｗｅｒ： Ｃ', 'C'],
  ])('reads %j as %s', (answer, letter) => {
    expect(choiceLetter(answer)).toBe(letter);
  });
  it('does not mistake the article "A" for a choice', () => {
    expect(choiceLetter('A bat and a ball cost more')).toBeNull();
    expect(grade('A bat', { kind: 'choice', answer: 'A' })).toMatchObject({ pass: false, reason: 'no option letter found (expected A)' });
  });
  it('fails the wrong letter with both letters in the reason', () => {
    expect(grade('Answer: B', { kind: 'choice', answer: 'C' })).toMatchObject({ pass: false, reason: 'chose B, expected C' });
  });
});

describe('regex and contains', () => {
  it('matches a pattern anywhere', () => {
    expect(grade('the year 1969', { kind: 'regex', pattern: '19\\d\\d' }).pass).toBe(true);
    expect(grade('the year 2001', { kind: 'regex', pattern: '^19' }).pass).toBe(false);
  });
  it('needs every "all" phrase and no "none" phrase, as whole words', () => {
    const check: AnswerCheck = { kind: 'contains', all: ['photosynthesis', 'light'], none: ['magic'] };
    expect(grade('Photosynthesis uses LIGHT.', check).pass).toBe(true);
    expect(grade('Photosynthesis uses lightning', check)).toMatchObject({ pass: false, reason: 'missing “light”' });
    expect(grade('Photosynthesis is light magic', check)).toMatchObject({ pass: false, reason: 'contains “magic”' });
  });
});

describe('JSON', () => {
  const schema: AnswerCheck = { kind: 'json', schema: { type: 'object', required: ['name', 'age'], properties: { name: { type: 'string' }, age: { type: 'integer' } } } };
  it('finds JSON in a fence or amid prose', () => {
    expect(grade('```json\n{"name": "Ana", "age": 3}\n```', schema).pass).toBe(true);
    expect(grade('Here it is: {"name": "Ana", "age": 3} — hope that helps! {', schema).pass).toBe(true);
    expect(grade('{"name": "a } b", "age": 3} trailing prose', schema).pass).toBe(true);
  });
  it('fails invalid JSON and a schema mismatch, naming the field', () => {
    expect(grade("{name: 'Ana'}", schema)).toMatchObject({ pass: false, reason: 'no valid JSON found' });
    expect(grade('{"name": "Ana", "age": "three"}', schema)).toMatchObject({ pass: false, reason: 'JSON does not fit the schema: age: expected integer, got string' });
    expect(grade('{"name": "Ana"}', schema)).toMatchObject({ pass: false, reason: 'JSON does not fit the schema: age: missing' });
    expect(grade('{"sentiment": "happy"}', { kind: 'json', schema: { properties: { sentiment: { enum: ['positive', 'negative'] } } } }).pass).toBe(false);
  });
  it('accepts any JSON object without a schema', () => {
    expect(grade('[1, 2, 3]', { kind: 'json' }).pass).toBe(true);
    expect(grade('42', { kind: 'json' }).pass).toBe(false);
  });
});

describe('translation (chrF)', () => {
  it('passes at the threshold and reports the score', () => {
    const check: AnswerCheck = { kind: 'chrf', references: ['The train was half an hour late.'], threshold: 0.5 };
    expect(grade('The train was half an hour late.', check)).toMatchObject({ pass: true, score: 1, reason: 'chrF 100.0 (pass at 50)' });
    expect(grade('Bananas are yellow.', check).pass).toBe(false);
  });
});
