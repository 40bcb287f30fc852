// Reads, checks and compiles a spec file, and the composition children it refers to, recursively.
import { resolve } from 'node:path';
import type { LoopSpec } from '../loop-spec.js';
import { readSpecFile, type ParsedSpec } from '../parse/parse-spec.js';
import type { SpecProblem } from '../spec-problem.js';
import { resolveChildPath, type ChildResolution } from './compile-composition.js';
import { compileSpec } from './compile-spec.js';
import type { LoopProgram } from './loop-program.js';
import { SpecCompileError } from './spec-compile-error.js';

/** Checks a parsed spec and returns its problems (errors stop the compilation; warnings are passed on). */
export type ValidateParsedSpec = (
  parsed: ParsedSpec,
) => readonly SpecProblem[] | Promise<readonly SpecProblem[]>;

/** Options of {@link compileSpecFile}. */
export interface CompileSpecFileOptions {
  /** How each file (the spec and every child) is checked before it is compiled. */
  validate?: ValidateParsedSpec | undefined;
}

/** The outcome of {@link compileSpecFile}: a program when there was no error, and every problem found. */
export interface CompileSpecFileResult {
  program: LoopProgram | undefined;
  /** Errors and warnings of the file and of its composition children. */
  problems: SpecProblem[];
}

/**
 * Parses, validates and compiles a spec file; a composition's children are compiled the same way, each `ref`
 * resolved against the directory of the file that names it, and a composition that refers back to itself is
 * reported. Never throws for a problem in the files: every problem comes back in `problems` (without `validate`, a
 * document whose fields have the wrong shape is reported as one `schema` problem; pass the validator for details).
 *
 * @example
 * ```ts
 * const { program, problems } = await compileSpecFile('loops/research.yaml');
 * if (program === undefined) console.error(problems.map(formatProblem).join('\n'));
 * ```
 */
export async function compileSpecFile(
  path: string,
  options: CompileSpecFileOptions = {},
): Promise<CompileSpecFileResult> {
  return compileFile(path, options, []);
}

async function compileFile(
  path: string,
  options: CompileSpecFileOptions,
  ancestors: readonly { absolute: string; path: string }[],
): Promise<CompileSpecFileResult> {
  const parsed = await readSpecFile(path);
  const problems: SpecProblem[] = [...parsed.problems];
  if (parsed.value === undefined || hasError(problems)) return { program: undefined, problems };
  if (options.validate !== undefined) problems.push(...(await options.validate(parsed)));
  if (hasError(problems)) return { program: undefined, problems };
  const spec = parsed.value as LoopSpec;

  // Children first (reading files is asynchronous), then one synchronous compile that picks them up.
  const children = new Map<string, ChildResolution>();
  const lineage = [...ancestors, { absolute: resolve(path), path }];
  for (const [index, child] of (spec.composition?.children ?? []).entries()) {
    const childPath = resolveChildPath(child.ref, path);
    if (children.has(childPath)) continue;
    const absolute = resolve(childPath);
    if (lineage.some((ancestor) => ancestor.absolute === absolute)) {
      const location = parsed.sourceMap.locate(['composition', 'children', index, 'ref']);
      children.set(childPath, {
        problems: [
          {
            severity: 'error',
            rule: 'composition',
            message: `Child \`${child.id}\` refers back to a composition that contains it: ${[...lineage.map((a) => a.path), childPath].join(' → ')}.`,
            path: ['composition', 'children', index, 'ref'],
            file: path,
            line: location?.line,
            column: location?.column,
            fix: 'A composition cannot contain itself; point `ref` at another spec.',
          },
        ],
      });
      continue;
    }
    const result = await compileFile(childPath, options, lineage);
    children.set(
      childPath,
      result.program === undefined ? { problems: result.problems } : { program: result.program },
    );
    // Warnings of a child that compiled are worth seeing too.
    if (result.program !== undefined) problems.push(...result.problems);
  }

  try {
    const program = compileSpec(spec, {
      file: path,
      sourceMap: parsed.sourceMap,
      resolveChild: (child) => children.get(child.resolvedPath) ?? { problems: [] },
    });
    return { program, problems };
  } catch (error) {
    if (error instanceof SpecCompileError)
      return { program: undefined, problems: [...problems, ...error.problems] };
    // Only a document that skipped validation gets here: a field has the wrong shape (e.g. `workers: 3`).
    if (!(error instanceof TypeError)) throw error;
    problems.push({
      severity: 'error',
      rule: 'schema',
      message: `The document does not have the shape of an LSS spec (${error.message}).`,
      path: [],
      file: path,
      fix: 'Run `loopgym validate` on it to see which fields are wrong.',
    });
    return { program: undefined, problems };
  }
}

function hasError(problems: readonly SpecProblem[]): boolean {
  return problems.some((problem) => problem.severity === 'error');
}
