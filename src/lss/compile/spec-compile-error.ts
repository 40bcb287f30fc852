import { LoopGymError } from '../../core/errors.js';
import { formatProblem, type SpecProblem } from '../spec-problem.js';

/**
 * A spec could not be compiled: it breaks a rule the compiler relies on (a rule the validator reports too, so a spec
 * that passed `validateSpec` does not throw this), or a composition child could not be resolved. Carries every
 * problem found.
 *
 * @example
 * ```ts
 * try {
 *   compileSpec(spec);
 * } catch (error) {
 *   if (error instanceof SpecCompileError) console.error(error.problems.map(formatProblem).join('\n'));
 * }
 * ```
 */
export class SpecCompileError extends LoopGymError {
  readonly problems: readonly SpecProblem[];

  constructor(problems: readonly SpecProblem[]) {
    const count = problems.length === 1 ? 'a problem' : `${problems.length} problems`;
    super(
      `The spec cannot be compiled (${count}); validate it with \`loopgym validate\` and fix:\n` +
        problems.map((problem) => `  ${formatProblem(problem)}`).join('\n'),
      { code: 'spec-compile' },
    );
    this.problems = problems;
  }
}
