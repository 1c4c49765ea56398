/**
 * A small JSON Schema subset for extraction tasks: `type`, `properties`, `required`, `items`,
 * `enum`. Enough to say "an object with a string `name` and an integer `age`"; keywords outside
 * the subset are not accepted by the validator, so a set never claims a check it does not make.
 */
export type JsonType = 'object' | 'array' | 'string' | 'number' | 'integer' | 'boolean' | 'null';

export interface JsonSchema {
  type?: JsonType;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  enum?: Array<string | number | boolean | null>;
}

function typeOf(value: unknown): JsonType {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'number') return Number.isInteger(value) ? 'integer' : 'number';
  return typeof value as JsonType;
}

/** The first mismatch, as "age: expected integer, got string", or null when the value fits. */
export function schemaMismatch(value: unknown, schema: JsonSchema, path = ''): string | null {
  const where = path || 'the value';
  const actual = typeOf(value);
  if (schema.type && !(schema.type === actual || (schema.type === 'number' && actual === 'integer'))) {
    return `${where}: expected ${schema.type}, got ${actual}`;
  }
  if (schema.enum && !schema.enum.some((allowed) => allowed === value)) return `${where}: not one of ${schema.enum.map((item) => JSON.stringify(item)).join(', ')}`;
  if (actual === 'object') {
    const record = value as Record<string, unknown>;
    for (const key of schema.required ?? []) if (!Object.hasOwn(record, key)) return `${path ? `${path}.` : ''}${key}: missing`;
    for (const [key, sub] of Object.entries(schema.properties ?? {})) {
      if (!Object.hasOwn(record, key)) continue;
      const problem = schemaMismatch(record[key], sub, path ? `${path}.${key}` : key);
      if (problem) return problem;
    }
  }
  if (actual === 'array' && schema.items) {
    for (const [index, item] of (value as unknown[]).entries()) {
      const problem = schemaMismatch(item, schema.items, `${path}[${index}]`);
      if (problem) return problem;
    }
  }
  return null;
}
