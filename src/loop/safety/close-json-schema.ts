// `reject_unknown_fields`: a JSON Schema whose objects refuse properties they do not declare.

const COMBINATORS = new Set(['allOf', 'anyOf', 'oneOf']);
/** Keywords whose value is one schema. */
const SCHEMA_KEYWORDS = new Set([
  'items',
  'additionalItems',
  'contains',
  'not',
  'if',
  'then',
  'else',
  'propertyNames',
  'unevaluatedItems',
  'additionalProperties',
  'unevaluatedProperties',
]);
/** Keywords whose value maps names to schemas. */
const SCHEMA_MAP_KEYWORDS = new Set([
  'properties',
  'patternProperties',
  '$defs',
  'definitions',
  'dependentSchemas',
]);

const closed = new WeakMap<object, object>();

/**
 * A copy of the schema where every object schema that lists its properties (`properties` or `patternProperties`)
 * and says nothing about other properties gets `unevaluatedProperties: false`. A bare `{ type: 'object' }` lists
 * none: it is read as a free-form map and left open. Members of `allOf`, `anyOf` and
 * `oneOf` are left open, since closing each would make them refuse one another's properties; their parent is
 * closed instead, even when it declares no properties itself (`unevaluatedProperties` sees what its members
 * declared). Schemas that already set `additionalProperties` or `unevaluatedProperties` keep their choice. The copy is cached per schema object.
 *
 * @example
 * ```ts
 * closeJsonSchema({ type: 'object', properties: { a: { type: 'string' } } });
 * // { type: 'object', properties: { a: { type: 'string' } }, unevaluatedProperties: false }
 * ```
 */
export function closeJsonSchema(schema: object | boolean): object | boolean {
  if (typeof schema === 'boolean') return schema;
  const cached = closed.get(schema);
  if (cached !== undefined) return cached;
  const result = closeNode(schema, false) as object;
  closed.set(schema, result);
  return result;
}

function closeNode(node: unknown, isCombinatorMember: boolean): unknown {
  if (typeof node !== 'object' || node === null) return node;
  if (Array.isArray(node)) return node.map((item: unknown) => closeNode(item, false));
  const source = node as Record<string, unknown>;
  const copy: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(source)) {
    if (COMBINATORS.has(key) && Array.isArray(value)) {
      copy[key] = value.map((member: unknown) => closeNode(member, true));
    } else if (SCHEMA_KEYWORDS.has(key)) {
      copy[key] = closeNode(value, false);
    } else if (SCHEMA_MAP_KEYWORDS.has(key) && typeof value === 'object' && value !== null) {
      copy[key] = Object.fromEntries(
        Object.entries(value as Record<string, unknown>).map(([name, schema]) => [
          name,
          closeNode(schema, false),
        ]),
      );
    } else if (key === 'prefixItems' && Array.isArray(value)) {
      copy[key] = value.map((item: unknown) => closeNode(item, false));
    } else {
      copy[key] = value;
    }
  }
  const isObjectSchema =
    declaresObject(source) ||
    [...COMBINATORS].some((key) => {
      const members = source[key];
      return Array.isArray(members) && members.some((member: unknown) => declaresObject(member));
    });
  const saysNothing = !('additionalProperties' in source) && !('unevaluatedProperties' in source);
  if (isObjectSchema && saysNothing && !isCombinatorMember) copy.unevaluatedProperties = false;
  return copy;
}

/** Whether a schema lists the properties of its objects (a bare `type: object` is a free-form map, left open). */
function declaresObject(node: unknown): boolean {
  if (typeof node !== 'object' || node === null) return false;
  return 'properties' in node || 'patternProperties' in node;
}
