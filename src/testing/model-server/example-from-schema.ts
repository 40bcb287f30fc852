// A value that fits a JSON Schema, built without randomness: for simulated tool arguments and structured answers.

const MAX_DEPTH = 8;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function exampleAt(schema: unknown, text: string, depth: number): unknown {
  if (!isRecord(schema) || depth > MAX_DEPTH) return text;
  if ('const' in schema) return schema.const;
  const choices: unknown = schema.enum;
  if (Array.isArray(choices) && choices.length > 0) return choices[0] as unknown;
  if ('default' in schema) return schema.default;
  for (const key of ['anyOf', 'oneOf', 'allOf'] as const) {
    const options: unknown = schema[key];
    if (Array.isArray(options) && options.length > 0) {
      const nonNull: unknown = (options as unknown[]).find(
        (option) => !(isRecord(option) && option.type === 'null'),
      );
      return exampleAt(nonNull ?? options[0], text, depth + 1);
    }
  }
  const declared = schema.type;
  const type = Array.isArray(declared)
    ? (declared.find((entry) => entry !== 'null') as unknown)
    : (declared ?? (isRecord(schema.properties) ? 'object' : isRecord(schema.items) ? 'array' : 'string'));
  switch (type) {
    case 'object': {
      const properties = isRecord(schema.properties) ? schema.properties : {};
      const value: Record<string, unknown> = {};
      for (const [name, property] of Object.entries(properties))
        value[name] = exampleAt(property, text, depth + 1);
      return value;
    }
    case 'array': {
      const count = typeof schema.minItems === 'number' ? Math.max(1, schema.minItems) : 1;
      return Array.from({ length: count }, () => exampleAt(schema.items, text, depth + 1));
    }
    case 'integer':
    case 'number': {
      const minimum = typeof schema.minimum === 'number' ? schema.minimum : 0;
      const exclusive = typeof schema.exclusiveMinimum === 'number' ? schema.exclusiveMinimum + 1 : minimum;
      const value = Math.max(minimum, exclusive);
      return type === 'integer' ? Math.ceil(value) : value;
    }
    case 'boolean':
      return true;
    case 'null':
      return null;
    default: {
      const minimum = typeof schema.minLength === 'number' ? schema.minLength : 0;
      const maximum = typeof schema.maxLength === 'number' ? schema.maxLength : 100;
      return text.slice(0, maximum).padEnd(minimum, '.');
    }
  }
}

/**
 * A value that fits a JSON Schema: `const`, the first `enum` value or the `default` when given; objects with every
 * listed property, arrays of `minItems` (at least one) items, numbers at their minimum (0 without one), `true`, and
 * `text` (cut to `maxLength`, padded to `minLength`) for strings. The same schema and text always give the same value.
 *
 * @example
 * ```ts
 * exampleFromSchema({ type: 'object', properties: { city: { type: 'string' }, days: { type: 'integer', minimum: 1 } } }, 'Paris');
 * // { city: 'Paris', days: 1 }
 * ```
 */
export function exampleFromSchema(schema: unknown, text: string): unknown {
  return exampleAt(schema, text, 0);
}
