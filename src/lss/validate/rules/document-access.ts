// Guarded reads of a document that may have any shape: every helper accepts `unknown` and never throws.

/**
 * The value as a plain mapping, or `undefined` when it is not one (arrays and `null` are not mappings).
 *
 * @example
 * ```ts
 * asRecord({ a: 1 }); // { a: 1 }
 * asRecord([1]); // undefined
 * ```
 */
export function asRecord(value: unknown): Record<string, unknown> | undefined {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : undefined;
}

/**
 * The value as a list, or an empty list when it is not one.
 *
 * @example
 * ```ts
 * asList([1, 2]); // [1, 2]
 * asList('x'); // []
 * ```
 */
export function asList(value: unknown): readonly unknown[] {
  return Array.isArray(value) ? value : [];
}

/**
 * The value when it is a string, else `undefined`.
 *
 * @example
 * ```ts
 * asString('a'); // 'a'
 * ```
 */
export function asString(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

/**
 * The value when it is a finite number, else `undefined`.
 *
 * @example
 * ```ts
 * asNumber(0.5); // 0.5
 * asNumber('0.5'); // undefined
 * ```
 */
export function asNumber(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isFinite(value) ? value : undefined;
}

/**
 * An own field of a mapping (`undefined` for a missing field or a value that is not a mapping).
 *
 * @example
 * ```ts
 * field({ memory: { type: 'session' } }, 'memory', 'type'); // 'session'
 * ```
 */
export function field(value: unknown, ...keys: string[]): unknown {
  let current = value;
  for (const key of keys) {
    const record = asRecord(current);
    if (record === undefined || !Object.hasOwn(record, key)) return undefined;
    current = record[key];
  }
  return current;
}

/** An item of a top-level list such as `workers`, with its index and (when it is a string) its id. */
export interface ListEntry {
  index: number;
  id: string | undefined;
  value: Record<string, unknown> | undefined;
}

/**
 * The items of the list at `document[key]`, with their ids read from `idKey`.
 *
 * @example
 * ```ts
 * listEntries({ workers: [{ id: 'a' }, 3] }, 'workers'); // [{ index: 0, id: 'a', … }, { index: 1, id: undefined, … }]
 * ```
 */
export function listEntries(document: unknown, key: string, idKey = 'id'): ListEntry[] {
  return asList(field(document, key)).map((item, index) => ({
    index,
    id: asString(field(item, idKey)),
    value: asRecord(item),
  }));
}

/**
 * The distinct ids declared in the list at `document[key]`, in order.
 *
 * @example
 * ```ts
 * declaredIds({ workers: [{ id: 'a' }, { id: 'a' }, { id: 'b' }] }, 'workers'); // ['a', 'b']
 * ```
 */
export function declaredIds(document: unknown, key: string, idKey = 'id'): string[] {
  const ids = new Set<string>();
  for (const entry of listEntries(document, key, idKey)) if (entry.id !== undefined) ids.add(entry.id);
  return [...ids];
}

/**
 * `workers.writer.output` → `{ root: 'workers', name: 'writer', rest: ['output'] }`.
 *
 * @example
 * ```ts
 * splitReference('inputs.query'); // { root: 'inputs', name: 'query', rest: [] }
 * ```
 */
export function splitReference(reference: string): { root: string; name: string; rest: string[] } {
  const [root = '', name = '', ...rest] = reference.split('.');
  return { root, name, rest };
}

/**
 * The names of an own-keyed mapping (`[]` when it is not a mapping).
 *
 * @example
 * ```ts
 * keysOf({ a: 1, b: 2 }); // ['a', 'b']
 * ```
 */
export function keysOf(value: unknown): string[] {
  const record = asRecord(value);
  return record === undefined ? [] : Object.keys(record);
}

/**
 * A list of names in backticks for messages: `` `a`, `b` and `c` ``.
 *
 * @example
 * ```ts
 * quoteList(['a', 'b', 'c']); // '`a`, `b` and `c`'
 * ```
 */
export function quoteList(names: readonly string[], conjunction = 'and'): string {
  const quoted = names.map((name) => `\`${name}\``);
  if (quoted.length <= 1) return quoted.join('');
  return `${quoted.slice(0, -1).join(', ')} ${conjunction} ${quoted.at(-1)!}`;
}
