import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadLoopProgramSync } from '../lss/load-loop-program.js';
import type { LoopEvent } from '../loop/events/loop-event.js';
import { loopbenchDataDirectory } from '../loop/tasks/data-directory.js';
import { loadTaskSetSync } from '../loop/tasks/load-task-set.js';
import { OracleGrader } from './grade-with-oracle.js';
import { loadLoopBench } from './load-loopbench.js';

const directory = loopbenchDataDirectory('code-repair-v1');
const program = loadLoopProgramSync(join(directory, 'spec.yaml'));
const instance = loadTaskSetSync(directory).tasks.find((task) => task.id === 'cr-001')!;
const task = loadLoopBench().tasks.find((candidate) => candidate.id === 'LB-CR-1')!;

/** An episode whose implementer answered `raw` last (after an earlier, different answer). */
function episodeAnswering(raw: string): LoopEvent[] {
  const output = (text: string, iteration: number) =>
    ({
      type: 'worker-output',
      episodeId: 'e',
      iteration,
      time: iteration,
      workerId: 'implementer',
      format: 'code',
      raw: text,
      source: 'model',
    }) as unknown as LoopEvent;
  return [
    { type: 'episode-start', episodeId: 'e', time: 0 } as unknown as LoopEvent,
    output('no patch yet', 1),
    output(raw, 2),
  ];
}

const candidate = (id: string) => instance.material.candidates.find((entry) => entry.id === id)!.output;

describe('OracleGrader', () => {
  it("runs the task's deterministic oracle checks on the final answer: the repository's tests", async () => {
    const grader = new OracleGrader();
    expect(grader.checksFor(task)).toEqual(['evaluators.test_pass_rate']);
    const correct = await grader.grade(
      task,
      program,
      episodeAnswering(candidate('raise-with-input')),
      instance,
    );
    expect(correct).toMatchObject({ passed: true, score: 1 });
    const wrong = await grader.grade(task, program, episodeAnswering(candidate('isdigit-check')), instance);
    expect(wrong?.passed).toBe(false);
    expect(wrong!.score).toBeLessThan(1);
    const prose = await grader.grade(task, program, episodeAnswering('The bug is in parse_int.'), instance);
    expect(prose?.passed).toBe(false);
  }, 60_000);

  it('has nothing to say without deterministic checks, or about an instance they cannot judge', async () => {
    const grader = new OracleGrader();
    expect(
      await grader.grade(
        { oracle: { type: 'llm_rubric', checks: ['evaluators.quality_rubric'] } },
        program,
        [],
        instance,
      ),
    ).toBeUndefined();
    const noRepository = { ...instance, material: { ...instance.material, repository: undefined } };
    expect(await grader.grade(task, program, episodeAnswering('x'), noRepository)).toBeUndefined();
  });
});
