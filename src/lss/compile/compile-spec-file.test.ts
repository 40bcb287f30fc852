import { describe, expect, it } from 'vitest';
import type { ParsedSpec } from '../parse/parse-spec.js';
import type { SpecProblem } from '../spec-problem.js';
import { compileSpecFile } from './compile-spec-file.js';

const FIXTURES = 'src/lss/compile/__fixtures__';

describe('compileSpecFile', () => {
  it('reports a file that does not exist or does not parse', async () => {
    expect(await compileSpecFile(`${FIXTURES}/nowhere.yaml`)).toEqual({
      program: undefined,
      problems: [
        expect.objectContaining({ rule: 'file', message: expect.stringContaining('does not exist') }),
      ],
    });
  });

  it('reports a document without the shape of a spec instead of throwing', async () => {
    const { program, problems } = await compileSpecFile(`${FIXTURES}/broken/not-a-loop.yaml`);
    expect(program).toBeUndefined();
    expect(problems).toEqual([
      expect.objectContaining({
        rule: 'schema',
        file: `${FIXTURES}/broken/not-a-loop.yaml`,
        fix: expect.stringContaining('validate'),
      }),
    ]);
  });

  it('validates the file and each child before compiling, passing warnings on', async () => {
    const seen: string[] = [];
    const validate = (parsed: ParsedSpec): SpecProblem[] => {
      seen.push(parsed.file);
      return [{ severity: 'warning', rule: 'budget', message: 'Look here.', path: [], file: parsed.file }];
    };
    const file = `${FIXTURES}/compositions/sequential.yaml`;
    const { program, problems } = await compileSpecFile(file, { validate });
    expect(program).toBeDefined();
    expect(seen).toEqual([file, `${FIXTURES}/children/summarize.yaml`, `${FIXTURES}/children/review.yaml`]);
    expect(problems.map((p) => p.file)).toEqual(seen);
  });

  it('stops at validation errors, in the file or in a child', async () => {
    const failing =
      (name: string) =>
      async (parsed: ParsedSpec): Promise<SpecProblem[]> => {
        await Promise.resolve();
        return parsed.file.endsWith(name)
          ? [{ severity: 'error', rule: 'schema', message: 'Broken.', path: ['workers'], file: parsed.file }]
          : [];
      };
    const file = `${FIXTURES}/compositions/sequential.yaml`;
    const top = await compileSpecFile(file, { validate: failing('sequential.yaml') });
    expect(top).toEqual({ program: undefined, problems: [expect.objectContaining({ message: 'Broken.' })] });
    const child = await compileSpecFile(file, { validate: failing('review.yaml') });
    expect(child.program).toBeUndefined();
    expect(child.problems.map((p) => [p.rule, p.file])).toEqual([
      ['composition', file],
      ['schema', `${FIXTURES}/children/review.yaml`],
    ]);
  });
});
