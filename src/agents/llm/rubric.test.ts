import { describe, expect, it } from 'vitest';
import { rubric, RubricError } from './rubric.js';
import type { Trajectory } from './trajectory.js';

const trajectory = {
  rewards: [0, 0.5, 1],
  status: 'terminated',
  environmentSteps: 3,
} as unknown as Trajectory;

describe('rubric', () => {
  it('defaults to the sum of the step rewards', async () => {
    expect(await rubric().score(trajectory)).toEqual({ reward: 1.5, metrics: { return: 1.5 } });
  });

  it('weights reward functions, reports weight-0 metrics without adding them, and passes state and task', async () => {
    const scoring = rubric<{ bonus: number }, { target: number }>([
      { name: 'solved', weight: 2, fn: (t) => (t.status === 'terminated' ? 1 : 0) },
      { name: 'bonus', weight: 0.5, fn: (_t, state, task) => state.bonus * task.target },
      { name: 'steps', weight: 0, fn: (t) => t.environmentSteps },
    ]);
    expect(await scoring.score(trajectory, { bonus: 2 }, { target: 3 })).toEqual({
      reward: 2 + 3,
      metrics: { solved: 1, bonus: 6, steps: 3 },
    });
  });

  it('makes a throwing or non-numeric function an error naming it, never a silent 0', async () => {
    const failing = rubric([{ name: 'judge', fn: () => Promise.reject(new Error('judge offline')) }]);
    await expect(failing.score(trajectory)).rejects.toThrow(RubricError);
    await expect(failing.score(trajectory)).rejects.toMatchObject({ functionName: 'judge' });
    const metricThrows = rubric([
      {
        name: 'm',
        weight: 0,
        fn: () => {
          throw new Error('x');
        },
      },
    ]);
    await expect(metricThrows.score(trajectory)).rejects.toThrow(/`m` threw: x/);
    const notANumber = rubric([{ name: 'nan', fn: () => Number.NaN }]);
    await expect(notANumber.score(trajectory)).rejects.toThrow(/must return a finite number/);
    expect(() =>
      rubric([
        { name: 'a', fn: () => 1 },
        { name: 'a', fn: () => 2 },
      ]),
    ).toThrow(/Two rubric functions/);
  });
});
