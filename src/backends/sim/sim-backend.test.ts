import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { compileSpec } from '../../lss/compile/compile-spec.js';
import type { LoopSpec } from '../../lss/loop-spec.js';
import { parseSpecText } from '../../lss/parse/parse-spec.js';
import { createLoopServices } from '../../loop/create-loop-services.js';
import { LoopRun } from '../../loop/engine/loop-run.js';
import type { LoopEvent } from '../../loop/events/loop-event.js';
import type { LoopBackend } from '../../loop/loop-backend.js';
import { loopbenchDataDirectory } from '../../loop/tasks/data-directory.js';
import { loadTaskSetSync } from '../../loop/tasks/load-task-set.js';
import { createSimBackend } from './sim-backend.js';

async function episode(backend: LoopBackend, loop: string, seed: number): Promise<LoopEvent[]> {
  const directory = loopbenchDataDirectory(loop);
  const program = compileSpec(
    parseSpecText(readFileSync(`${directory}/spec.yaml`, 'utf8')).value as LoopSpec,
  );
  const task = loadTaskSetSync(directory).tasks[seed % 3]!;
  const events: LoopEvent[] = [];
  const run = LoopRun.start({
    program,
    task,
    seed,
    backend,
    services: createLoopServices(),
    onEvent: (event) => events.push(event),
  });
  while (!run.done) await run.iterate();
  return events;
}

describe('createSimBackend', () => {
  afterEach(() => {
    vi.restoreAllMocks();
  });

  it('answers at once: the engine arms no wall-clock timer for its workers, and the events are those of a timed run', async () => {
    const sim = createSimBackend();
    expect(sim.answersAtOnce).toBe(true);
    // The same models, without the promise to answer at once: every worker attempt gets its timer.
    const timed: LoopBackend = { name: sim.name, model: (binding, caller) => sim.model(binding, caller) };
    for (const loop of ['research-synthesis-v1', 'multi-agent-debate-v1']) {
      for (const seed of [0, 1, 2]) {
        const setTimer = vi.spyOn(globalThis, 'setTimeout');
        const untimedEvents = await episode(sim, loop, seed);
        expect(setTimer).not.toHaveBeenCalled();
        const timedEvents = await episode(timed, loop, seed);
        expect(setTimer).toHaveBeenCalled();
        setTimer.mockRestore();
        expect(JSON.stringify(untimedEvents)).toBe(JSON.stringify(timedEvents));
      }
    }
  });
});
