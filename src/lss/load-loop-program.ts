// One call from a spec file to a program: parse, validate (the file and its composition children), compile.
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
