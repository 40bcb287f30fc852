import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Box } from '../spaces/box.js';
import { ScriptedEnv } from '../testing/scripted-env.js';
import { boxOf } from './__fixtures__/replay.js';
import { ClipAction } from './clip-action.js';

function actionEnv<D extends 'float32' | 'float64' | 'int32'>(box: Box<D>, steps = 1) {
  const observation = new Float32Array(1);
  return new ScriptedEnv({
    observationSpace: new Box(-1, 1, [1]),
    actionSpace: box,
    episodes: [{ observation, steps: Array.from({ length: steps }, () => ({ observation })) }],
  });
}

describe('ClipAction', () => {
  it('widens the action space to Box(-inf, inf) of the same shape and dtype', () => {
    const env = new ClipAction(actionEnv(new Box([-1, 0], [1, 2])));
    expect(env.actionSpace.toString()).toBe('Box(-inf, inf, (2,), float32)');
    const integer = new ClipAction(actionEnv(new Box(0, 5, [3], 'int32')));
    expect(boxOf(integer.actionSpace).dtype).toBe('int32');
  });

  it('passes on actions clipped into the inner space', () => {
    const inner = actionEnv(new Box([-1, 0], [1, 2]));
    const env = new ClipAction(inner);
    env.resetSync();
    env.stepSync(Float32Array.of(5, -3));
    expect(Array.from(inner.actions[0]!)).toEqual([1, 0]);
    expect(inner.actions[0]).toBeInstanceOf(Float32Array);
  });

  it('always gives the inner environment an element of its space (float32 actions)', () => {
    const value = fc.float({ noNaN: true });
    fc.assert(
      fc.property(value, value, fc.array(value, { minLength: 3, maxLength: 3 }), (a, b, action) => {
        const box = new Box(Math.min(a, b), Math.max(a, b), [3]);
        const inner = actionEnv(box);
        const env = new ClipAction(inner);
        env.resetSync();
        env.stepSync(Float32Array.from(action));
        expect(box.contains(inner.actions[0])).toBe(true);
      }),
    );
  });

  it('promotes the dtype as NumPy clip does and keeps NaN', () => {
    const inner = actionEnv(new Box(-1, 1, [2]), 2);
    const env = new ClipAction(inner);
    env.resetSync();
    env.stepSync(Float64Array.of(0.1, 3) as unknown as Float32Array);
    env.stepSync(Float32Array.of(Number.NaN, -2));
    expect(inner.actions[0]).toBeInstanceOf(Float64Array);
    expect(Array.from(inner.actions[0]!)).toEqual([0.1, 1]);
    expect(Array.from(inner.actions[1]!)).toEqual([Number.NaN, -1]);
  });

  it('rejects non-Box action spaces and actions of the wrong size', () => {
    const inner = actionEnv(new Box(-1, 1, [2]));
    const env = new ClipAction(inner);
    env.resetSync();
    expect(() => env.stepSync(Float32Array.of(1))).toThrow(/1 values; the action space needs 2/);
    const discrete = new ScriptedEnv({
      observationSpace: new Box(-1, 1, [1]),
      actionSpace: { type: 'Discrete' } as never,
      episodes: [{ observation: new Float32Array(1), steps: [] }],
    });
    expect(() => new ClipAction(discrete as never)).toThrow(/needs a Box action space/);
  });
});
