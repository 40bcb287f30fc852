import type { Command } from 'commander';
import { formatProblem, type SpecProblem } from '../../lss/spec-problem.js';
import { validateSpecFile, type SpecFileValidation } from '../../lss/validate/validate-spec-file.js';
import { CliExit } from '../cli-exit.js';
import type { CliIo } from '../cli-io.js';
import { expandSpecPaths } from '../expand-spec-paths.js';

/**
 * `loopgym validate <files...> [--json] [--strict]`: VALID or INVALID per spec, with every problem and its fix.
 * Exit code 0 when every file is valid, 1 when any is invalid, 2 for usage errors (no such file, unknown flag).
 *
 * @example
 * ```sh
 * loopgym validate loops/*.yaml --strict
 * ```
 */
export function addValidateCommand(program: Command, io: CliIo): void {
  program
    .command('validate')
    .description('Check LSS loop specs against the official schemas and the semantic rules')
    .argument('<files...>', 'spec files (YAML or JSON), or directories to search for .yaml/.yml files')
    .option('--json', 'print a machine-readable report')
    .option('--strict', 'treat warnings as errors')
    .addHelpText(
      'after',
      [
        '',
        'Exit codes: 0 all valid, 1 some spec is invalid, 2 usage error.',
        '',
        'Examples:',
        '  $ loopgym validate loop.yaml',
        '  $ loopgym validate specs/ --strict',
        '  $ loopgym validate loop.yaml --json | jq .files[0].problems',
      ].join('\n'),
    )
    .action(async (paths: string[], options: { json?: boolean; strict?: boolean }) => {
      const expanded = await expandSpecPaths(paths);
      if (expanded.missing.length > 0) {
        for (const path of expanded.missing) io.err(`error: ${path}: no such file or directory`);
        throw new CliExit(2);
      }
      if (expanded.files.length === 0) {
        io.err(`error: no spec files (.yaml, .yml) in ${paths.join(', ')}`);
        throw new CliExit(2);
      }
      const results: SpecFileValidation[] = [];
      for (const file of expanded.files)
        results.push(await validateSpecFile(file, { strict: options.strict }));
      const allValid = results.every((result) => result.valid);
      if (options.json === true)
        io.out(JSON.stringify(jsonReport(results, options.strict === true), null, 2));
      else io.out(textReport(results));
      if (!allValid) throw new CliExit(1);
    });
}

function count(problems: readonly SpecProblem[], severity: SpecProblem['severity']): number {
  return problems.filter((problem) => problem.severity === severity).length;
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

function textReport(results: readonly SpecFileValidation[]): string {
  const lines: string[] = [];
  for (const result of results) {
    const errors = count(result.problems, 'error');
    const warnings = count(result.problems, 'warning');
    const tally = [errors > 0 ? plural(errors, 'error') : '', warnings > 0 ? plural(warnings, 'warning') : '']
      .filter(Boolean)
      .join(', ');
    lines.push(
      `${result.valid ? 'VALID  ' : 'INVALID'} ${result.file} (LSS ${result.lssVersion}${tally === '' ? '' : `; ${tally}`})`,
    );
    for (const problem of result.problems)
      lines.push(`  ${formatProblem({ ...problem, fix: undefined })}`, ...fixLine(problem));
  }
  if (results.length > 1) {
    const valid = results.filter((result) => result.valid).length;
    lines.push('', `${plural(results.length, 'spec')}: ${valid} valid, ${results.length - valid} invalid`);
  }
  return lines.join('\n');
}

function fixLine(problem: SpecProblem): string[] {
  return problem.fix === undefined ? [] : [`      fix: ${problem.fix}`];
}

function jsonReport(results: readonly SpecFileValidation[], strict: boolean): unknown {
  return {
    valid: results.every((result) => result.valid),
    strict,
    files: results.map((result) => ({
      file: result.file,
      valid: result.valid,
      lssVersion: result.lssVersion,
      errors: count(result.problems, 'error'),
      warnings: count(result.problems, 'warning'),
      children: result.children,
      problems: result.problems.map((problem) => ({
        severity: problem.severity,
        rule: problem.rule,
        file: problem.file ?? result.file,
        line: problem.line ?? null,
        column: problem.column ?? null,
        path: problem.path,
        message: problem.message,
        fix: problem.fix ?? null,
      })),
    })),
  };
}
