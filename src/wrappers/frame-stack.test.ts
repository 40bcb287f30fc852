import { describe, expect, it } from 'vitest';
import { Box } from '../spaces/box.js';
import { Discrete } from '../spaces/discrete.js';
import { MultiBinary } from '../spaces/multi-binary.js';
import { MultiDiscrete } from '../spaces/multi-discrete.js';
import { Text } from '../spaces/text.js';
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
import { FrameStack } from './frame-stack.js';

interface Case {
  padding: 'reset' | 'zero' | 'custom';
  stackSize: number;
  shape: number[];
  low: string[];
  high: string[];
  raw: RecordedEvent[];
  wrapped: RecordedEvent[];
}

const fixture = readFixture('frame-stack.json') as Fixture<Case[]>;
const CART_POLE_HIGH = [4.8, Infinity, 0.41887903213500977, Infinity];

function counter(space = new Box(-10, 10, [2])) {
  const frame = (x: number) => Float32Array.of(x, -x);
  return new ScriptedEnv({
    observationSpace: space,
    actionSpace: new Discrete(2),
    episodes: [
      { observation: frame(1), steps: [{ observation: frame(2) }, { observation: frame(3) }] },
      { observation: frame(7), steps: [{ observation: frame(8) }] },
    ],
  });
}

describe('FrameStack', () => {
  it.each(fixture.cases.map((c) => [c.padding, c] as const))(
    'stacks as FrameStackObservation with padding %s',
    (_name, testCase) => {
      const inner = scriptedFromEvents<number>(testCase.raw, new Discrete(2));
      Object.defineProperty(inner, 'observationSpace', {
        value: new Box(
          CART_POLE_HIGH.map((x) => -x),
          CART_POLE_HIGH,
          [4],
        ),
      });
      const paddingType = testCase.padding === 'custom' ? Float32Array.of(1, -1, 0, 2) : testCase.padding;
      const env = new FrameStack(inner, testCase.stackSize, { paddingType });
      const space = boxOf(env.observationSpace);
      expect(space.shape).toEqual(testCase.shape);
      expect(bits(space.low)).toEqual(bits(testCase.low.map(parseBound)));
      expect(bits(space.high)).toEqual(bits(testCase.high.map(parseBound)));
      let first = true;
      for (const event of testCase.wrapped) {
        const observation =
          event.kind === 'reset'
            ? env.resetSync(first ? { seed: 1 } : {}).observation
            : env.stepSync(0).observation;
        first = false;
        expect(observation).toBeInstanceOf(Float32Array);
        expect(bits(observation)).toEqual(bits(event.observation!));
        expect(space.contains(observation)).toBe(true);
      }
    },
  );

  it('keeps the last frames across steps and refills them on reset', () => {
    const env = new FrameStack(counter(), 3);
    expect(Array.from(env.resetSync().observation)).toEqual([1, -1, 1, -1, 1, -1]);
    expect(Array.from(env.stepSync(0).observation)).toEqual([1, -1, 1, -1, 2, -2]);
    expect(Array.from(env.stepSync(0).observation)).toEqual([1, -1, 2, -2, 3, -3]);
    expect(Array.from(env.resetSync().observation)).toEqual([7, -7, 7, -7, 7, -7]);
    expect(Array.from(env.stepSync(0).observation)).toEqual([7, -7, 7, -7, 8, -8]);
  });

  it('pads with the element closest to zero and keeps the dtype', () => {
    const env = new FrameStack(counter(new Box([2, -10], [10, -3])), 2, { paddingType: 'zero' });
    const { observation } = env.resetSync();
    expect(Array.from(observation)).toEqual([2, -3, 1, -1]);
    const space = boxOf(env.observationSpace);
    expect(space.equals(new Box([2, -10, 2, -10], [10, -3, 10, -3], [2, 2]))).toBe(true);
    const integer = new ScriptedEnv({
      observationSpace: new Box(0, 255, [3], 'uint8'),
      actionSpace: new Discrete(2),
      episodes: [{ observation: Uint8Array.of(1, 2, 3), steps: [] }],
    });
    const stacked = new FrameStack(integer, 2, { paddingType: 'zero' }).resetSync().observation;
    expect(stacked).toBeInstanceOf(Uint8Array);
    expect(Array.from(stacked)).toEqual([0, 0, 0, 1, 2, 3]);
  });

  it('does not keep references to the inner observations', () => {
    const inner = counter();
    const env = new FrameStack(inner, 2);
    const first = env.resetSync().observation;
    first[0] = 99;
    expect(Array.from(env.stepSync(0).observation)).toEqual([1, -1, 2, -2]);
  });

  it('validates its arguments', () => {
    expect(() => new FrameStack(counter(), 0)).toThrow(/positive integer/);
    expect(() => new FrameStack(counter(), 2, { paddingType: 'zeros' as 'zero' })).toThrow(
      /'reset', 'zero' or an element/,
    );
    expect(() => new FrameStack(counter(), 2, { paddingType: Float32Array.of(11, 0) })).toThrow(
      /an element of Box/,
    );
    const text = new ScriptedEnv({
      observationSpace: new Text(3),
      actionSpace: new Discrete(2),
      episodes: [{ observation: 'a', steps: [] }],
    });
    expect(() => new FrameStack(text, 2)).toThrow(
      /stacks Box, Discrete, MultiDiscrete and MultiBinary observations, got Text/,
    );
  });

  it('stacks Discrete observations into a MultiDiscrete, as batch_space does', () => {
    const inner = new ScriptedEnv({
      observationSpace: new Discrete(4, 1),
      actionSpace: new Discrete(2),
      episodes: [{ observation: 2, steps: [{ observation: 4 }] }],
    });
    const env = new FrameStack(inner, 3, { paddingType: 'zero' });
    expect(env.observationSpace.equals(new MultiDiscrete([4, 4, 4], [1, 1, 1]))).toBe(true);
    const reset = env.resetSync().observation;
    expect(reset).toBeInstanceOf(Int32Array);
    expect(Array.from(reset)).toEqual([1, 1, 2]);
    expect(env.observationSpace.contains(reset)).toBe(true);
    expect(Array.from(env.stepSync(0).observation)).toEqual([1, 2, 4]);
  });

  it('stacks MultiDiscrete and MultiBinary observations into a Box, as batch_space does', () => {
    const multi = new ScriptedEnv({
      observationSpace: new MultiDiscrete([3, 5], [0, -2]),
      actionSpace: new Discrete(2),
      episodes: [{ observation: Int32Array.of(2, 1), steps: [] }],
    });
    const env = new FrameStack(multi, 2, { paddingType: 'zero' });
    expect(env.observationSpace.equals(new Box([0, -2, 0, -2], [2, 2, 2, 2], [2, 2], 'int32'))).toBe(true);
    expect(Array.from(env.resetSync().observation)).toEqual([0, -2, 2, 1]);
    const binary = new ScriptedEnv({
      observationSpace: new MultiBinary([2]),
      actionSpace: new Discrete(2),
      episodes: [{ observation: Int8Array.of(1, 0), steps: [] }],
    });
    const stacked = new FrameStack(binary, 2);
    expect(stacked.observationSpace.equals(new Box(0, 1, [2, 2], 'int8'))).toBe(true);
    const observation = stacked.resetSync().observation;
    expect(observation).toBeInstanceOf(Int8Array);
    expect(Array.from(observation)).toEqual([1, 0, 1, 0]);
    expect(stacked.observationSpace.contains(observation)).toBe(true);
  });

  it('works over an asynchronous environment', async () => {
    const env = new FrameStack(toAsyncEnv(counter()), 2);
    await env.reset();
    expect(Array.from((await env.step(0)).observation)).toEqual([1, -1, 2, -2]);
  });
});
