// Generated request parts for the fuzz test: values shaped by an operation's JSON Schema (from
// the contract's zod schemas), mixed with what a careless or hostile client sends.
import fc from 'fast-check';

/** Strings that have broken servers: NUL, lone surrogates, huge, dates out of range, markup. */
export const nastyString: fc.Arbitrary<string> = fc.oneof(
  { weight: 1, arbitrary: fc.string({ maxLength: 40 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 20 }) },
  { weight: 1, arbitrary: fc.stringMatching(/^\d{4}-\d{2}-\d{2}$/) },
  // What broke the server before (issue 11): often, so that a small budget meets them.
  { weight: 4, arbitrary: fc.constantFrom('a\u0000b', 'x\ud800y', '0000-01-01', '9999-12-31') },
  {
    weight: 5,
    arbitrary: fc.constantFrom(
      '\u0000',
      'a\u0000b',
      '\ud800',
      'x\udfffy',
      '\u001b[31m',
      '',
      ' ',
      '0000-01-01',
      '9999-12-31',
      '2021-02-30',
      '2021-13-01',
      '1899-12-31',
      '-1',
      '1e309',
      'NaN',
      'null',
      '<script>alert(1)</script>',
      "' OR 1=1 --",
      '../../etc/passwd',
      '00000000-0000-0000-0000-000000000000',
      'FR7630006000011234567890189',
    ),
  },
  { weight: 1, arbitrary: fc.integer({ min: 1_000, max: 200_000 }).map((n) => 'é'.repeat(n)) },
);

const extremeNumber: fc.Arbitrary<number> = fc.oneof(
  fc.integer(),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.constantFrom(0, -1, 1.5, 2 ** 53 + 2, -(2 ** 63), 1e308, -1e308, 5e-324),
);

/**
 * Lists in lists, thousands deep (a walk by recursion overflows its stack): written into the
 * request's text by `jsonText`, since JSON.stringify would overflow its own stack on them.
 */
class Nested {
  constructor(readonly depth: number) {}
  toJSON(): string {
    return `⟦nested ${String(this.depth)}⟧`;
  }
  [fc.toStringMethod](): string {
    return `[[[…]]] (${String(this.depth)} deep)`;
  }
}

/** A generated body as the JSON text a client sends. */
export const jsonText = (body: unknown): string =>
  JSON.stringify(body ?? null).replace(/"⟦nested (\d+)⟧"/g, (_match, depth: string) =>
    '['.repeat(Number(depth)).concat(']'.repeat(Number(depth))),
  );

/** Any JSON value at all (a wrong type in any place). */
const anyJson: fc.Arbitrary<unknown> = fc.oneof(
  nastyString,
  extremeNumber,
  fc.boolean(),
  fc.constant(null),
  fc.array(fc.oneof(nastyString, extremeNumber), { maxLength: 3 }),
  fc.dictionary(nastyString, nastyString, { maxKeys: 3 }),
  fc.integer({ min: 30, max: 5_000 }).map((depth) => new Nested(depth)),
);

interface JsonSchema {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  enum?: unknown[];
  const?: unknown;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  format?: string;
  minimum?: number;
  maximum?: number;
}

/**
 * A value for a JSON Schema: most of the time of the right shape with edge values inside, now and
 * then anything at all, so that both the schema's checks and what lies behind them are tried.
 */
export function valueFor(schema: JsonSchema | undefined, depth = 0): fc.Arbitrary<unknown> {
  if (!schema || depth > 4) return anyJson;
  const shaped = shapedValue(schema, depth);
  return fc.oneof({ weight: 6, arbitrary: shaped }, { weight: 1, arbitrary: anyJson });
}

function shapedValue(schema: JsonSchema, depth: number): fc.Arbitrary<unknown> {
  const variants = schema.anyOf ?? schema.oneOf;
  if (variants && variants.length > 0)
    return fc.oneof(...variants.map((v) => valueFor(v, depth + 1)));
  if (schema.enum && schema.enum.length > 0)
    return fc.oneof(fc.constantFrom(...schema.enum), nastyString);
  if (schema.const !== undefined) return fc.constant(schema.const);
  const type = (Array.isArray(schema.type) ? schema.type[0] : schema.type) ?? 'any';
  switch (type) {
    case 'object': {
      const properties = Object.entries(schema.properties ?? {});
      if (properties.length === 0) return fc.dictionary(nastyString, anyJson, { maxKeys: 3 });
      const fields = Object.fromEntries(
        properties.map(([key, value]) => [key, valueFor(value, depth + 1)]),
      );
      // Mostly every required field present (so the checks behind the schema run), else any.
      return fc.oneof(
        { weight: 3, arbitrary: fc.record(fields, { requiredKeys: schema.required ?? [] }) },
        { weight: 1, arbitrary: fc.record(fields, { requiredKeys: [] }) },
      );
    }
    case 'array':
      return fc.array(valueFor(schema.items, depth + 1), { maxLength: 4 });
    case 'string':
      return schema.format === 'uuid' ? fc.oneof(fc.uuid(), nastyString) : nastyString;
    case 'integer':
    case 'number':
      return fc.oneof(
        extremeNumber,
        fc.integer({
          min: Math.max(Number.MIN_SAFE_INTEGER, schema.minimum ?? -1_000),
          max: Math.min(Number.MAX_SAFE_INTEGER, schema.maximum ?? 1_000_000),
        }),
      );
    case 'boolean':
      return fc.boolean();
    case 'null':
      return fc.constant(null);
    default:
      return anyJson;
  }
}

/** Every byte of the UTF-8 form percent-encoded (a lone surrogate becomes U+FFFD's bytes). */
const percentEncoded = (value: string): string =>
  [...Buffer.from(value, 'utf8')].map((byte) => `%${byte.toString(16).padStart(2, '0')}`).join('');

/**
 * A path parameter: as often as not one that names something in the database (`existing`: its
 * ids, packs, years), so that what lies behind the lookup is tried too; else an id that exists
 * nowhere, or bytes no id has.
 */
export const pathValue = (existing: readonly string[]): fc.Arbitrary<string> =>
  fc.oneof(
    { weight: 3, arbitrary: fc.constantFrom(...existing) },
    { weight: 1, arbitrary: fc.uuid() },
    {
      weight: 1,
      arbitrary: fc.constantFrom(
        '%00',
        '%ED%A0%80',
        '0',
        '-1',
        '9'.repeat(40),
        'jeunesse',
        'csv',
        'xlsx',
        '2021',
      ),
    },
    { weight: 1, arbitrary: nastyString.map((s) => percentEncoded(s.slice(0, 200))) },
  );

/** The names query strings use across the API, with any values. */
const QUERY_NAMES = [
  'from',
  'to',
  'until',
  'reference',
  'q',
  'sector',
  'year',
  'status',
  'kind',
  'name',
  'age',
  'placesLeft',
  'date',
  'before',
  'action',
  'actor',
  'member',
];
export const queryString: fc.Arbitrary<string> = fc
  .dictionary(fc.constantFrom(...QUERY_NAMES), nastyString, { maxKeys: 3 })
  .map((query) =>
    Object.entries(query)
      .map(([key, value]) => `${key}=${percentEncoded(value.slice(0, 500))}`)
      .join('&'),
  );
