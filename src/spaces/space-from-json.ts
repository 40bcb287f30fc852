import { z } from 'zod';
import { describeValue, InvalidArgumentError } from '../core/errors.js';
import { nestValues } from './array-shape.js';
import { Box } from './box.js';
import { Dict } from './dict.js';
import { Discrete } from './discrete.js';
import { DTYPES, type BoxDtype } from './dtype.js';
import { MultiBinary } from './multi-binary.js';
import { MultiDiscrete, type NestedNumbers } from './multi-discrete.js';
import { Text } from './text.js';
import { Tuple } from './tuple.js';
import type { AnySpace } from './space-types.js';

const integer = z.number().int();
const bound = z.union([z.number(), z.literal('inf'), z.literal('-inf')]);
const boxDtype = z.enum(Object.keys(DTYPES) as [BoxDtype, ...BoxDtype[]]);

const SCHEMAS = {
  Discrete: z.strictObject({ type: z.literal('Discrete'), n: integer, start: integer.optional() }),
  Box: z.strictObject({
    type: z.literal('Box'),
    low: z.union([bound, z.array(bound)]),
    high: z.union([bound, z.array(bound)]),
    shape: z.array(integer),
    dtype: boxDtype.optional(),
  }),
  MultiDiscrete: z.strictObject({
    type: z.literal('MultiDiscrete'),
    nvec: z.array(integer),
    start: z.array(integer).optional(),
    shape: z.array(integer).optional(),
  }),
  MultiBinary: z.strictObject({ type: z.literal('MultiBinary'), n: z.union([integer, z.array(integer)]) }),
  Text: z.strictObject({
    type: z.literal('Text'),
    maxLength: integer,
    minLength: integer.optional(),
    charset: z.string().optional(),
  }),
  Dict: z.strictObject({ type: z.literal('Dict'), spaces: z.array(z.tuple([z.string(), z.unknown()])) }),
  Tuple: z.strictObject({ type: z.literal('Tuple'), spaces: z.array(z.unknown()) }),
} as const;

type SpaceType = keyof typeof SCHEMAS;

/**
 * The space a JSON description stands for: reads back any space's `toJSON()`, nested spaces included.
 * Throws an `InvalidArgumentError` naming the path of the first problem (e.g. `spaces[1].n`).
 *
 * @example
 * ```ts
 * const space = spaceFromJSON({ type: 'Discrete', n: 3, start: 0 });
 * space.equals(new Discrete(3)); // true
 * spaceFromJSON(JSON.parse(JSON.stringify(observationSpace.toJSON()))); // a copy of observationSpace
 * ```
 */
export function spaceFromJSON(json: unknown): AnySpace {
  return build(json, '');
}

function build(json: unknown, path: string): AnySpace {
  const where = path === '' ? 'space JSON' : `space JSON at \`${path}\``;
  if (json === null || typeof json !== 'object' || Array.isArray(json)) {
    throw new InvalidArgumentError(
      `Invalid ${where}: expected an object like {"type": "Discrete", ...}, got ${describeValue(json)}.`,
    );
  }
  const type = (json as { type?: unknown }).type;
  if (typeof type !== 'string' || !Object.hasOwn(SCHEMAS, type)) {
    throw new InvalidArgumentError(
      `Invalid ${where}: unknown space type ${describeValue(type)}; expected one of ${Object.keys(SCHEMAS).join(', ')}.`,
    );
  }
  const parsed = SCHEMAS[type as SpaceType].safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const issuePath = [
      path,
      ...issue.path.map((key) => (typeof key === 'number' ? `[${key}]` : `.${String(key)}`)),
    ]
      .join('')
      .replace(/^\./, '');
    throw new InvalidArgumentError(`Invalid ${type} JSON at \`${issuePath || type}\`: ${issue.message}.`);
  }
  try {
    return construct(parsed.data, path);
  } catch (error) {
    if (error instanceof InvalidArgumentError && error.message.startsWith('Invalid ')) throw error;
    const detail = error instanceof Error ? error.message : String(error);
    throw new InvalidArgumentError(`Invalid ${where}: ${detail}`, { cause: error });
  }
}

type Parsed = { [K in SpaceType]: z.infer<(typeof SCHEMAS)[K]> }[SpaceType];

function construct(data: Parsed, path: string): AnySpace {
  const child = (suffix: string): string => (path === '' ? suffix.replace(/^\./, '') : `${path}${suffix}`);
  switch (data.type) {
    case 'Discrete':
      return new Discrete(data.n, data.start ?? 0);
    case 'Box':
      return new Box(decodeBound(data.low), decodeBound(data.high), data.shape, data.dtype ?? 'float32');
    case 'MultiDiscrete': {
      const shape = data.shape ?? [data.nvec.length];
      const nest = (values: number[]): NestedNumbers => {
        if (values.length !== data.nvec.length) {
          throw new InvalidArgumentError('start must have as many entries as nvec.');
        }
        if (shape.reduce((a, b) => a * b, 1) !== values.length || shape.length === 0) {
          throw new InvalidArgumentError(
            `shape [${shape.join(', ')}] does not match the ${values.length} entries of nvec.`,
          );
        }
        return nestValues(values, shape) as NestedNumbers;
      };
      return new MultiDiscrete(nest(data.nvec), data.start === undefined ? undefined : nest(data.start));
    }
    case 'MultiBinary':
      return new MultiBinary(data.n);
    case 'Text':
      return new Text(data.maxLength, {
        ...(data.minLength === undefined ? {} : { minLength: data.minLength }),
        ...(data.charset === undefined ? {} : { charset: data.charset }),
      });
    case 'Dict':
      return new Dict(
        data.spaces.map(([key, space]) => [key, build(space, child(`.spaces.${key}`))] as const),
      );
    case 'Tuple':
      return new Tuple(data.spaces.map((space, i) => build(space, child(`.spaces[${i}]`))));
  }
}

function decodeBound(value: number | string | (number | string)[]): number | number[] {
  const decode = (v: number | string): number =>
    v === 'inf' ? Infinity : v === '-inf' ? -Infinity : (v as number);
  return Array.isArray(value) ? value.map(decode) : decode(value);
}
