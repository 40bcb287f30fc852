import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createSimBackend } from '../../backends/sim/sim-backend.js';
import { compileSpec } from '../../lss/compile/compile-spec.js';
import type { LoopProgram } from '../../lss/compile/loop-program.js';
import type { LoopSpec } from '../../lss/loop-spec.js';
import { parseSpecText } from '../../lss/parse/parse-spec.js';
import { createLoopServices } from '../create-loop-services.js';
import { loopbenchDataDirectory } from '../tasks/data-directory.js';
import { loadTaskSetSync } from '../tasks/load-task-set.js';
import { LoopRun } from './loop-run.js';
import { finalWorkers, workerLevels } from './worker-levels.js';

function program(loop: string): LoopProgram {
  const file = `${loopbenchDataDirectory(loop)}/spec.yaml`;
  return compileSpec(parseSpecText(readFileSync(file, 'utf8')).value as LoopSpec);
}

const ids = (workers: readonly { id: string }[]): string[] => workers.map((worker) => worker.id);

describe('workerLevels and finalWorkers', () => {
  it('order workers by level and name those no other worker depends on', () => {
    const debate = program('multi-agent-debate-v1');
    expect(workerLevels(debate).map(ids)).toEqual([['advocate'], ['critic'], ['judge']]);
    expect(ids(finalWorkers(debate))).toEqual(['judge']);
    const research = program('research-synthesis-v1');
    expect(workerLevels(research).map(ids)).toEqual([['researcher'], ['writer']]);
    expect(workerLevels(research)).toBe(workerLevels(research));
    expect(ids(finalWorkers(research))).toEqual(['writer']);
  });

  it('put workers of the same level together, in program order', () => {
    const base = program('research-synthesis-v1');
    const [researcher, writer] = base.workers;
    const side = { ...researcher!, id: 'scout' };
    const wide: LoopProgram = {
      ...base,
      workers: [{ ...writer!, dependsOn: ['researcher', 'scout'] }, researcher!, side],
    };
    expect(workerLevels(wide).map(ids)).toEqual([['researcher', 'scout'], ['writer']]);
    expect(ids(finalWorkers(wide))).toEqual(['writer']);
  });

  it('two workers of one level run side by side: the episode still runs to its end with both outputs', async () => {
    const base = program('research-synthesis-v1');
    const [researcher, writer] = base.workers;
    const wide: LoopProgram = {
      ...base,
      workers: [researcher!, { ...researcher!, id: 'scout' }, { ...writer!, dependsOn: ['researcher'] }],
    };
    const task = loadTaskSetSync(loopbenchDataDirectory('research-synthesis-v1')).tasks[0]!;
    const run = LoopRun.start({
      program: wide,
      task,
      seed: 1,
      backend: createSimBackend(),
      services: createLoopServices(),
    });
    const outcome = await run.iterate();
    expect([...outcome.outputs.keys()].sort()).toEqual(['researcher', 'scout', 'writer']);
    const calls = outcome.events.flatMap((event) => (event.type === 'worker-call' ? [event.workerId] : []));
    expect(calls).toEqual(['researcher', 'scout', 'writer']);
  });
});
