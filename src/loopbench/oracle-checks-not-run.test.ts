import { describe, expect, it } from 'vitest';
import type { LoopProgram } from '../lss/compile/loop-program.js';
import type { LoopBenchTaskData } from './loopbench-task-schema.js';
import { oracleChecksNotRun } from './oracle-checks-not-run.js';

const task = {
  oracle: { type: 'deterministic', checks: ['evaluators.test_pass_rate', 'evaluators.quality_rubric'] },
} as Pick<LoopBenchTaskData, 'oracle'>;

describe('oracleChecksNotRun', () => {
  it("lists the oracle's deterministic checks the spec does not run, not its rubric ids", () => {
    const rubricOnly = {
      evaluators: [{ type: 'llm_rubric', id: 'quality_rubric' }],
    } as unknown as LoopProgram;
    expect(oracleChecksNotRun(rubricOnly, task)).toEqual(['evaluators.test_pass_rate']);
    const withTests = {
      evaluators: [{ type: 'deterministic', id: 'tests', implementation: 'evaluators.test_pass_rate' }],
    } as unknown as LoopProgram;
    expect(oracleChecksNotRun(withTests, task)).toEqual([]);
    expect(oracleChecksNotRun(rubricOnly, {})).toEqual([]);
  });
});
