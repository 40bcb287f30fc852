// How a simulated judge scores a rubric: from what the output contains, against the task's reference material.
import type { Rng } from '../../core/random/rng.js';
import type { LlmRubricEvaluatorProgram } from '../../lss/compile/loop-program.js';
import type { LoopTask, ReferenceFact } from '../../loop/tasks/loop-task.js';
import type { WorkerOutput } from '../../loop/worker-output.js';
import type { EvaluatorVerdict } from '../../loop/evaluators/evaluator-verdict.js';
import { judgeSignals, type JudgeSignals } from './judge-signals.js';

/** A judgement in the JSON shape the engine asks judges for. */
export interface SimJudgement {
  scores: Record<string, number>;
  failure_codes: string[];
  remediation_hints: string[];
  summary: string;
}

const DIMENSION_SIGNALS: readonly [RegExp, (s: JudgeSignals) => number][] = [
  [/evidence|citation|cite|source|grounding|attribution|faithful/i, (s) => s.evidence],
  [/concis|minimal|brevity|length|focus|succinct/i, (s) => s.concision],
  [/balance|fair|neutral|perspective/i, (s) => s.balance],
  [/action|clarity|clear|structure|format|readab|organi[sz]/i, (s) => 0.5 * s.structure + 0.5 * s.coverage],
  [/coverage|complete|correct|accura|fidelity|quality|relevan|depth|insight/i, (s) => s.coverage],
];

/**
 * Scores each dimension of a rubric from signals of the outputs: coverage (the weighted share of reference facts
 * stated; without facts, the share of the task's input keywords present), evidence (stated facts cited with one of
 * their sources, stale sources penalized), concision (length against what the facts need), structure (headings,
 * lists, a recommendation) and balance (benefits and risks both covered, by fact id prefix). The dimension's name
 * picks the signal (`coverage`, `evidence`, `minimality`, `balance`, `actionability`, …; coverage otherwise). A small
 * seeded noise stands for a judge's inconsistency. When the iteration's other evaluators ran before the judge (a test
 * report), their mean score weighs 65% in coverage-like dimensions, as a judge shown the results would. Code is judged
 * for size against the task's smallest known fix. Hints name the missing and uncited facts.
 *
 * @example
 * ```ts
 * judgeOutputs(evaluator, outputs, task, rng).scores; // { coverage: 0.71, evidence: 0.5 }
 * ```
 */
export function judgeOutputs(
  evaluator: LlmRubricEvaluatorProgram,
  outputs: readonly WorkerOutput[],
  task: LoopTask,
  rng: Rng,
  earlierChecks: Readonly<Record<string, EvaluatorVerdict>> = {},
): SimJudgement {
  // One output is judged as it is (the same string, which the judge may have read before).
  const text = outputs.length === 1 ? outputs[0]!.raw : outputs.map((output) => output.raw).join('\n\n');
  const read = judgeSignals(text, task, outputs);
  let signals = read;
  // A judge shown the iteration's other results (a test report) weighs them into correctness.
  const checks = Object.values(earlierChecks);
  if (checks.length > 0) {
    const checked = checks.reduce((sum, verdict) => sum + verdict.score, 0) / checks.length;
    signals = { ...read, coverage: 0.65 * checked + 0.35 * read.coverage };
  }
  const scores: Record<string, number> = {};
  let weighted = 0;
  for (const dimension of evaluator.dimensions) {
    const raw = signalOf(dimension)(signals);
    const noisy = Math.min(1, Math.max(0, raw + rng.normal(0, 0.03)));
    const [low, high] = dimension.scale;
    scores[dimension.name] = Math.round((low + noisy * (high - low)) * 100) / 100;
    weighted += noisy * dimension.normalizedWeight;
  }
  const hints = [
    ...signals.missing.slice(0, 3).map((fact) => hintsOf(fact).cover),
    ...signals.uncited.slice(0, 2).map((fact) => hintsOf(fact).cite),
  ];
  const failureCodes = [
    ...(signals.missing.length > 0 ? ['missing_fact'] : []),
    ...(signals.uncited.length > 0 ? ['uncited_claim'] : []),
    ...(signals.concision < 0.6 ? ['too_long'] : []),
  ];
  return {
    scores,
    failure_codes: weighted >= evaluator.passThreshold ? [] : failureCodes,
    remediation_hints: weighted >= evaluator.passThreshold ? [] : hints,
    summary: `States ${Math.round(signals.coverage * 100)}% of what a good answer covers; evidence ${Math.round(signals.evidence * 100)}%.`,
  };
}

type Dimension = LlmRubricEvaluatorProgram['dimensions'][number];

/** The signal each rubric dimension reads, found once per dimension (compiled programs do not change). */
const dimensionSignals = new WeakMap<Dimension, (s: JudgeSignals) => number>();

function signalOf(dimension: Dimension): (s: JudgeSignals) => number {
  let signal = dimensionSignals.get(dimension);
  if (signal === undefined) {
    const pick = DIMENSION_SIGNALS.find(([pattern]) =>
      pattern.test(`${dimension.name} ${dimension.criteria}`),
    );
    signal = pick?.[1] ?? ((s: JudgeSignals) => s.coverage);
    dimensionSignals.set(dimension, signal);
  }
  return signal;
}

/** The hints about a reference fact, written once per fact (task material is read-only). */
const factHints = new WeakMap<ReferenceFact, { cover: string; cite: string }>();

function hintsOf(fact: ReferenceFact): { cover: string; cite: string } {
  let hints = factHints.get(fact);
  if (hints === undefined) {
    hints = {
      cover: `Cover: ${fact.statement}`,
      cite: `Cite ${fact.sourceIds.join(' or ')} for: ${fact.statement}`,
    };
    factHints.set(fact, hints);
  }
  return hints;
}

/**
 * The judgement as JSON text, exactly as `JSON.stringify(judgement)` writes it, with the quoted form of recurring
 * strings (dimension names, failure codes, hints about the task's facts) kept instead of escaped again at every call.
 *
 * @example
 * ```ts
 * judgementText({ scores: { coverage: 0.5 }, failure_codes: [], remediation_hints: [], summary: 'Fine.' });
 * // '{"scores":{"coverage":0.5},"failure_codes":[],"remediation_hints":[],"summary":"Fine."}'
 * ```
 */
export function judgementText(judgement: SimJudgement): string {
  let text = '{"scores":{';
  let first = true;
  for (const name of Object.keys(judgement.scores)) {
    text += `${first ? '' : ','}${quotedOnce(name)}:${JSON.stringify(judgement.scores[name])}`;
    first = false;
  }
  text += `},"failure_codes":${listText(judgement.failure_codes)}`;
  text += `,"remediation_hints":${listText(judgement.remediation_hints)}`;
  return `${text},"summary":${JSON.stringify(judgement.summary)}}`;
}

function listText(items: readonly string[]): string {
  let text = '[';
  for (let index = 0; index < items.length; index++)
    text += `${index === 0 ? '' : ','}${quotedOnce(items[index]!)}`;
  return `${text}]`;
}

/** Quoted forms of recent strings (a pure function of the string). */
const quoted = new Map<string, string>();
const QUOTED_CAPACITY = 4096;

function quotedOnce(text: string): string {
  let json = quoted.get(text);
  if (json === undefined) {
    json = JSON.stringify(text);
    if (quoted.size >= QUOTED_CAPACITY) quoted.delete(quoted.keys().next().value!);
    quoted.set(text, json);
  }
  return json;
}
