import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Box } from '../spaces/box.js';
import { ScriptedEnv } from '../testing/scripted-env.js';
import { toAsyncEnv } from '../testing/to-async-env.js';
import {
  bits,
  boxOf,
  parseBound,
  readFixture,
  scriptedFromEvents,
  type Fixture,
  type RecordedEvent,
} from './__fixtures__/replay.js';
import { rescaleGradient } from './long-double.js';
import { RescaleAction } from './rescale-action.js';

interface EnvCase {
  envId: string;
  minAction: number;
  maxAction: number;
  innerLow: number[];
  innerHigh: number[];
  raw: RecordedEvent[];
  wrapped: RecordedEvent[];
}

interface BoxCase {
  dtype: 'float32' | 'float64';
  low: string[];
  high: string[];
  newMin: string[];
  newMax: string[];
  newLow: string[];
  newHigh: string[];
  actions: number[][];
  outputs: number[][];
  float64Actions: number[][];
  float64Outputs: number[][];
  float64OutputDtype: string;
}

const fixture = readFixture('rescale-action.json') as Fixture<{ envs: EnvCase[]; boxes: BoxCase[] }>;

function actionEnv(box: Box<'float32' | 'float64'>, steps: number) {
  const observation = new Float32Array(1);
  return new ScriptedEnv({
    observationSpace: new Box(-1, 1, [1]),
    actionSpace: box,
    episodes: [{ observation, steps: Array.from({ length: steps }, () => ({ observation })) }],
  });
}

describe('RescaleAction', () => {
  it.each(fixture.cases.envs.map((c) => [`${c.envId} to [${c.minAction}, ${c.maxAction}]`, c] as const))(
    'passes on the actions Gymnasium passes on: %s',
    (_name, testCase) => {
      const inner = scriptedFromEvents<Float32Array>(
        testCase.raw,
        new Box<'float32'>(testCase.innerLow, testCase.innerHigh),
      );
      const env = new RescaleAction(inner, testCase.minAction, testCase.maxAction);
      env.resetSync({ seed: 5 });
      const sent = testCase.wrapped
        .filter((e) => e.kind === 'step')
        .map((e) => Float32Array.from(e.action as number[]));
      for (const action of sent) env.stepSync(action);
      const expected = testCase.raw.filter((e) => e.kind === 'step').map((e) => bits(e.action as number[]));
      expect(inner.actions.map((a) => bits(a))).toEqual(expected);
      expect(inner.actions.every((a) => a instanceof Float32Array)).toBe(true);
    },
  );

  it.each(fixture.cases.boxes.map((c, i) => [i, c] as const))(
    'matches rescale_box on random box %i',
    (_index, testCase) => {
      const box = new Box(
        testCase.low.map(parseBound),
        testCase.high.map(parseBound),
        undefined,
        testCase.dtype,
      );
      const inner = actionEnv(box, testCase.actions.length + testCase.float64Actions.length);
      const env = new RescaleAction(inner, testCase.newMin.map(parseBound), testCase.newMax.map(parseBound));
      const space = boxOf(env.actionSpace);
      expect(bits(space.low)).toEqual(bits(testCase.newLow.map(parseBound)));
      expect(bits(space.high)).toEqual(bits(testCase.newHigh.map(parseBound)));
      env.resetSync();
      const ArrayType = testCase.dtype === 'float32' ? Float32Array : Float64Array;
      for (const action of testCase.actions) env.stepSync(ArrayType.from(action));
      for (const action of testCase.float64Actions) env.stepSync(Float64Array.from(action));
      const received = inner.actions;
      expect(received.slice(0, testCase.actions.length).map((a) => bits(a))).toEqual(
        testCase.outputs.map((o) => bits(o)),
      );
      expect(received.slice(0, testCase.actions.length).every((a) => a instanceof ArrayType)).toBe(true);
      const float64Received = received.slice(testCase.actions.length);
      expect(float64Received.map((a) => bits(a))).toEqual(testCase.float64Outputs.map((o) => bits(o)));
      expect(float64Received.every((a) => a instanceof Float64Array)).toBe(
        testCase.float64OutputDtype === 'float64',
      );
    },
  );

  it('maps the new bounds onto the inner bounds and keeps the order of actions', () => {
    const finite = fc.double({ min: -1e3, max: 1e3, noNaN: true, noDefaultInfinity: true });
    fc.assert(
      fc.property(
        finite,
        finite,
        finite,
        finite,
        fc.double({ min: 0, max: 1, noNaN: true }),
        (a, b, c, d, t) => {
          const [low, high] = [Math.fround(Math.min(a, b)), Math.fround(Math.max(a, b))];
          const [min, max] = [Math.min(c, d), Math.max(c, d)];
          fc.pre(high - low > 1e-2 && max - min > 1e-2);
          const inner = actionEnv(new Box(low, high, [1], 'float64'), 3);
          const env = new RescaleAction(inner, min, max);
          env.resetSync();
          // min + 1·(max − min) can round past max; an action between the bounds stays between them.
          const mid = Math.min(max, min + t * (max - min));
          for (const action of [min, mid, max]) env.stepSync(Float64Array.of(action));
          const [atMin, atMid, atMax] = inner.actions.map((x) => x[0]!) as [number, number, number];
          const tolerance =
            1e-9 * Math.max(1, Math.abs(low), Math.abs(high)) * Math.max(1, (high - low) / (max - min));
          expect(Math.abs(atMin - low)).toBeLessThanOrEqual(tolerance);
          expect(Math.abs(atMax - high)).toBeLessThanOrEqual(tolerance);
          expect(atMin <= atMid && atMid <= atMax).toBe(true);
        },
      ),
    );
  });

  it('rejects non-Box spaces, integer boxes and infinite bounds over finite ones', () => {
    const inner = actionEnv(new Box(-2, 2, [2]), 0);
    expect(() => new RescaleAction(inner, -Infinity, 1)).toThrow(/same infinity/);
    expect(() => new RescaleAction(inner, 1, -1)).toThrow(/exceeds/);
    expect(() => new RescaleAction(inner, [0, 0, 0], 1)).toThrow(/3 values/);
    const integer = new ScriptedEnv({
      observationSpace: new Box(-1, 1, [1]),
      actionSpace: new Box(0, 10, [1], 'int32'),
      episodes: [{ observation: new Float32Array(1), steps: [] }],
    });
    expect(() => new RescaleAction(integer as never, 0, 1)).toThrow(/float32 or float64/);
  });

  it('works over an asynchronous environment', async () => {
    const inner = actionEnv(new Box(-2, 2, [1]), 1);
    const env = new RescaleAction(toAsyncEnv(inner), -1, 1);
    await env.reset();
    await env.step(Float32Array.of(0.5));
    expect(Array.from(inner.actions[0]!)).toEqual([1]);
  });
});

describe('rescaleGradient', () => {
  // The random-box fixtures above hold cases where rounding through float64 would differ in the last bit.
  it('divides exactly representable quotients exactly', () => {
    expect(rescaleGradient(2, 2, -2, 'float32')).toBe(0.5);
    expect(rescaleGradient(1, 3, 0, 'float64')).toBe(1 / 3);
    expect(rescaleGradient(1, 2 ** 60, -1, 'float64')).toBe(2 ** -60);
  });
});
