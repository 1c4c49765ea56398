import fc from 'fast-check';

/**
 * Arbitraries for property tests of the file formats: text an attacker (or a broken editor)
 * could put in a file, and mutations of a valid file's bytes. Shared by the *-file property tests.
 */

/** Strings made only of UTF-16 surrogate halves: not valid Unicode, but legal in JS and JSON. */
const loneSurrogates = fc.array(fc.integer({ min: 0xd800, max: 0xdfff }), { minLength: 1, maxLength: 4 }).map((codes) => String.fromCharCode(...codes));

const NASTY = ['__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty', '\u0000', '\uFEFF', '\u2028\u2029', '"},{"', '\\', '</script><script>alert(1)</script>', '${1+1}', 'a\uD83D', '\uDE00b', '👩‍👩‍👧‍👦', 'e\u0301', '\u202Eevil'];

export function hostileText(maxLength = 40): fc.Arbitrary<string> {
  return fc.oneof(
    fc.string({ unit: 'binary', maxLength }),
    fc.string({ unit: 'grapheme', maxLength }),
    fc.constantFrom(...NASTY),
    loneSurrogates,
    fc.array(fc.oneof(fc.constantFrom(...NASTY), loneSurrogates, fc.string({ maxLength: 3 })), { maxLength: 4 }).map((parts) => parts.join('').slice(0, maxLength)),
  );
}

/** Text that is not blank (validators refuse blank ids, model names, prompts). */
export function nonBlankText(maxLength = 40): fc.Arbitrary<string> {
  return hostileText(maxLength).filter((text) => text.trim() !== '');
}

/** Text as a trimming validator keeps it: trimmed and not empty. */
export function trimmedText(maxLength = 40): fc.Arbitrary<string> {
  return hostileText(maxLength).map((text) => text.trim()).filter((text) => text !== '');
}

/** A finite number ≥ 0, from tiny to huge (-0 left out: JSON has no way to write it). */
export const amount: fc.Arbitrary<number> = fc.oneof(
  fc.double({ min: 0, noNaN: true, noDefaultInfinity: true }),
  fc.constantFrom(0, 1, Number.MAX_VALUE, Number.MIN_VALUE, Number.MAX_SAFE_INTEGER, 2 ** 53 + 2, 1e-300, 1e308),
).map((value) => (Object.is(value, -0) ? 0 : value));

/** A date-time in canonical ISO 8601, as every validator writes it back. */
export const isoDate: fc.Arbitrary<string> = fc
  .date({ min: new Date('1970-01-01T00:00:00.000Z'), max: new Date('9999-12-31T23:59:59.999Z'), noInvalidDate: true })
  .map((date) => date.toISOString());

/** Values of the wrong type for whatever field they replace. */
const wrongValue = fc.oneof(
  fc.constantFrom(null, true, false, 0, -1, 1e308, -1e308, 0.5, '', ' ', 'x', '2024-13-45', [], {}, [null], { nested: { deeper: [] } }),
  hostileText(20),
  fc.string({ minLength: 5000, maxLength: 5000 }).map((text) => text.padEnd(5000, 'x')),
);

export type Mutation =
  | { kind: 'drop'; at: number }
  | { kind: 'retype'; at: number; value: unknown }
  | { kind: 'proto'; at: number }
  | { kind: 'truncate'; at: number }
  | { kind: 'flip'; at: number; code: number };

export const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constant('drop' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('retype' as const), at: fc.nat(), value: wrongValue }),
  fc.record({ kind: fc.constant('proto' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('truncate' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('flip' as const), at: fc.nat(), code: fc.integer({ min: 0, max: 0xffff }) }),
);

type Container = Record<string, unknown> | unknown[];
interface Slot { parent: Container; key: string | number }

function slots(value: unknown, into: Slot[] = []): Slot[] {
  if (Array.isArray(value)) value.forEach((item, index) => { into.push({ parent: value, key: index }); slots(item, into); });
  else if (value && typeof value === 'object') for (const key of Object.keys(value)) { into.push({ parent: value as Record<string, unknown>, key }); slots((value as Record<string, unknown>)[key], into); }
  return into;
}

function objects(value: unknown, into: Record<string, unknown>[] = []): Record<string, unknown>[] {
  if (Array.isArray(value)) value.forEach((item) => objects(item, into));
  else if (value && typeof value === 'object') {
    into.push(value as Record<string, unknown>);
    Object.values(value).forEach((item) => objects(item, into));
  }
  return into;
}

/** The text of a valid file with one thing broken. */
export function applyMutation(text: string, change: Mutation): string {
  if (change.kind === 'truncate') return text.slice(0, change.at % Math.max(1, text.length));
  if (change.kind === 'flip') {
    const at = change.at % Math.max(1, text.length);
    return text.slice(0, at) + String.fromCharCode(change.code) + text.slice(at + 1);
  }
  const data: unknown = JSON.parse(text);
  if (change.kind === 'proto') {
    const all = objects(data);
    const target = all[change.at % all.length];
    // An own "__proto__" key, as JSON.parse makes from a file: JSON.stringify writes it out.
    if (target) Object.defineProperty(target, '__proto__', { value: { polluted: 'yes', id: 'evil' }, enumerable: true, configurable: true, writable: true });
    return JSON.stringify(data);
  }
  const all = slots(data);
  const slot = all[change.at % Math.max(1, all.length)];
  if (!slot) return JSON.stringify(change.kind === 'retype' ? change.value : data);
  if (change.kind === 'drop') {
    if (Array.isArray(slot.parent)) slot.parent.splice(slot.key as number, 1);
    else delete slot.parent[slot.key as string];
  } else {
    (slot.parent as Record<string | number, unknown>)[slot.key] = change.value;
  }
  return JSON.stringify(data);
}

/** A rejection a person can read: a plain Error naming the problem, never a TypeError from a bug. */
export function expectClearError(error: unknown): void {
  if (!(error instanceof Error) || error.constructor !== Error || !/^(This|Nothing)/.test(error.message)) {
    throw new Error(`Not a clear error: ${String((error as Error)?.stack ?? error)}`);
  }
}

/** Nothing in a file may reach Object.prototype. */
export function expectNoPollution(): void {
  const probe: Record<string, unknown> = {};
  if (probe.polluted !== undefined || probe.id !== undefined) throw new Error('Object.prototype was polluted');
}

/** fc.record with ordinary objects (fast-check also makes null-prototype ones, which no file or store holds). */
export const plainRecord: typeof fc.record = ((model: never, constraints?: object) => fc.record(model, { noNullPrototype: true, ...constraints })) as typeof fc.record;
