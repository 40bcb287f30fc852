import { LoopGymError } from '../core/errors.js';
import { formatProblem, type SpecProblem } from '../lss/spec-problem.js';

/**
 * A run config cannot be used: every problem found, each with its file, line, column and fix.
 *
 * @example
 * ```ts
 * try {
 *   await loadRunConfig('run.yaml');
 * } catch (error) {
 *   if (error instanceof RunConfigError) for (const problem of error.problems) console.log(problem.line, problem.message);
 * }
 * ```
 */
export class RunConfigError extends LoopGymError {
  readonly file: string;
  readonly problems: readonly SpecProblem[];

  constructor(file: string, problems: readonly SpecProblem[]) {
    const count = problems.length === 1 ? 'a problem' : `${problems.length} problems`;
    super(
      `${file} is not a usable run config (${count}):\n` +
        problems.map((problem) => `  ${formatProblem(problem)}`).join('\n'),
      { code: 'run-config' },
    );
    this.file = file;
    this.problems = problems;
  }
}
