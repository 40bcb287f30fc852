import type { Command } from 'commander';
import type { LoopProgram } from '../../lss/compile/loop-program.js';
import { compileValidatedSpecFile } from '../../lss/load-loop-program.js';
import { formatProblem } from '../../lss/spec-problem.js';
import { CliExit } from '../cli-exit.js';
import type { CliIo } from '../cli-io.js';
import { expandSpecPaths } from '../expand-spec-paths.js';

/**
 * `loopgym compile <spec> [--json] [--strict]`: validates and compiles a spec, then prints the program (as JSON with
 * `--json`, else a summary of the execution plan). Exit code 0 when it compiles, 1 when the spec has errors (printed
 * as `loopgym validate` prints them), 2 for usage errors.
 *
 * @example
 * ```sh
 * loopgym compile loop.yaml --json > program.json
 * ```
 */
export function addCompileCommand(program: Command, io: CliIo): void {
  program
    .command('compile')
    .description('Validate and compile an LSS spec into the program the loop engine runs')
    .argument('<spec>', 'spec file (YAML or JSON)')
    .option('--json', 'print the whole program as JSON')
    .option('--strict', 'treat warnings as errors')
    .addHelpText(
      'after',
      [
        '',
        'Examples:',
        '  $ loopgym compile loop.yaml',
        '  $ loopgym compile loop.yaml --json > program.json',
      ].join('\n'),
    )
    .action(async (path: string, options: { json?: boolean; strict?: boolean }) => {
      const { missing } = await expandSpecPaths([path]);
      if (missing.length > 0) {
        io.err(`error: ${path}: no such file or directory`);
        throw new CliExit(2);
      }
      const { program: compiled, problems } = await compileValidatedSpecFile(path, {
        strict: options.strict,
      });
      for (const problem of problems) io.err(formatProblem(problem));
      if (compiled === undefined) {
        io.err(`INVALID ${path}: not compiled. Run \`loopgym validate ${path}\` for the details.`);
        throw new CliExit(1);
      }
      io.out(options.json === true ? JSON.stringify(compiled, null, 2) : summarize(compiled).join('\n'));
    });
}

function summarize(program: LoopProgram): string[] {
  const lines = [
    `${program.name} ${program.version} (LSS ${program.lssVersion})`,
    `  objective: ${firstLine(program.objective)}`,
    `  inputs: ${program.inputs.map((field) => `${field.name}${field.required ? '' : '?'}: ${field.type}`).join(', ') || 'none'}`,
    '  workers (in order; same level runs concurrently):',
    ...program.workers.map(
      (worker) =>
        `    ${worker.order + 1}. ${worker.id} [level ${worker.level}] ${worker.model.id}` +
        (worker.dependsOn.length === 0 ? '' : ` after ${worker.dependsOn.join(', ')}`),
    ),
    '  evaluators (in order):',
    ...program.evaluators.map(
      (evaluator) =>
        `    ${evaluator.order + 1}. ${evaluator.id} (${evaluator.type}) after ${evaluator.runsAfter.join(', ')}`,
    ),
    `  feedback: ${program.feedback.map((route) => `${route.source.id} → ${route.destination.kind === 'worker' ? route.destination.id : `optimizer:${route.destination.type}`}`).join('; ') || 'none'}`,
    `  primary metric: ${program.primaryMetric}`,
    `  stops after at most ${program.termination.maxIterations} iterations (from ${program.termination.maxIterationsSource}) or $${program.cost.cumulativeUsd} spent`,
    `  safety: ${program.safety.constraints.map((constraint) => `${constraint.id} (${constraint.scope}, ${constraint.action})`).join('; ') || 'none'}`,
  ];
  if (program.composition !== undefined) {
    lines.push(`  composition: ${program.composition.type}`);
    for (const child of program.composition.children) {
      lines.push(`    ${child.id} (${child.role}) ← ${child.resolvedPath}`);
      lines.push(...summarize(child.program).map((line) => `      ${line}`));
    }
  }
  return lines;
}

function firstLine(text: string): string {
  const line = text.trim().split('\n')[0] ?? '';
  return line.length > 100 ? `${line.slice(0, 97)}...` : line;
}
