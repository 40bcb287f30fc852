import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createRng } from '../../core/random/rng.js';
import type { LlmRubricEvaluatorProgram } from '../../lss/compile/loop-program.js';
import { loadLoopProgramSync } from '../../lss/load-loop-program.js';
import { loopbenchDataDirectory } from '../../loop/tasks/data-directory.js';
import { loadTaskSetSync } from '../../loop/tasks/load-task-set.js';
import type { EvaluatorVerdict } from '../../loop/evaluators/evaluator-verdict.js';
import type { LoopTask } from '../../loop/tasks/loop-task.js';
import type { WorkerOutput } from '../../loop/worker-output.js';
import { composeText } from './compose-answer.js';
import { judgeSignals, JUDGE_SIGNALS_CAPACITY } from './judge-signals.js';
import { judgementText, judgeOutputs } from './sim-judge.js';

const directory = loopbenchDataDirectory('research-synthesis-v1');
const { tasks } = loadTaskSetSync(directory);
const program = loadLoopProgramSync(`${directory}/spec.yaml`);
const rubric = program.evaluators.find(
  (evaluator): evaluator is LlmRubricEvaluatorProgram => evaluator.type === 'llm_rubric',
)!;

const output = (raw: string, format: WorkerOutput['format'] = 'markdown'): WorkerOutput =>
  ({ workerId: 'writer', format, raw, text: raw }) as WorkerOutput;

function answers(task: LoopTask, count: number): string[] {
  return Array.from({ length: count }, (_, seed) =>
    composeText(
      {
        task,
        workerId: 'writer',
        outputName: 'Brief',
        format: 'markdown',
        inputTexts: [String(task.inputs.query)],
        feedback: [],
        previousOutput: undefined,
      },
      (seed % 10) / 10,
      createRng(seed),
    ),
  );
}

/** A copy of a task: new objects, so nothing read from the original is remembered for it. */
const copyOf = (task: LoopTask): LoopTask => structuredClone(task);

describe('judgeSignals', () => {
  it('reads a text it has read before as it did the first time, and as a fresh reader does', () => {
    const task = tasks[0]!;
    for (const text of answers(task, 30)) {
      const first = judgeSignals(text, task, [output(text)]);
      expect(judgeSignals(text, task, [output(text)])).toBe(first);
      expect(judgeSignals(text, copyOf(task), [output(text)])).toEqual(first);
      expect(Object.isFrozen(first)).toBe(true);
    }
  });

  it('tells code from text (code is measured against the smallest correct candidate)', () => {
    const task = copyOf(tasks[1]!);
    const text = answers(task, 1)[0]!;
    const asText = judgeSignals(text, task, [output(text)]);
    const asCode = judgeSignals(text, task, [output(text, 'code')]);
    expect(asCode).toEqual(judgeSignals(text, copyOf(task), [output(text, 'code')]));
    expect(asText.coverage).toBe(asCode.coverage);
  });

  it('keeps the readings of one text for different tasks apart', () => {
    const text = answers(tasks[0]!, 10)[9]!;
    const readings = tasks.map((task) => judgeSignals(text, task, [output(text)]));
    tasks.forEach((task, index) => {
      expect(judgeSignals(text, task, [output(text)])).toBe(readings[index]);
      expect(readings[index]).toEqual(judgeSignals(text, copyOf(task), [output(text)]));
    });
    expect(readings[0]!.coverage).toBeGreaterThan(readings[1]!.coverage);
  });

  it('keeps at most JUDGE_SIGNALS_CAPACITY texts and still reads older ones right', () => {
    const task = copyOf(tasks[2]!);
    const texts = Array.from({ length: JUDGE_SIGNALS_CAPACITY + 5 }, (_, index) => `Note ${index}.`);
    const first = texts.map((text) => judgeSignals(text, task, [output(text)]));
    expect(judgeSignals(texts[0]!, task, [output(texts[0]!)])).not.toBe(first[0]);
    expect(judgeSignals(texts[0]!, task, [output(texts[0]!)])).toEqual(first[0]);
  });
});

describe('judgeOutputs', () => {
  it('judges alike whether the text was read before or not, with or without earlier checks', () => {
    const task = tasks[0]!;
    const checks: Record<string, EvaluatorVerdict> = {
      citation_check: {
        score: 0.2,
        passed: false,
        failureCodes: [],
        remediationHints: [],
        summary: '',
        dimensionScores: {},
        details: {},
      },
    };
    for (const text of answers(task, 10)) {
      const outputs = [output(text)];
      const fresh = judgeOutputs(rubric, outputs, copyOf(task), createRng(3), checks);
      expect(judgeOutputs(rubric, outputs, task, createRng(3), checks)).toEqual(fresh);
      const plain = judgeOutputs(rubric, outputs, copyOf(task), createRng(4));
      expect(judgeOutputs(rubric, outputs, task, createRng(4))).toEqual(plain);
      expect(judgeOutputs(rubric, outputs, task, createRng(3), checks)).toEqual(fresh);
    }
  });
});

describe('judgementText', () => {
  it('writes a judgement exactly as JSON.stringify does (property)', () => {
    const text = fc.oneof(
      fc.string(),
      fc.string({ unit: 'grapheme' }),
      fc.constantFrom('', '"', '\\', '\u2028', '\n'),
    );
    const judgement = fc.record({
      scores: fc.dictionary(text, fc.oneof(fc.double(), fc.integer(), fc.constantFrom(0.1, -0, 1e21))),
      failure_codes: fc.array(text, { maxLength: 4 }),
      remediation_hints: fc.array(text, { maxLength: 4 }),
      summary: text,
    });
    fc.assert(
      fc.property(judgement, (value) => {
        expect(judgementText(value)).toBe(JSON.stringify(value));
        expect(judgementText(value)).toBe(JSON.stringify(value));
      }),
      { numRuns: 300 },
    );
  });
});
