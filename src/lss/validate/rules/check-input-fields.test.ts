import { describe, expect, it } from 'vitest';
import type { InputFieldSpec } from '../../loop-spec.js';
import { baseSpec, changed, summary } from './__fixtures__/base-spec.js';
import { checkInputFields } from './check-input-fields.js';

function withField(
  name: string,
  field: Partial<InputFieldSpec> & { type: string },
  examples?: unknown[],
): unknown {
  return changed((spec) => {
    (spec.inputs.schema as Record<string, unknown>)[name] = { description: name, ...field };
    if (examples !== undefined) (spec.inputs as { examples: unknown }).examples = examples;
  });
}

describe('checkInputFields', () => {
  it('finds nothing when every field is usable and every example fits', () => {
    expect(checkInputFields(baseSpec())).toEqual([]);
    const spec = withField('locale', {
      type: 'string',
      pattern: '^[a-z]{2}(-[A-Z]{2})?$',
      default: 'en',
      min_length: 2,
      max_length: 5,
    });
    expect(checkInputFields(spec)).toEqual([]);
  });

  it('reports a pattern that is not a regular expression', () => {
    expect(checkInputFields(withField('code', { type: 'string', pattern: '[a-z' }))).toEqual([
      {
        severity: 'error',
        rule: 'input-schema',
        message: 'The `pattern` of the input `code` is not a valid regular expression: `[a-z`.',
        path: ['inputs', 'schema', 'code', 'pattern'],
        fix: 'Write an ECMAScript regular expression (as JSON Schema does), e.g. `^[a-z]{2}(-[A-Z]{2})?$`.',
      },
    ]);
  });

  it('explains a pattern that only Unicode mode refuses', () => {
    const [problem] = checkInputFields(withField('phone', { type: 'string', pattern: '^\\d{3}\\-\\d{4}$' }));
    expect(problem!.message).toBe(
      'The `pattern` of the input `phone` is not a valid regular expression: `^\\d{3}\\-\\d{4}$`.',
    );
    expect(problem!.fix).toBe(
      'Patterns are read in Unicode mode, as JSON Schema reads them, where escaping a character that needs no escape (such as `\\-` outside brackets) is an error: remove that backslash.',
    );
  });

  it('reports ranges that no value can fit', () => {
    const problems = checkInputFields(withField('n', { type: 'number', minimum: 5, maximum: 1 }));
    expect(problems).toEqual([
      {
        severity: 'error',
        rule: 'input-schema',
        message: 'The input `n` has `minimum` 5 above `maximum` 1: no value can fit.',
        path: ['inputs', 'schema', 'n', 'minimum'],
        fix: 'Make `minimum` at most `maximum`.',
      },
    ]);
    const lengths = checkInputFields(withField('s', { type: 'string', min_length: 4, max_length: 3 }));
    expect(summary(lengths)).toEqual(['error [input-schema] inputs.schema.s.min_length']);
    expect(checkInputFields(withField('s', { type: 'string', min_length: 3, max_length: 3 }))).toEqual([]);
  });

  it('reports a default that does not fit its field, with the fix of the value problem', () => {
    const problems = checkInputFields(
      withField('depth', { type: 'enum', values: ['quick', 'deep'], default: 'dep' }),
    );
    expect(problems).toEqual([
      {
        severity: 'error',
        rule: 'input-schema',
        message:
          'The default of `depth` does not fit its field: the input `depth` must be one of `quick`, `deep`; got `"dep"` (a string).',
        path: ['inputs', 'schema', 'depth', 'default'],
        fix: 'Did you mean `deep`?',
      },
    ]);
    const numeric = checkInputFields(withField('limit', { type: 'number', default: '3' }));
    expect(numeric[0]!.fix).toBe('Write it without quotes: `3`.');
    expect(checkInputFields(withField('limit', { type: 'number', default: null }))).toHaveLength(1);
  });

  it('warns about examples that the loop would refuse', () => {
    const problems = checkInputFields(
      changed((spec) => {
        spec.inputs.examples = [
          { query: 'fine' },
          { depth: 'deep' },
          { query: 'ok', qurey: 'typo', depth: 'shallow' },
        ];
      }),
    );
    expect(summary(problems)).toEqual([
      'warning [input-schema] inputs.examples.1.query',
      'warning [input-schema] inputs.examples.2.qurey',
      'warning [input-schema] inputs.examples.2.depth',
    ]);
    expect(problems[0]!.message).toBe(
      'Example 2 would be refused: the input `query` is required (The question).',
    );
    expect(problems[1]!.fix).toBe('Did you mean `query`?');
    expect(problems[2]!.message).toBe(
      'Example 3 would be refused: the input `depth` must be one of `quick`, `deep`; got `"shallow"` (a string).',
    );
  });

  it('skips fields and examples of the wrong shape (the schema reports them)', () => {
    const document = {
      inputs: {
        schema: {
          a: null,
          b: 'string',
          c: { pattern: 3, minimum: '1', maximum: 0 },
          d: { type: 'enum', values: 'x', default: 1 },
        },
        examples: [null, 'x', [1]],
      },
    };
    expect(checkInputFields(document)).toEqual([]);
    for (const inputs of [undefined, 'x', { schema: [] }, { schema: 'x', examples: [{ a: 1 }] }]) {
      expect(checkInputFields({ inputs })).toEqual([]);
    }
  });
});
