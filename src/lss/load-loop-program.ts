// One call from a spec file to a program: parse, validate (the file and its composition children), compile.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { compileSpec } from './compile/compile-spec.js';
import type { LoopSpec } from './loop-spec.js';
import { parseSpecText } from './parse/parse-spec.js';
import { validateParsedSpec } from './validate/validate-spec.js';
import { compileSpecFile, type CompileSpecFileResult } from './compile/compile-spec-file.js';
import type { LoopProgram } from './compile/loop-program.js';
import { SpecCompileError } from './compile/spec-compile-error.js';
import { validateForCompile } from './validate/validate-spec-file.js';
import type { ValidateSpecOptions } from './validate/validate-spec.js';

/**
 * Parses, fully validates and compiles a spec file and its composition children. Problems come back instead of
 * being thrown (`program` is `undefined` when any is an error).
 *
 * @example
 * ```ts
 * const { program, problems } = await compileValidatedSpecFile('loop.yaml');
 * ```
 */
export function compileValidatedSpecFile(
  path: string,
  options: ValidateSpecOptions = {},
): Promise<CompileSpecFileResult> {
  return compileSpecFile(path, { validate: validateForCompile(options) });
}

/**
 * The program of a spec file, validated and compiled; throws a {@link SpecCompileError} carrying every problem when
 * the spec (or a child) has an error. Warnings do not stop it (with `strict`, they do).
 *
 * @example
 * ```ts
 * const program = await loadLoopProgram('loops/research.yaml');
 * program.workers.map((worker) => worker.id);
 * ```
 */
export async function loadLoopProgram(path: string, options: ValidateSpecOptions = {}): Promise<LoopProgram> {
  const { program, problems } = await compileValidatedSpecFile(path, options);
  if (program === undefined) {
    throw new SpecCompileError(problems.filter((problem) => problem.severity === 'error'));
  }
  return program;
}

/**
 * {@link loadLoopProgram}, synchronously (for `make()`): reads, validates and compiles the spec and, for a
 * composition, each child (a composition that contains itself is an error). Throws a {@link SpecCompileError} with
 * every error found.
 *
 * @example
 * ```ts
 * const program = loadLoopProgramSync('loops/research.yaml');
 * ```
 */
export function loadLoopProgramSync(path: string, options: ValidateSpecOptions = {}): LoopProgram {
  return loadSync(path, options, []);
}

function loadSync(path: string, options: ValidateSpecOptions, lineage: readonly string[]): LoopProgram {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    const reason =
      (error as { code?: unknown }).code === 'ENOENT' ? 'the file does not exist' : String(error);
    throw new SpecCompileError([
      { severity: 'error', rule: 'file', message: `Cannot read ${path}: ${reason}.`, path: [], file: path },
    ]);
  }
  const parsed = parseSpecText(text, { file: path });
  const errors = validateParsedSpec(parsed, options).problems.filter(
    (problem) => problem.severity === 'error',
  );
  if (errors.length > 0) throw new SpecCompileError(errors);
  const absolute = resolve(path);
  return compileSpec(parsed.value as LoopSpec, {
    file: path,
    sourceMap: parsed.sourceMap,
    resolveChild: (child) => {
      if ([...lineage, absolute].includes(resolve(child.resolvedPath))) {
        return {
          problems: [
            {
              severity: 'error',
              rule: 'composition',
              message: `Child \`${child.id}\` refers back to a composition that contains it (${child.resolvedPath}).`,
              path: ['composition', 'children'],
              file: path,
            },
          ],
        };
      }
      try {
        return { program: loadSync(child.resolvedPath, options, [...lineage, absolute]) };
      } catch (error) {
        if (error instanceof SpecCompileError) return { problems: error.problems };
        throw error;
      }
    },
  });
}
