// The errors of deterministic evaluators: an unknown implementation name, bad parameters, missing task material.
import { LoopGymError } from '../../../core/errors.js';

/**
 * No deterministic evaluator is registered under the name a spec uses in `implementation`.
 *
 * @example
 * ```ts
 * try {
 *   registry.get('evaluators.word_cont_max');
 * } catch (error) {
 *   if (error instanceof DeterministicEvaluatorNotFoundError) console.log(error.suggestions); // ['evaluators.word_count_max']
 * }
 * ```
 */
export class DeterministicEvaluatorNotFoundError extends LoopGymError {
  readonly evaluatorName: string;
  readonly suggestions: readonly string[];

  constructor(evaluatorName: string, suggestions: readonly string[], registered: readonly string[]) {
    const fix =
      suggestions.length > 0
        ? ` Did you mean ${suggestions.map((name) => `\`${name}\``).join(' or ')}?`
        : registered.length > 0
          ? ` Registered: ${registered.map((name) => `\`${name}\``).join(', ')}. Register your own with registry.register().`
          : ' No evaluator is registered; register one with registry.register().';
    super(`No deterministic evaluator named \`${evaluatorName}\`.${fix}`, { code: 'evaluator-not-found' });
    this.evaluatorName = evaluatorName;
    this.suggestions = suggestions;
  }
}

/**
 * One problem with an evaluator's parameters.
 *
 * @example
 * ```ts
 * const issue: EvaluatorParameterIssue = { parameter: 'max_words', message: 'Too small: expected number to be >0 (got 0)' };
 * ```
 */
export interface EvaluatorParameterIssue {
  /** The parameter (dotted path for nested values, e.g. `schema.type`); empty for the parameters as a whole. */
  parameter: string;
  message: string;
}

/**
 * The parameters given to a deterministic evaluator do not fit its schema. The message names the evaluator, the
 * parameter and what is expected.
 *
 * @example
 * ```ts
 * try {
 *   registry.resolveParameters('evaluators.word_count_max', { max_words: 'ten' });
 * } catch (error) {
 *   if (error instanceof EvaluatorParameterError) console.log(error.parameter); // 'max_words'
 * }
 * ```
 */
export class EvaluatorParameterError extends LoopGymError {
  readonly evaluatorName: string;
  /** The evaluator's id in the spec, when known. */
  readonly evaluatorId: string | undefined;
  /** The first bad parameter. */
  readonly parameter: string;
  readonly issues: readonly EvaluatorParameterIssue[];

  constructor(options: {
    evaluatorName: string;
    evaluatorId?: string | undefined;
    issues: readonly EvaluatorParameterIssue[];
    cause?: unknown;
  }) {
    const { evaluatorName, evaluatorId, issues } = options;
    const who =
      evaluatorId === undefined || evaluatorId === evaluatorName
        ? `\`${evaluatorName}\``
        : `\`${evaluatorId}\` (${evaluatorName})`;
    const problems = issues
      .map((issue) => (issue.parameter === '' ? issue.message : `\`${issue.parameter}\`: ${issue.message}`))
      .join('; ');
    super(
      `Invalid parameters for deterministic evaluator ${who}: ${problems}. ` +
        'Fix them in the task material (`evaluator_parameters`).',
      { code: 'evaluator-parameter', cause: options.cause },
    );
    this.evaluatorName = evaluatorName;
    this.evaluatorId = evaluatorId;
    this.parameter = issues[0]?.parameter ?? '';
    this.issues = issues;
  }
}

/**
 * A deterministic evaluator cannot judge because the task lacks material it needs (a repository for
 * `test_pass_rate`, reference facts for `fact_coverage`). This is a task-authoring problem, not the worker's fault.
 *
 * @example
 * ```ts
 * throw new MissingTaskMaterialError(
 *   'evaluators.fact_coverage',
 *   'rs-001',
 *   'it has no reference facts; add `reference_facts` to the task material.',
 * );
 * ```
 */
export class MissingTaskMaterialError extends LoopGymError {
  readonly evaluatorName: string;
  readonly taskId: string;

  /** `problem` says what is missing and how to fix it, as a sentence. */
  constructor(evaluatorName: string, taskId: string, problem: string) {
    super(`Deterministic evaluator \`${evaluatorName}\` cannot judge task \`${taskId}\`: ${problem}`, {
      code: 'missing-task-material',
    });
    this.evaluatorName = evaluatorName;
    this.taskId = taskId;
  }
}
