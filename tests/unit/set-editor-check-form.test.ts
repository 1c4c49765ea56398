import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { validateCheck } from '../../src/lib/grading/check-validate';
import type { AnswerCheck, CheckKind } from '../../src/lib/grading/check-types';
import { blankCheckForm, checkToForm, CHECK_KINDS, formToCheck, type CheckForm } from '../../src/lib/set-editor/check-form';

const form = (kind: CheckKind, fields: Partial<CheckForm>): CheckForm => ({ ...blankCheckForm(kind), ...fields });

describe('the check form: what the editor saves, and the error it shows under which field', () => {
  it('offers every kind of check the grader knows', () => {
    const kinds: CheckKind[] = ['exact', 'regex', 'number', 'choice', 'contains', 'json', 'chrf', 'behaviour'];
    expect(CHECK_KINDS.map((entry) => entry.kind).sort()).toEqual([...kinds].sort());
  });

  it('builds the checks a teacher types', () => {
    expect(formToCheck(form('number', { value: ' 109 ', tolerance: '', position: 'last' }))).toEqual({ check: { kind: 'number', value: 109, position: 'last' } });
    expect(formToCheck(form('number', { value: '2.8', tolerance: '0.01', position: 'first', chineseNumerals: true }))).toEqual({ check: { kind: 'number', value: 2.8, tolerance: 0.01, chineseNumerals: true } });
    expect(formToCheck(form('exact', { answers: ['Canberra', ' ', 'canberra, australia'] }))).toEqual({ check: { kind: 'exact', answers: ['Canberra', 'canberra, australia'] } });
    expect(formToCheck(form('regex', { pattern: '\\b19\\d\\d\\b', flags: { i: false, m: true, s: false, u: true } }))).toEqual({ check: { kind: 'regex', pattern: '\\b19\\d\\d\\b', flags: 'mu' } });
    expect(formToCheck(form('contains', { all: ['photosynthesis'], none: ['I cannot'] }))).toEqual({ check: { kind: 'contains', all: ['photosynthesis'], none: ['I cannot'] } });
    expect(formToCheck(form('json', { useSchema: true, schema: '{"type":"object","required":["name"]}' }))).toEqual({ check: { kind: 'json', schema: { type: 'object', required: ['name'] } } });
    expect(formToCheck(form('json', { useSchema: false, schema: 'not json' }))).toEqual({ check: { kind: 'json' } });
    expect(formToCheck(form('chrf', { references: ['The cat sleeps.', ''], threshold: '0.4' }))).toEqual({ check: { kind: 'chrf', references: ['The cat sleeps.'], threshold: 0.4 } });
    expect(formToCheck(form('choice', { answer: 'C' }))).toEqual({ check: { kind: 'choice', answer: 'C' } });
    expect(formToCheck(form('behaviour', { expect: 'answer' }))).toEqual({ check: { kind: 'behaviour', expect: 'answer' } });
  });

  it('pins each problem on its field, in the words of the import validator', () => {
    expect(formToCheck(form('regex', { pattern: '(unclosed' }))).toEqual({ field: 'pattern', message: 'pattern is not a valid regular expression' });
    expect(formToCheck(form('regex', { pattern: '' }))).toEqual({ field: 'pattern', message: 'pattern should be 1 to 200 characters' });
    expect(formToCheck(form('number', { value: '' }))).toEqual({ field: 'value', message: 'value should be a number' });
    expect(formToCheck(form('number', { value: '1,234' }))).toEqual({ field: 'value', message: 'value should be a number' });
    expect(formToCheck(form('number', { value: '5', tolerance: '-1' }))).toEqual({ field: 'tolerance', message: 'tolerance should be a number ≥ 0' });
    expect(formToCheck(form('exact', { answers: ['  '] }))).toEqual({ field: 'answers', message: 'answers should not be empty' });
    expect(formToCheck(form('contains', { all: [''], none: [] }))).toEqual({ field: 'phrases', message: 'needs phrases in "all" or "none"' });
    expect(formToCheck(form('json', { useSchema: true, schema: '{"type": "object",' }))).toEqual({ field: 'schema', message: 'the schema is not valid JSON' });
    expect(formToCheck(form('json', { useSchema: true, schema: '{"minLength": 3}' }))).toMatchObject({ field: 'schema', message: expect.stringContaining('“minLength” is not supported') });
    expect(formToCheck(form('chrf', { references: ['x'], threshold: '50' }))).toEqual({ field: 'threshold', message: 'threshold should be from 0 to 1' });
    expect(formToCheck(form('chrf', { references: [] }))).toEqual({ field: 'references', message: 'references should not be empty' });
  });

  it('gives an import the same verdict as the form: the editor and a file share one validator', () => {
    const bad = { kind: 'regex', pattern: '[z-a]' };
    const read = validateCheck(bad);
    expect(read).toMatchObject({ problem: 'the regex check: pattern is not a valid regular expression', field: 'pattern' });
    expect(formToCheck(form('regex', { pattern: '[z-a]' }))).toMatchObject({ field: 'pattern' });
  });

  it('reads regex flags back in one order, each once', () => {
    expect(validateCheck({ kind: 'regex', pattern: 'a', flags: 'uxiu' })).toEqual({ check: { kind: 'regex', pattern: 'a', flags: 'iu' } });
  });
});

// Raw checks as a hostile or careless file might hold them; the valid ones are what the editor may open.
const text = fc.string({ unit: 'binary', maxLength: 12 });
const texts = fc.array(text, { maxLength: 60 });
const finite = fc.double({ noNaN: true, noDefaultInfinity: true });
const schema = fc.letrec((tie) => ({
  node: fc.record(
    {
      type: fc.constantFrom('object', 'array', 'string', 'number', 'integer', 'boolean', 'null'),
      properties: fc.dictionary(fc.string({ maxLength: 6 }), tie('leaf'), { maxKeys: 3 }),
      required: fc.array(fc.string({ maxLength: 6 }), { maxLength: 3 }),
      items: tie('leaf'),
      enum: fc.array(fc.oneof(fc.string({ maxLength: 4 }), finite, fc.boolean(), fc.constant(null)), { maxLength: 4 }),
    },
    { requiredKeys: [] },
  ),
  leaf: fc.oneof({ depthSize: 'small', withCrossShrink: true }, fc.record({ type: fc.constantFrom('string', 'integer') }, { requiredKeys: [] }), tie('node')),
})).node;
const rawCheck = fc.oneof(
  fc.record({ kind: fc.constant('exact'), answers: texts }),
  fc.record({ kind: fc.constant('regex'), pattern: fc.oneof(fc.constantFrom('a+', '^\\d{3}$', '(?<y>19|20)\\d\\d', '\\p{L}+'), text), flags: fc.shuffledSubarray(['i', 'm', 's', 'u']).map((list) => list.join('')) }),
  fc.record({ kind: fc.constant('number'), value: finite, tolerance: fc.option(fc.double({ min: 0, noNaN: true, noDefaultInfinity: true }), { nil: undefined }), position: fc.constantFrom('first', 'last', undefined), chineseNumerals: fc.boolean() }),
  fc.record({ kind: fc.constant('choice'), answer: fc.constantFrom(...'ABCDEFGHabcdefgh') }),
  fc.record({ kind: fc.constant('contains'), all: texts, none: texts }, { requiredKeys: ['kind'] }),
  fc.record({ kind: fc.constant('json'), schema }, { requiredKeys: ['kind'] }),
  fc.record({ kind: fc.constant('chrf'), references: texts, threshold: fc.option(fc.double({ min: 0, max: 1, noNaN: true }), { nil: undefined }) }),
  fc.record({ kind: fc.constant('behaviour'), expect: fc.constantFrom('refuse', 'answer') }),
);
const validCheck = rawCheck.map((raw) => validateCheck(raw)).filter((read): read is { check: AnswerCheck } => 'check' in read).map((read) => read.check);

describe('check → form → check (property)', () => {
  it('gives back every valid check exactly, and the form it came from', () => {
    fc.assert(
      fc.property(validCheck, (check) => {
        const shown = checkToForm(check);
        const saved = formToCheck(shown);
        expect(saved).toEqual({ check });
        expect(checkToForm((saved as { check: AnswerCheck }).check)).toEqual(shown);
      }),
      { numRuns: 400 },
    );
  });

  it('keeps a check through a change of kind and back (the fields typed are not lost)', () => {
    fc.assert(
      fc.property(validCheck, fc.constantFrom<CheckKind>('exact', 'regex', 'number', 'choice', 'contains', 'json', 'chrf', 'behaviour'), (check, other) => {
        const shown = checkToForm(check);
        const back = { ...shown, kind: other };
        expect(formToCheck({ ...back, kind: check.kind })).toEqual({ check });
      }),
      { numRuns: 200 },
    );
  });
});
