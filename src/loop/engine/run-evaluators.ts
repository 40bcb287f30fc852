// The evaluators of one iteration, in evaluation order: deterministic graders, rubric judges and human reviewers.
import type {
  DeterministicEvaluatorProgram,
  EvaluatorProgram,
  HumanEvaluatorProgram,
  LlmRubricEvaluatorProgram,
} from '../../lss/compile/loop-program.js';
import { deriveSeed } from '../derive-seed.js';
import type { DeterministicEvaluator } from '../evaluators/deterministic/deterministic-evaluator.js';
import type { EvaluatorVerdict } from '../evaluators/evaluator-verdict.js';
import { GraderCache } from '../evaluators/grader-cache.js';
import {
  readRubricJudgement,
  rubricJudgePrompt,
  type RubricJudgement,
} from '../evaluators/rubric-judgement.js';
import type { HumanGate } from '../human-gate.js';
import type { LoopBackend } from '../loop-backend.js';
import type { WorkerOutput } from '../worker-output.js';
import type { EpisodeState, IterationRecord } from './episode-state.js';
import { readyGrader } from './ready-grader.js';
import type { SafetyGuard } from './safety-guard.js';

/** Finds a deterministic evaluator implementation by name (throws with a suggestion when there is none). */
export interface EvaluatorLookup {
  get(name: string): DeterministicEvaluator;
  /** Checks raw parameters against the implementation's schema (defaults applied); throws a clear error. */
  resolveParameters?(
    evaluator: DeterministicEvaluator,
    raw: unknown,
    options: { evaluatorId?: string | undefined },
  ): Record<string, unknown>;
}

/** What the evaluators of an iteration need. */
export interface EvaluatorRunContext {
  state: EpisodeState;
  record: IterationRecord;
  backend: LoopBackend;
  evaluators: EvaluatorLookup;
  humanGate: HumanGate;
  guard: SafetyGuard;
  cache: GraderCache;
}

/**
 * Runs every evaluator of the program in evaluation order on this iteration's outputs. Each verdict is recorded and
 * emitted (`evaluator-score`); an evaluator that cannot judge (a worker it follows produced nothing, an unknown
 * implementation, bad parameters, a malformed judgement, a crash) is an `evaluator-error`, never a silent 0.
 *
 * @example
 * ```ts
 * await runEvaluators(context);
 * context.record.verdicts.get('quality_rubric')?.score;
 * ```
 */
export async function runEvaluators(context: EvaluatorRunContext): Promise<void> {
  const { state, record } = context;
  for (const evaluator of state.program.evaluators) {
    if (state.signal.aborted) return;
    const outputs: WorkerOutput[] = [];
    const missing: string[] = [];
    for (const workerId of evaluator.runsAfter) {
      const output = record.outputs.get(workerId);
      if (output === undefined) missing.push(workerId);
      else outputs.push(output);
    }
    if (outputs.length === 0) {
      error(
        context,
        evaluator.id,
        `Nothing to judge: ${missing.map((id) => `\`${id}\``).join(', ')} produced no output.`,
      );
      continue;
    }
    const guarded: WorkerOutput[] = [];
    let blocked = false;
    for (const output of outputs) {
      // Nothing to check (and no await: evaluators run one at a time).
      if (!context.guard.applies('pre_evaluator', output.workerId)) {
        guarded.push(output);
        continue;
      }
      const check = await context.guard.inspect(
        'pre_evaluator',
        { workerId: output.workerId, text: output.raw, allowedTools: [] },
        record,
      );
      if (check.verdict === 'block') blocked = true;
      else guarded.push(check.text === output.raw ? output : { ...output, raw: check.text ?? output.raw });
    }
    if (blocked && guarded.length === 0) {
      error(context, evaluator.id, 'A safety constraint withheld every output this evaluator judges.');
      continue;
    }
    try {
      // Whether the verdict came from the grader cache stays out of the events, so that they depend on the seed only.
      const { verdict } = await evaluate(evaluator, guarded, context);
      record.verdicts.set(evaluator.id, verdict);
      state.emit({
        type: 'evaluator-score',
        iteration: state.iteration,
        evaluatorId: evaluator.id,
        evaluatorType: evaluator.type,
        score: verdict.score,
        passed: verdict.passed,
        failureCodes: verdict.failureCodes,
        remediationHints: verdict.remediationHints,
        summary: verdict.summary,
        dimensionScores: verdict.dimensionScores,
        details: verdict.details,
      });
    } catch (cause) {
      if (state.signal.aborted) throw cause;
      error(context, evaluator.id, cause instanceof Error ? cause.message : String(cause));
    }
  }
}

function error(context: EvaluatorRunContext, evaluatorId: string, message: string): void {
  context.record.evaluatorErrors.push(evaluatorId);
  context.state.emit({ type: 'evaluator-error', iteration: context.state.iteration, evaluatorId, message });
}

async function evaluate(
  evaluator: EvaluatorProgram,
  outputs: readonly WorkerOutput[],
  context: EvaluatorRunContext,
): Promise<{ verdict: EvaluatorVerdict; cached: boolean }> {
  switch (evaluator.type) {
    case 'deterministic':
      return runDeterministic(evaluator, outputs, context);
    case 'llm_rubric':
      return { verdict: await runRubric(evaluator, outputs, context), cached: false };
    case 'human':
      return { verdict: await runHuman(evaluator, outputs, context), cached: false };
  }
}

async function runDeterministic(
  evaluator: DeterministicEvaluatorProgram,
  outputs: readonly WorkerOutput[],
  context: EvaluatorRunContext,
): Promise<{ verdict: EvaluatorVerdict; cached: boolean }> {
  const { implementation, parameters, keyPrefix } = readyGrader(evaluator, {
    program: context.state.program,
    task: context.state.task,
    evaluators: context.evaluators,
  });
  const { task } = context.state;
  // The prefix is a digest (hex, without a line break). Each output counts by its digest.
  const key =
    keyPrefix === undefined
      ? undefined
      : `${keyPrefix}\n${JSON.stringify(outputs.map((output) => [output.workerId, output.format, GraderCache.digest(output.raw)]))}`;
  const hit = key === undefined ? undefined : context.cache.get(key);
  if (hit !== undefined) return { verdict: hit, cached: true };
  const verdict = await implementation.evaluate({
    evaluatorId: evaluator.id,
    outputs,
    task,
    parameters: { ...parameters },
    signal: context.state.signal,
  });
  if (key !== undefined) context.cache.set(key, verdict);
  return { verdict, cached: false };
}

async function runRubric(
  evaluator: LlmRubricEvaluatorProgram,
  outputs: readonly WorkerOutput[],
  context: EvaluatorRunContext,
): Promise<EvaluatorVerdict> {
  const { state } = context;
  const model = context.backend.model(evaluator.model, { kind: 'judge', id: evaluator.id });
  const result = await model.doGenerate({
    messages: rubricJudgePrompt(evaluator, outputs, state.task, context.record.verdicts),
    temperature: evaluator.model.temperature,
    maxTokens: evaluator.model.maxTokens,
    seed: deriveSeed(state.seed, state.task.id, state.iteration, evaluator.id),
    responseFormat: { type: 'json' },
    abortSignal: state.signal,
    purpose: {
      kind: 'judge',
      id: evaluator.id,
      context: {
        task: state.task,
        evaluator,
        outputs,
        iteration: state.iteration,
        earlierChecks: Object.fromEntries(context.record.verdicts),
      },
    },
  });
  const costUsd = state.ledger.charge(evaluator.id, result.modelId, result.usage);
  context.record.latencySeconds += result.latencySeconds;
  state.emit({
    type: 'model-response',
    iteration: state.iteration,
    callerId: evaluator.id,
    callerKind: 'judge',
    modelId: result.modelId,
    text: result.text,
    usage: result.usage,
    costUsd,
    latencySeconds: result.latencySeconds,
    finishReason: result.finishReason,
  });
  const judgement = readJudgementOnce(result.text, evaluator);
  if (!judgement.ok) throw new Error(`The judge's answer cannot be used: ${judgement.error}`);
  return judgement.verdict;
}

/**
 * Readings of recent judge answers by rubric: a reading is a pure function of the answer's text and the rubric, and
 * judges (simulated ones above all) give the same answers again. Kept deeply frozen, like any verdict handed to more
 * than one iteration, so that no reader can change what later readers get.
 */
const judgements = new WeakMap<LlmRubricEvaluatorProgram, Map<string, RubricJudgement>>();
const JUDGEMENTS_CAPACITY = 1024;
const LONGEST_KEPT_JUDGEMENT = 16_384;

function readJudgementOnce(text: string, evaluator: LlmRubricEvaluatorProgram): RubricJudgement {
  if (text.length > LONGEST_KEPT_JUDGEMENT) return readRubricJudgement(text, evaluator);
  let known = judgements.get(evaluator);
  if (known === undefined) {
    known = new Map();
    judgements.set(evaluator, known);
  }
  let judgement = known.get(text);
  if (judgement === undefined) {
    judgement = freezeJudgement(readRubricJudgement(text, evaluator));
    if (known.size >= JUDGEMENTS_CAPACITY) known.delete(known.keys().next().value!);
    known.set(text, judgement);
  }
  return judgement;
}

function freezeJudgement(judgement: RubricJudgement): RubricJudgement {
  if (judgement.ok) {
    const { verdict } = judgement;
    Object.freeze(verdict.failureCodes);
    Object.freeze(verdict.remediationHints);
    Object.freeze(verdict.dimensionScores);
    Object.freeze(verdict.details);
    Object.freeze(verdict);
  }
  return Object.freeze(judgement);
}

async function runHuman(
  evaluator: HumanEvaluatorProgram,
  outputs: readonly WorkerOutput[],
  context: EvaluatorRunContext,
): Promise<EvaluatorVerdict> {
  const { state, record } = context;
  const decision = await context.humanGate.review(
    {
      gateId: evaluator.id,
      kind: 'evaluator',
      iteration: state.iteration,
      subject: outputs.map((output) => `## ${output.workerId}\n${output.raw}`).join('\n\n'),
      instructions: evaluator.instructions,
      timeoutSeconds: evaluator.timeoutSeconds,
    },
    state.signal,
  );
  record.latencySeconds += decision.waitedSeconds;
  state.emit({
    type: 'human-decision',
    iteration: state.iteration,
    gateId: evaluator.id,
    decision: decision.decision,
    reason: decision.reason,
    waitedSeconds: decision.waitedSeconds,
  });
  if (decision.decision === 'reject') record.humanRejections.push(evaluator.id);
  if (decision.decision === 'timeout')
    record.workerFailures.push({ workerId: evaluator.id, code: 'timeout' });
  const approved = decision.decision === 'approve';
  return {
    score: approved ? 1 : 0,
    passed: approved,
    failureCodes: approved ? [] : [decision.decision === 'reject' ? 'human_rejected' : 'human_timeout'],
    remediationHints: approved ? [] : [decision.reason],
    summary: `${evaluator.id}: ${decision.decision} (${decision.reason}).`,
    dimensionScores: {},
    details: { decision: decision.decision },
  };
}
