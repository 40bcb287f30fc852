// How a program's workers are ordered: by level (each level after those it depends on), and which are final.
import type { LoopProgram, WorkerProgram } from '../../lss/compile/loop-program.js';

/**
 * The workers of a program by level, lowest first, in program order within a level; found once per program
 * (compiled programs do not change).
 *
 * @example
 * ```ts
 * workerLevels(program).map((level) => level.map((worker) => worker.id)); // [['researcher'], ['writer']]
 * ```
 */
export function workerLevels(program: LoopProgram): readonly (readonly WorkerProgram[])[] {
  let levels = levelsFound.get(program);
  if (levels === undefined) {
    const byLevel = new Map<number, WorkerProgram[]>();
    for (const worker of program.workers) {
      const level = byLevel.get(worker.level) ?? [];
      level.push(worker);
      byLevel.set(worker.level, level);
    }
    levels = [...byLevel.keys()].sort((a, b) => a - b).map((level) => byLevel.get(level)!);
    levelsFound.set(program, levels);
  }
  return levels;
}

const levelsFound = new WeakMap<LoopProgram, readonly (readonly WorkerProgram[])[]>();

/**
 * The workers no other worker depends on (their outputs leave the loop), in program order; found once per program.
 *
 * @example
 * ```ts
 * finalWorkers(program).map((worker) => worker.id); // ['writer']
 * ```
 */
export function finalWorkers(program: LoopProgram): readonly WorkerProgram[] {
  let workers = finalWorkersFound.get(program);
  if (workers === undefined) {
    const dependedOn = new Set(program.workers.flatMap((worker) => worker.dependsOn));
    workers = program.workers.filter((worker) => !dependedOn.has(worker.id));
    finalWorkersFound.set(program, workers);
  }
  return workers;
}

const finalWorkersFound = new WeakMap<LoopProgram, readonly WorkerProgram[]>();
