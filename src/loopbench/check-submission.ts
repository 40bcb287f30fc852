// Checks a LoopBench submission: the official schema (`submit/schema.json`, JSON Schema 2020-12) and the conformance
// rules of les-compute.md (spec hash, display rounding, non-empty runs, scores that follow from the runs).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';
import { InvalidArgumentError } from '../core/errors.js';
import { lesDisplay } from '../les/les-composite.js';
import { redactSecrets } from '../models/redact-secrets.js';
import { formatSchemaError, isDateTime } from '../loopnet/record-schema.js';
import { loopBenchDataDirectory, type LoopBench } from './load-loopbench.js';
import type { BenchCompositeScore, BenchSubmission } from './loopbench-submission.js';
import { specHash } from './spec-hash.js';

const DRAFT_2020_12 = 'https://json-schema.org/draft/2020-12/schema';
const TOLERANCE = 0.0001;

let compiled: ValidateFunction<BenchSubmission> | undefined;

/**
 * The compiled validator of LoopBench's submission schema (shipped as `data/loopbench-tasks/submit/schema.json`), in
 * the draft it declares (2020-12), with `format: date-time` checked.
 *
 * @throws {InvalidArgumentError} when the schema declares another draft.
 * @example
 * ```ts
 * submissionValidator()(JSON.parse(text)); // true or false, with .errors
 * ```
 */
export function submissionValidator(): ValidateFunction<BenchSubmission> {
  if (compiled !== undefined) return compiled;
  const schema = JSON.parse(
    readFileSync(join(loopBenchDataDirectory(), 'submit', 'schema.json'), 'utf8'),
  ) as Record<string, unknown>;
  if (schema['$schema'] !== DRAFT_2020_12) {
    throw new InvalidArgumentError(
      `The LoopBench submission schema declares ${JSON.stringify(schema['$schema'])}, not JSON Schema 2020-12; restore data/loopbench-tasks/submit/schema.json from the package.`,
    );
  }
  const ajv = new Ajv2020({ allErrors: true, strict: false });
  ajv.addFormat('date-time', { type: 'string', validate: isDateTime });
  compiled = ajv.compile<BenchSubmission>(schema);
  return compiled;
}

/** What {@link checkSubmission} compares the submission with. */
export interface CheckSubmissionOptions {
  /** The spec file: its hash must be the submission's `spec_hash`. */
  specFile?: string | undefined;
  /** The benchmark: each result's runs must cover the task's primary instances with its `g_target`. */
  bench?: LoopBench | undefined;
}

/** The verdict: schema problems and conformance problems, one line each. */
export interface SubmissionCheck {
  valid: boolean;
  schemaProblems: string[];
  conformanceProblems: string[];
}

/**
 * Validates a submission against the official schema, then checks conformance: the spec hash (when the spec file is
 * given), every `les_display` is `round(les_observed × 100, 1)` and every `rank_score` its `les_observed`, no task
 * without runs and every primary instance run, each run consistent (iterations = goal trace length, `g_final` its
 * last value, success only at or above the target), each aggregate following from its runs (`success_at_k`,
 * `cost_usd_mean`), suite scores the mean of their tasks, the grand composite the mean of the four suites, `partial`
 * set when a suite is missing, and no API key anywhere.
 *
 * @example
 * ```ts
 * const check = checkSubmission(JSON.parse(text), { specFile: 'my-loop.yaml', bench: loadLoopBench() });
 * if (!check.valid) console.log([...check.schemaProblems, ...check.conformanceProblems].join('\n'));
 * ```
 */
export function checkSubmission(value: unknown, options: CheckSubmissionOptions = {}): SubmissionCheck {
  const validate = submissionValidator();
  if (!validate(value)) {
    const schemaProblems = (validate.errors ?? []).map(formatSchemaError);
    return { valid: false, schemaProblems, conformanceProblems: [] };
  }
  const problems: string[] = [];
  const submission = value;
  if (options.specFile !== undefined) {
    const actual = specHash(options.specFile);
    if (actual !== submission.spec_hash)
      problems.push(`spec_hash is ${submission.spec_hash}, but ${options.specFile} hashes to ${actual}.`);
  }
  const checkScore = (where: string, score: BenchCompositeScore): void => {
    if (score.les_display !== lesDisplay(score.les_observed))
      problems.push(
        `${where}.les_display is ${score.les_display}; round(les_observed × 100, 1) is ${lesDisplay(score.les_observed)}.`,
      );
    if (score.rank_score !== undefined && Math.abs(score.rank_score - score.les_observed) > 1e-9)
      problems.push(
        `${where}.rank_score is ${score.rank_score}, not its les_observed ${score.les_observed}.`,
      );
  };
  submission.results.forEach((result, index) => {
    const where = `results[${index}] (${result.task_id})`;
    const aggregate = result.aggregate;
    if (aggregate.les_display !== lesDisplay(aggregate.les_observed))
      problems.push(
        `${where}.aggregate.les_display is ${aggregate.les_display}; round(les_observed × 100, 1) is ${lesDisplay(aggregate.les_observed)}.`,
      );
    if (result.runs.length === 0) problems.push(`${where} has no runs.`);
    const task = options.bench?.tasks.find((candidate) => candidate.id === result.task_id);
    if (task !== undefined) {
      if (task.loopgym_env !== result.env_id)
        problems.push(`${where}.env_id is ${result.env_id}; the task runs in ${task.loopgym_env}.`);
      for (const instance of task.evaluation.primary_instances) {
        if (!result.runs.some((run) => run.task_instance_id === instance))
          problems.push(`${where} has no run of primary instance ${instance}.`);
      }
    }
    result.runs.forEach((run, runIndex) => {
      const at = `${where}.runs[${runIndex}]`;
      if (task !== undefined && run.g_target !== task.goal.g_target)
        problems.push(`${at}.g_target is ${run.g_target}; the task's is ${task.goal.g_target}.`);
      if (run.goal_trace !== undefined) {
        if (run.goal_trace.length !== run.iterations)
          problems.push(
            `${at} has ${run.iterations} iterations but a goal trace of ${run.goal_trace.length}.`,
          );
        if (run.goal_trace.at(-1) !== run.g_final)
          problems.push(`${at}.g_final is not the last value of its goal trace.`);
      }
      if (run.success && run.g_final < run.g_target) problems.push(`${at} is a success below its target.`);
    });
    if (result.runs.length > 0) {
      const successRate = result.runs.filter((run) => run.success).length / result.runs.length;
      if (Math.abs(successRate - aggregate.success_at_k) > TOLERANCE)
        problems.push(
          `${where}.aggregate.success_at_k is ${aggregate.success_at_k}; its runs give ${successRate}.`,
        );
      const costMean = result.runs.reduce((sum, run) => sum + run.cost_usd, 0) / result.runs.length;
      if (Math.abs(costMean - aggregate.cost_usd_mean) > 1e-6)
        problems.push(
          `${where}.aggregate.cost_usd_mean is ${aggregate.cost_usd_mean}; its runs give ${costMean}.`,
        );
    }
  });
  const taskLes = new Map(
    submission.results.map((result) => [result.task_id, result.aggregate.les_observed]),
  );
  const suites = Object.entries(submission.suite_scores ?? {});
  for (const [suiteId, suite] of suites) {
    checkScore(`suite_scores.${suiteId}`, suite);
    const values = suite.tasks.map((id) => taskLes.get(id));
    if (values.some((les) => les === undefined) || values.length === 0) {
      problems.push(
        `suite_scores.${suiteId} names tasks without results (${suite.tasks.filter((id) => !taskLes.has(id)).join(', ') || 'none listed'}).`,
      );
    } else {
      const mean = (values as number[]).reduce((sum, les) => sum + les, 0) / values.length;
      if (Math.abs(mean - suite.les_observed) > TOLERANCE)
        problems.push(
          `suite_scores.${suiteId}.les_observed is ${suite.les_observed}; the mean of its tasks is ${mean}.`,
        );
    }
  }
  checkScore('composite', submission.composite);
  if (submission.grand_composite !== undefined) {
    checkScore('grand_composite', submission.grand_composite);
    if (suites.length !== 4)
      problems.push(`grand_composite needs all four suite scores; there are ${suites.length}.`);
    else {
      const mean = suites.reduce((sum, [, suite]) => sum + suite.les_observed, 0) / 4;
      if (Math.abs(mean - submission.grand_composite.les_observed) > TOLERANCE)
        problems.push(
          `grand_composite.les_observed is ${submission.grand_composite.les_observed}; the mean of the four suites is ${mean}.`,
        );
    }
    if (Math.abs(submission.composite.les_observed - submission.grand_composite.les_observed) > TOLERANCE)
      problems.push('composite must be the grand composite when there is one.');
  } else {
    const mean = [...taskLes.values()].reduce((sum, les) => sum + les, 0) / Math.max(taskLes.size, 1);
    if (Math.abs(mean - submission.composite.les_observed) > TOLERANCE)
      problems.push(
        `composite.les_observed is ${submission.composite.les_observed}; the mean of the task scores is ${mean}.`,
      );
  }
  if (suites.length < 4 && submission.partial !== true)
    problems.push(`partial must be true: only ${suites.length} of the 4 suite scores are present.`);
  const text = JSON.stringify(submission);
  if (redactSecrets(text) !== text)
    problems.push('The submission contains what looks like an API key; remove it.');
  return { valid: problems.length === 0, schemaProblems: [], conformanceProblems: problems };
}
