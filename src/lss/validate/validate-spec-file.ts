// Validation of a spec file and, for a composition, of every child spec it refers to.
import { readdir } from 'node:fs/promises';
import { basename, dirname, resolve } from 'node:path';
import { resolveChildPath } from '../compile/compile-composition.js';
import { readSpecFile, type ParsedSpec } from '../parse/parse-spec.js';
import type { SpecProblem } from '../spec-problem.js';
import { closestMatch } from './did-you-mean.js';
import { asString, field, listEntries } from './rules/document-access.js';
import {
  sortByPosition,
  validateParsedSpec,
  type SpecValidation,
  type ValidateSpecOptions,
} from './validate-spec.js';

/** The verdict on one file, with its composition children's. */
export interface SpecFileValidation extends SpecValidation {
  file: string;
  /** The files of the composition children that were validated (recursively), by resolved path. */
  children: string[];
}

/**
 * Reads and validates a spec file. For a composition, every child `ref` must resolve (relative to the directory of
 * the file that names it) to a spec that is valid itself; its problems are reported with its own file and line, and
 * a composition that contains itself is an error. Never throws for a problem in the files.
 *
 * @example
 * ```ts
 * const result = await validateSpecFile('loops/research.yaml', { strict: true });
 * console.log(result.valid ? 'VALID' : result.problems.map(formatProblem).join('\n'));
 * ```
 */
export async function validateSpecFile(
  path: string,
  options: ValidateSpecOptions = {},
): Promise<SpecFileValidation> {
  const children: string[] = [];
  const { problems, lssVersion } = await validateFile(
    await readSpecFile(path),
    options,
    [resolve(path)],
    children,
  );
  return {
    file: path,
    valid: !problems.some((problem) => problem.severity === 'error'),
    lssVersion,
    problems,
    children,
  };
}

/**
 * A `validate` hook for {@link compileSpecFile}: the full validation of each file it compiles.
 *
 * @example
 * ```ts
 * const { program, problems } = await compileSpecFile('loop.yaml', { validate: validateForCompile() });
 * ```
 */
export function validateForCompile(options: ValidateSpecOptions = {}): (parsed: ParsedSpec) => SpecProblem[] {
  return (parsed) => validateParsedSpec(parsed, options).problems;
}

async function validateFile(
  parsed: ParsedSpec,
  options: ValidateSpecOptions,
  lineage: readonly string[],
  children: string[],
): Promise<{ problems: SpecProblem[]; lssVersion: SpecValidation['lssVersion'] }> {
  const path = parsed.file;
  const own = validateParsedSpec(parsed, options);
  const problems = [...own.problems];
  const fromChildren: SpecProblem[] = [];
  if (parsed.value === undefined) return { problems, lssVersion: own.lssVersion };
  for (const child of childEntries(parsed.value)) {
    const at = ['composition', 'children', child.index, 'ref'];
    const position = parsed.sourceMap.locate(at);
    const locate = { file: path, line: position?.line, column: position?.column, path: at };
    const childPath = resolveChildPath(child.ref, path);
    const absolute = resolve(childPath);
    if (lineage.includes(absolute)) {
      problems.push({
        severity: 'error',
        rule: 'composition',
        message: `Child \`${child.id}\` refers back to a composition that contains it (${childPath}).`,
        fix: 'A composition cannot contain itself; point `ref` at another spec.',
        ...locate,
      });
      continue;
    }
    const parsedChild = await readSpecFile(childPath);
    if (parsedChild.value === undefined && parsedChild.problems.some((problem) => problem.rule === 'file')) {
      problems.push({
        severity: 'error',
        rule: 'composition',
        message: `Child \`${child.id}\` refers to \`${child.ref}\`, which is not a readable file (looked for ${childPath}).`,
        fix: await missingFileFix(childPath),
        ...locate,
      });
      continue;
    }
    if (children.includes(childPath)) continue; // Validated once, however many children share it.
    children.push(childPath);
    fromChildren.push(
      ...(await validateFile(parsedChild, options, [...lineage, absolute], children)).problems,
    );
  }
  return { problems: [...sortByPosition(problems), ...fromChildren], lssVersion: own.lssVersion };
}

function childEntries(document: unknown): { index: number; id: string; ref: string }[] {
  return listEntries(field(document, 'composition'), 'children').flatMap((entry) => {
    const ref = asString(entry.value?.ref);
    return ref === undefined || ref === ''
      ? []
      : [{ index: entry.index, id: entry.id ?? `#${entry.index}`, ref }];
  });
}

async function missingFileFix(childPath: string): Promise<string> {
  const base = 'A `ref` is resolved against the directory of the file that names it.';
  try {
    const names = (await readdir(dirname(childPath))).filter((name) => /\.(ya?ml|json)$/.test(name));
    const close = closestMatch(basename(childPath), names);
    return close === undefined ? base : `${base} Did you mean \`${close}\`?`;
  } catch {
    return `${base} The directory ${dirname(childPath)} does not exist.`;
  }
}
