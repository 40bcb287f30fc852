// The rubric judge's prompt and the robust reading of its answer.
import type { LlmRubricEvaluatorProgram } from '../../lss/compile/loop-program.js';
import type { ModelMessage } from '../../models/language-model.js';
import type { LoopTask } from '../tasks/loop-task.js';
import type { WorkerOutput } from '../worker-output.js';
import type { EvaluatorVerdict } from './evaluator-verdict.js';

/**
 * The messages that ask a judge model to score outputs against a rubric: each dimension with its criteria and
 * scale, the task's reference facts when it has some, the results of the evaluators that ran before it in this
 * iteration (e.g. the test report), the outputs, and the exact JSON shape of the answer.
 *
 * @example
 * ```ts
 * const messages = rubricJudgePrompt(evaluator, outputs, task);
 * ```
 */
export function rubricJudgePrompt(
  evaluator: LlmRubricEvaluatorProgram,
  outputs: readonly WorkerOutput[],
  task: LoopTask,
  earlierChecks: ReadonlyMap<string, EvaluatorVerdict> = new Map(),
): ModelMessage[] {
  const reference = referenceOf(task.material.referenceFacts);
  return [
    { role: 'system', content: judgeInstructions(evaluator) },
    {
      role: 'user',
      content: [
        ...(reference === '' ? [] : [`Reference material (what a good answer contains):\n${reference}`]),
        ...(earlierChecks.size === 0
          ? []
          : [
              `Results of this iteration's other checks:\n${[...earlierChecks]
                .map(([id, verdict]) => `- ${id}: ${verdict.summary} (score ${verdict.score.toFixed(2)})`)
                .join('\n')}`,
            ]),
        ...outputs.map((output) => `## Output of ${output.workerId} (${output.name})\n${output.raw}`),
      ].join('\n\n'),
    },
  ];
}

/** The system message of a rubric's judge, written once per evaluator (compiled programs do not change). */
const instructions = new WeakMap<LlmRubricEvaluatorProgram, string>();

function judgeInstructions(evaluator: LlmRubricEvaluatorProgram): string {
  let text = instructions.get(evaluator);
  if (text === undefined) {
    const dimensions = evaluator.dimensions
      .map((d) => `- ${d.name} (weight ${d.weight}, scale ${d.scale[0]} to ${d.scale[1]}): ${d.criteria}`)
      .join('\n');
    const shape = `{"scores": {${evaluator.dimensions.map((d) => `"${d.name}": <number>`).join(', ')}}, "failure_codes": ["<short_code>"], "remediation_hints": ["<what to change>"], "summary": "<one sentence>"}`;
    text = [
      `You are \`${evaluator.id}\`, a strict evaluator. Score the output on each dimension of the rubric, within its scale.`,
      `Rubric:\n${dimensions}`,
      `Pass threshold (weighted, on 0 to 1): ${evaluator.passThreshold}.`,
      `Answer with JSON only, exactly: ${shape}`,
    ].join('\n\n');
    instructions.set(evaluator, text);
  }
  return text;
}

/** A task's reference facts as a list, written once per task (task material is read-only). */
const references = new WeakMap<LoopTask['material']['referenceFacts'], string>();

function referenceOf(facts: LoopTask['material']['referenceFacts']): string {
  let text = references.get(facts);
  if (text === undefined) {
    text = facts.map((fact) => `- ${fact.statement}`).join('\n');
    references.set(facts, text);
  }
  return text;
}

/** The reading of a judge's answer: a verdict, or why the answer cannot be used. */
export type RubricJudgement = { ok: true; verdict: EvaluatorVerdict } | { ok: false; error: string };

/**
 * Reads a judge's answer: the first JSON object in it (bare or fenced), with `scores` (or `dimension_scores`) giving
 * a number for every dimension within its scale; or, failing JSON, one `dimension: number` line per dimension. Each
 * score is rescaled to [0, 1]; the verdict's score is their weighted sum, passed when it reaches the threshold. A
 * missing dimension, a value that is not a number or a value outside the scale is an error, never a silent 0.
 *
 * @example
 * ```ts
 * const judgement = readRubricJudgement('{"scores": {"coverage": 0.8, "evidence": 0.6}}', evaluator);
 * if (judgement.ok) judgement.verdict.score;
 * ```
 */
export function readRubricJudgement(text: string, evaluator: LlmRubricEvaluatorProgram): RubricJudgement {
  const object = firstJsonObject(text);
  const raw: Record<string, unknown> = {};
  let failureCodes: string[] = [];
  let hints: string[] = [];
  let summary: string | undefined;
  if (object !== undefined) {
    const scores =
      asRecord(object.scores) ?? asRecord(object.dimension_scores) ?? asRecord(object.dimensions) ?? object;
    Object.assign(raw, scores);
    failureCodes = stringList(object.failure_codes ?? object.failureCodes);
    hints = stringList(object.remediation_hints ?? object.remediationHints ?? object.hints);
    summary = typeof object.summary === 'string' ? object.summary : undefined;
  } else {
    for (const dimension of evaluator.dimensions) {
      const match = new RegExp(
        `${escapeRegExp(dimension.name)}\\W{0,3}\\s*[:=]\\s*(-?\\d+(?:\\.\\d+)?)`,
        'i',
      ).exec(text);
      if (match !== null) raw[dimension.name] = Number(match[1]);
    }
  }
  const dimensionScores: Record<string, number> = {};
  let score = 0;
  for (const dimension of evaluator.dimensions) {
    const value = toNumber(raw[dimension.name]);
    if (value === undefined) {
      return {
        ok: false,
        error:
          raw[dimension.name] === undefined
            ? `The judgement gives no score for \`${dimension.name}\`.`
            : `The score of \`${dimension.name}\` is not a number.`,
      };
    }
    const [low, high] = dimension.scale;
    if (value < low || value > high) {
      return {
        ok: false,
        error: `The score of \`${dimension.name}\` (${value}) is outside its scale [${low}, ${high}].`,
      };
    }
    const normalized = high === low ? 0 : (value - low) / (high - low);
    dimensionScores[dimension.name] = normalized;
    score += normalized * dimension.normalizedWeight;
  }
  const passed = score >= evaluator.passThreshold - 1e-12;
  if (!passed && failureCodes.length === 0) {
    failureCodes = evaluator.dimensions
      .filter((d) => (dimensionScores[d.name] ?? 0) < evaluator.passThreshold)
      .map((d) => `low_${d.name}`);
  }
  return {
    ok: true,
    verdict: {
      score,
      passed,
      failureCodes,
      remediationHints: hints,
      summary: summary ?? `Weighted rubric score ${score.toFixed(3)} (threshold ${evaluator.passThreshold}).`,
      dimensionScores,
      details: {},
    },
  };
}

function firstJsonObject(text: string): Record<string, unknown> | undefined {
  const fenced = /```(?:json)?\s*\n([\s\S]*?)```/.exec(text)?.[1];
  for (const candidate of [fenced, text.trim()]) {
    if (candidate === undefined) continue;
    const parsed = tryParse(candidate.trim());
    if (asRecord(parsed) !== undefined) return parsed as Record<string, unknown>;
  }
  // The first balanced {...} in the text.
  const start = text.indexOf('{');
  if (start === -1) return undefined;
  let depth = 0;
  let inString = false;
  for (let index = start; index < text.length; index++) {
    const char = text[index];
    if (inString) {
      if (char === '\\') index++;
      else if (char === '"') inString = false;
    } else if (char === '"') inString = true;
    else if (char === '{') depth++;
    else if (char === '}' && --depth === 0) {
      const parsed = tryParse(text.slice(start, index + 1));
      return asRecord(parsed);
    }
  }
  return undefined;
}

function tryParse(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

function asRecord(value: unknown): Record<string, unknown> | undefined {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : undefined;
}

function toNumber(value: unknown): number | undefined {
  if (typeof value === 'number') return Number.isFinite(value) ? value : undefined;
  if (typeof value === 'string' && /^\s*-?\d+(\.\d+)?\s*$/.test(value)) return Number(value);
  const record = asRecord(value);
  if (record !== undefined) return toNumber(record.score ?? record.value);
  return undefined;
}

function stringList(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : [];
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
