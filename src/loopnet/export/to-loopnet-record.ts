// One loop episode as an `ln/record-v1` LoopNet record: numbers only, validated against the official schema.
import { createHash } from 'node:crypto';
import { LoopGymError } from '../../core/errors.js';
import type { LoopProgram } from '../../lss/compile/loop-program.js';
import { codeVersion } from '../../store/code-version.js';
import type { LoopNetIteration, LoopNetRecord, LoopNetSource, LoopNetSplit } from '../loopnet-record.js';
import { validateLoopNetRecord } from '../record-schema.js';
import { deriveFailureModes } from './derive-failure-modes.js';
import { readEpisodeFacts, toGoal, type IterationFacts } from './episode-facts.js';
import type { LoopEpisodeInput } from './loop-episode-input.js';
import { loopPatterns } from './loop-patterns.js';
import { LOOPNET_REDACTED_FIELDS, loopSpecSnapshot, specHash } from './loop-spec-snapshot.js';
import { observedEpisodeLes } from './observed-episode-les.js';

/**
 * Options of {@link toLoopNetRecord}.
 *
 * @example
 * ```ts
 * const options: LoopNetExportOptions = { split: 'test', contributor: { handle: 'octocat' } };
 * ```
 */
export interface LoopNetExportOptions {
  /** `created_at`; default now. */
  createdAt?: Date | undefined;
  /** Default: `synthetic` for simulated models (`sim`), `community` for anything else. */
  source?: LoopNetSource | undefined;
  /** Default `train` (the corpus maintainers assign splits when they take a contribution). */
  split?: LoopNetSplit | undefined;
  contributor?: { handle?: string | undefined; consentId?: string | undefined } | undefined;
  /** Default the running LoopGym's version (`codeVersion()`). */
  loopGymVersion?: string | undefined;
  /** More `metadata.tags`. */
  tags?: readonly string[] | undefined;
}

/**
 * Turns one finished loop episode (from any backend) into an `ln/record-v1` LoopNet record and checks it against the
 * official schema. The trajectory has one entry per iteration (goal, primary quality, cost, latency, tokens, failure
 * codes, safety violations, human intervention); outcome, termination reason and failure modes follow the failure
 * taxonomy rules of {@link deriveFailureModes}; patterns come from the spec ({@link loopPatterns}); `les_observed` is
 * LES 1.0 of what the run measured ({@link observedEpisodeLes}); `metadata.tags` carry the LoopGym version, backend,
 * environment, task, seed, spec hash and the models that answered. Nothing the loop read or wrote is kept
 * ({@link LOOPNET_REDACTED_FIELDS}). `record_id` is derived from the record's content, so exporting the same
 * episode twice gives the same id. docs/loopnet-export.md maps every field.
 *
 * @throws {InvalidArgumentError} when the episode did not finish or ran no iteration.
 * @throws {LoopGymError} (code `loopnet-export-invalid`) if the record does not validate (a LoopGym bug).
 * @example
 * ```ts
 * const env = make('loopbench/code-repair-v1', { backend: 'sim' });
 * const record = toLoopNetRecord(await collectLoopEpisode(env, { seed: 0 }));
 * record.outcome; record.trajectory.length; record.les_observed.les_normalized;
 * ```
 */
export function toLoopNetRecord(input: LoopEpisodeInput, options: LoopNetExportOptions = {}): LoopNetRecord {
  const program = input.program;
  const facts = readEpisodeFacts(program, input.events);
  const analysis = deriveFailureModes(program, facts);
  const patterns = loopPatterns(program);
  const goalTarget = goalTargetOf(program);
  const qualityMetric = program.metrics.find((metric) => metric.name === 'primary_quality');
  const trajectory: LoopNetIteration[] = facts.iterations.map((iteration, index) => ({
    iteration: index + 1,
    goal_score: iteration.goal,
    ...qualityOf(iteration, qualityMetric?.unit),
    cost_usd: Math.max(0, iteration.costUsd),
    latency_seconds: iteration.latencySeconds,
    tokens: iteration.tokens,
    failure_codes: [...(analysis.iterationCodes[index] ?? [])],
    safety_events: iteration.safetyViolations.length,
    human_intervention: iteration.humanDecisions.some((decision) => decision.decision !== 'timeout'),
  }));
  const les = observedEpisodeLes(program, facts, analysis.terminationReason, goalTarget);
  const start = facts.start;
  const models = [...new Set([...facts.workerModels.values(), ...facts.judgeModels.values()])].sort();
  const tags = [
    'loopgym',
    `loopgym:${options.loopGymVersion ?? codeVersion()}`,
    `backend:${start.backend}`,
    ...(input.envId === undefined ? [] : [`env:${input.envId}`]),
    `task:${start.taskId}`,
    `seed:${start.seed}`,
    `spec:${specHash(program)}`,
    ...models.map((model) => `model:${model}`),
    `loopgym-termination:${facts.end.reason}`,
    ...(les.unmeasured.length === 0 ? [] : [`les-unmeasured:${les.unmeasured.join(',')}`]),
    ...(options.tags ?? []),
  ];
  const body: Omit<LoopNetRecord, 'record_id' | 'created_at'> = {
    schema_version: 'ln/record-v1',
    spec_pins: { lss: 'lss@1.0.0', les: 'les@1.0.0' },
    source: options.source ?? (start.backend === 'sim' ? 'synthetic' : 'community'),
    split: options.split ?? 'train',
    patterns,
    loop_name: loopNameOf(program.name),
    objective: objectiveOf(program),
    loop_spec: loopSpecSnapshot(program, patterns),
    outcome: analysis.outcome,
    termination_reason: analysis.terminationReason,
    ...(analysis.outcome === 'success' && analysis.failureModes.length === 0
      ? {}
      : { failure_modes: [...analysis.failureModes] }),
    ...(analysis.failureMode === undefined ? {} : { failure_mode: analysis.failureMode }),
    trajectory,
    les_observed: les.score,
    metadata: {
      iteration_count: trajectory.length,
      cost_total_usd: trajectory.reduce((sum, iteration) => sum + iteration.cost_usd, 0),
      goal_target: goalTarget,
      goal_final: trajectory.at(-1)!.goal_score,
      worker_count: Math.max(1, program.workers.length),
      ...(program.evaluators.length === 0 ? {} : { evaluator_count: program.evaluators.length }),
      max_iterations_budget: Math.max(1, program.termination.maxIterations),
      regression_count: regressions(facts.iterations),
      tags: [...new Set(tags)],
    },
    redaction: { level: 'full', fields_removed: [...LOOPNET_REDACTED_FIELDS] },
    ...contributorOf(options.contributor),
  };
  const record = {
    record_id: recordIdOf(body),
    ...body,
    created_at: (options.createdAt ?? new Date()).toISOString(),
  };
  const checked = validateLoopNetRecord(record);
  if (!checked.valid) {
    throw new LoopGymError(
      `The LoopNet record exported from episode ${start.episodeId} does not validate against ln/record-v1 ` +
        `(${checked.issues.join('; ')}). This is a LoopGym bug: please report it with the episode's events.`,
      { code: 'loopnet-export-invalid' },
    );
  }
  return checked.record;
}

/**
 * The goal a record is measured against, on [0, 1]: the value of the first `gte`/`gt` success rule on the primary
 * metric, else the first success rule on it, else the primary metric's `target`, else 1 (a percent metric ÷ 100).
 *
 * @example
 * ```ts
 * goalTargetOf(program); // 0.8
 * ```
 */
export function goalTargetOf(program: LoopProgram): number {
  const unit = program.metrics.find((metric) => metric.name === program.primaryMetric)?.unit;
  const rules = program.termination.success.filter((rule) => rule.metric === program.primaryMetric);
  const rule =
    rules.find((candidate) => candidate.operator === 'gte' || candidate.operator === 'gt') ?? rules[0];
  const target = program.metrics.find((metric) => metric.name === program.primaryMetric)?.target;
  return toGoal(rule?.value ?? target ?? 1, unit);
}

function qualityOf(iteration: IterationFacts, unit: string | undefined): { primary_quality?: number } {
  const metric = iteration.metrics['primary_quality'];
  if (typeof metric === 'number') return { primary_quality: toGoal(metric, unit) };
  if (iteration.overall !== null) return { primary_quality: toGoal(iteration.overall.score, 'ratio') };
  return {};
}

/** LES §4: iterations whose goal fell below the previous one's. */
function regressions(iterations: readonly IterationFacts[]): number {
  let count = 0;
  for (let index = 1; index < iterations.length; index++) {
    if (iterations[index]!.goal < iterations[index - 1]!.goal) count++;
  }
  return count;
}

/** `loop_name` as the schema allows it: lower case letters, digits and dashes, 3–64 characters, a letter first. */
function loopNameOf(name: string): string {
  let slug = name
    .toLowerCase()
    .replace(/[^a-z0-9-]+/g, '-')
    .replace(/-+/g, '-')
    .replace(/^[^a-z]+/, '')
    .replace(/-$/, '');
  if (slug.length < 3) slug = `loop-${slug}`.replace(/-$/, '');
  return slug.slice(0, 64).replace(/-$/, '');
}

/** The spec's objective, which the schema wants at least 10 characters long. */
function objectiveOf(program: LoopProgram): string {
  const objective = program.objective.trim();
  return objective.length >= 10 ? objective : `${objective} (loop ${program.name})`.trim();
}

function contributorOf(contributor: LoopNetExportOptions['contributor']): {
  contributor?: { handle?: string; consent_id?: string };
} {
  if (contributor === undefined) return {};
  const value: { handle?: string; consent_id?: string } = {};
  if (contributor.handle !== undefined && contributor.handle !== '') value.handle = contributor.handle;
  if (contributor.consentId !== undefined && contributor.consentId !== '')
    value.consent_id = contributor.consentId;
  return Object.keys(value).length === 0 ? {} : { contributor: value };
}

/** `ln-` and a UUID (version 8, name-based) made from the SHA-256 of the record without its id and date. */
function recordIdOf(body: object): string {
  const hex = createHash('sha256').update(JSON.stringify(body)).digest('hex');
  const variant = ((parseInt(hex[16]!, 16) & 0x3) | 0x8).toString(16);
  return `ln-${hex.slice(0, 8)}-${hex.slice(8, 12)}-8${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}
