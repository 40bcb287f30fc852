// A LoopBench data file (task, suite registry, leaderboard) cannot be read: every problem, with its line.
import { LoopGymError } from '../core/errors.js';
import { formatProblem, type SpecProblem } from '../lss/spec-problem.js';

/**
 * A LoopBench file is malformed: every problem found, each with its file, line, column and fix.
 *
 * @example
 * ```ts
 * try {
 *   loadLoopBench('/path/to/tasks');
 * } catch (error) {
 *   if (error instanceof LoopBenchDataError) console.log(error.file, error.problems[0]?.line);
 * }
 * ```
 */
export class LoopBenchDataError extends LoopGymError {
  readonly file: string;
  readonly problems: readonly SpecProblem[];

  constructor(file: string, problems: readonly SpecProblem[]) {
    const count = problems.length === 1 ? 'a problem' : `${problems.length} problems`;
    super(
      `${file} is not a valid LoopBench file (${count}):\n` +
        problems.map((problem) => `  ${formatProblem(problem)}`).join('\n'),
      { code: 'loopbench-data' },
    );
    this.file = file;
    this.problems = problems;
  }
}
