// How a simulated judge scores a rubric: from what the output contains, against the task's reference material.
import type { Rng } from '../../core/random/rng.js';
import type { LlmRubricEvaluatorProgram } from '../../lss/compile/loop-program.js';
import { countWords } from '../../loop/evaluators/deterministic/support/count-words.js';
import { findCitations } from '../../loop/evaluators/deterministic/support/find-citations.js';
import { createPhraseMatcher } from '../../loop/evaluators/deterministic/support/normalize-text.js';
import type { LoopTask, ReferenceFact } from '../../loop/tasks/loop-task.js';
import type { WorkerOutput } from '../../loop/worker-output.js';
import type { EvaluatorVerdict } from '../../loop/evaluators/evaluator-verdict.js';
import { factsStated } from './compose-answer.js';

/** A judgement in the JSON shape the engine asks judges for. */
export interface SimJudgement {
  scores: Record<string, number>;
  failure_codes: string[];
  remediation_hints: string[];
  summary: string;
}

/** What the output shows, each on [0, 1]. */
interface Signals {
  coverage: number;
  evidence: number;
  concision: number;
  structure: number;
  balance: number;
  missing: ReferenceFact[];
  uncited: ReferenceFact[];
}

const DIMENSION_SIGNALS: readonly [RegExp, (s: Signals) => number][] = [
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
  const text = outputs.map((output) => output.raw).join('\n\n');
  const signals = measure(text, task, outputs);
  // A judge shown the iteration's other results (a test report) weighs them into correctness.
  const checks = Object.values(earlierChecks);
  if (checks.length > 0) {
    const checked = checks.reduce((sum, verdict) => sum + verdict.score, 0) / checks.length;
    signals.coverage = 0.65 * checked + 0.35 * signals.coverage;
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
    ...signals.missing.slice(0, 3).map((fact) => `Cover: ${fact.statement}`),
    ...signals.uncited
      .slice(0, 2)
      .map((fact) => `Cite ${fact.sourceIds.join(' or ')} for: ${fact.statement}`),
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
const dimensionSignals = new WeakMap<Dimension, (s: Signals) => number>();

function signalOf(dimension: Dimension): (s: Signals) => number {
  let signal = dimensionSignals.get(dimension);
  if (signal === undefined) {
    const pick = DIMENSION_SIGNALS.find(([pattern]) =>
      pattern.test(`${dimension.name} ${dimension.criteria}`),
    );
    signal = pick?.[1] ?? ((s: Signals) => s.coverage);
    dimensionSignals.set(dimension, signal);
  }
  return signal;
}

/** What the judge reads from a task's material, the same at every call (task material is read-only). */
interface MaterialFigures {
  /** The word count of the smallest correct candidate, if any. */
  reference: number | undefined;
  /** The words a complete answer needs. */
  needed: number;
}

const materialFigures = new WeakMap<LoopTask['material'], MaterialFigures>();

function figuresOf(material: LoopTask['material']): MaterialFigures {
  let figures = materialFigures.get(material);
  if (figures === undefined) {
    const fixes = material.candidates.filter((candidate) => candidate.quality === 'correct');
    figures = {
      reference: fixes.length === 0 ? undefined : Math.min(...fixes.map((fix) => countWords(fix.output))),
      needed: material.referenceFacts.reduce((sum, fact) => sum + countWords(fact.statement), 0) * 1.6 + 40,
    };
    materialFigures.set(material, figures);
  }
  return figures;
}

function measure(text: string, task: LoopTask, outputs: readonly WorkerOutput[]): Signals {
  const facts = task.material.referenceFacts;
  const words = countWords(text);
  // Code is judged for size against the task's smallest known fix, when there is one.
  const isCode = outputs.some((output) => output.format === 'code');
  const { reference, needed } = figuresOf(task.material);
  const codeConcision =
    isCode && reference !== undefined && words > 0 ? Math.min(1, reference / words) : undefined;
  const structure =
    (/^#{1,3} /m.test(text) ? 0.35 : 0) +
    (/^\s*[-*\d.]+\s/m.test(text) ? 0.35 : 0) +
    (/\b(recommend|should|approve|next step|decision|condition)/i.test(text) ? 0.3 : 0);
  if (facts.length === 0) {
    const keywords = inputKeywords(task);
    const present = keywords.filter(createPhraseMatcher(text)).length;
    const coverage = keywords.length === 0 ? (words > 0 ? 0.7 : 0) : present / keywords.length;
    return {
      coverage,
      evidence: coverage,
      concision: words === 0 ? 0 : Math.min(1, 150 / words),
      structure,
      balance: coverage,
      missing: [],
      uncited: [],
    };
  }
  const cited = new Set(
    findCitations(text, task.material.sources).flatMap((citation) =>
      citation.sourceId === undefined ? [] : [citation.sourceId],
    ),
  );
  const staleCited = task.material.sources.filter(
    (source) => source.stale === true && cited.has(source.id),
  ).length;
  let total = 0;
  let covered = 0;
  const stated: ReferenceFact[] = [];
  const missing: ReferenceFact[] = [];
  const statedFlags = factsStated(facts, text);
  for (const [index, fact] of facts.entries()) {
    const weight = fact.weight ?? 1;
    total += weight;
    if (statedFlags[index] === true) {
      covered += weight;
      stated.push(fact);
    } else {
      missing.push(fact);
    }
  }
  const citable = stated.filter((fact) => fact.sourceIds.length > 0);
  const uncited = citable.filter((fact) => !fact.sourceIds.some((id) => cited.has(id)));
  const evidence =
    citable.length === 0
      ? covered / total
      : Math.max(0, (citable.length - uncited.length) / citable.length - 0.25 * staleCited) *
        (covered / total) ** 0.5;
  const byGroup = (prefix: string): number | undefined => {
    const group = facts.filter((fact) => fact.id.startsWith(prefix));
    if (group.length === 0) return undefined;
    return group.filter((fact) => stated.includes(fact)).length / group.length;
  };
  const benefits = byGroup('benefit');
  const risks = byGroup('risk');
  return {
    coverage: covered / total,
    evidence,
    concision: codeConcision ?? (words === 0 ? 0 : Math.min(1, needed / words)),
    structure,
    balance: benefits === undefined || risks === undefined ? covered / total : Math.min(benefits, risks),
    missing: missing.sort((a, b) => (b.weight ?? 1) - (a.weight ?? 1)),
    uncited,
  };
}

/** The distinctive words of the task's string inputs (five letters or more, at most 12), found once per task. */
function inputKeywords(task: LoopTask): readonly string[] {
  let keywords = taskKeywords.get(task.inputs);
  if (keywords === undefined) {
    const words = Object.values(task.inputs)
      .filter((value): value is string => typeof value === 'string')
      .flatMap((value) => value.toLowerCase().match(/[a-z][a-z-]{4,}/g) ?? []);
    keywords = Object.freeze([...new Set(words)].slice(0, 12));
    taskKeywords.set(task.inputs, keywords);
  }
  return keywords;
}

const taskKeywords = new WeakMap<LoopTask['inputs'], readonly string[]>();
