// What a simulated judge reads in an output: how much of the task it covers, how well cited, how long, how organized.
import { countWords } from '../../loop/evaluators/deterministic/support/count-words.js';
import { findCitations } from '../../loop/evaluators/deterministic/support/find-citations.js';
import { createPhraseMatcher } from '../../loop/evaluators/deterministic/support/normalize-text.js';
import type { LoopTask, ReferenceFact } from '../../loop/tasks/loop-task.js';
import type { WorkerOutput } from '../../loop/worker-output.js';
import { factsStated } from './compose-answer.js';

/** What an output shows, each on [0, 1], and the facts it misses or does not cite. */
export interface JudgeSignals {
  coverage: number;
  evidence: number;
  concision: number;
  structure: number;
  balance: number;
  missing: readonly ReferenceFact[];
  uncited: readonly ReferenceFact[];
}

/**
 * The signals of a judged text (the outputs' raw texts joined) against the task's reference material: coverage (the
 * weighted share of reference facts stated; without facts, the share of the task's input keywords present), evidence
 * (stated facts cited with one of their sources, stale sources penalized), concision (length against what the facts
 * need; code against the task's smallest correct candidate), structure (headings, lists, a recommendation) and
 * balance (benefits and risks both covered, by fact id prefix). Missing facts come heaviest first.
 *
 * They depend on the text, the task and whether an output is code only, so they are kept by content (the most
 * recent {@link JUDGE_SIGNALS_CAPACITY} texts, whatever their tasks): a judge reading an output it has read before
 * does not read it again. The result is frozen; copy it to change it.
 *
 * @example
 * ```ts
 * judgeSignals(answer, task, outputs).coverage; // 0.75
 * ```
 */
export function judgeSignals(text: string, task: LoopTask, outputs: readonly WorkerOutput[]): JudgeSignals {
  // Code is judged for size against the task's smallest known fix, when there is one.
  const isCode = outputs.some((output) => output.format === 'code');
  let readings = remembered.get(text);
  const found = readings?.find((reading) => reading.task === task && reading.isCode === isCode);
  if (found !== undefined) return found.signals;
  const signals = measure(text, task, isCode);
  if (readings === undefined) {
    if (remembered.size >= JUDGE_SIGNALS_CAPACITY) remembered.delete(remembered.keys().next().value!);
    readings = [];
    remembered.set(text, readings);
  }
  // Tasks are read-only: a reading stays right as long as it is kept.
  if (readings.length >= READINGS_PER_TEXT) readings.shift();
  readings.push({ task, isCode, signals });
  return signals;
}

/** How many judged texts are kept (across tasks; the oldest read first is forgotten first). */
export const JUDGE_SIGNALS_CAPACITY = 4096;

/** At most this many readings of one text are kept (for as many tasks, or as text and as code). */
const READINGS_PER_TEXT = 8;

const remembered = new Map<string, { task: LoopTask; isCode: boolean; signals: JudgeSignals }[]>();

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

function measure(text: string, task: LoopTask, isCode: boolean): JudgeSignals {
  const facts = task.material.referenceFacts;
  const words = countWords(text);
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
    return Object.freeze({
      coverage,
      evidence: coverage,
      concision: words === 0 ? 0 : Math.min(1, 150 / words),
      structure,
      balance: coverage,
      missing: Object.freeze([]),
      uncited: Object.freeze([]),
    });
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
  return Object.freeze({
    coverage: covered / total,
    evidence,
    concision: codeConcision ?? (words === 0 ? 0 : Math.min(1, needed / words)),
    structure,
    balance: benefits === undefined || risks === undefined ? covered / total : Math.min(benefits, risks),
    missing: Object.freeze(missing.sort((a, b) => (b.weight ?? 1) - (a.weight ?? 1))),
    uncited: Object.freeze(uncited),
  });
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
