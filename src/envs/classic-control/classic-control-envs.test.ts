import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { InvalidActionError, InvalidArgumentError, ResetNeededError } from '../../core/errors.js';
import type { RgbFrame, SyncEnv } from '../../core/env.js';
import { createRng } from '../../core/random/rng.js';
import { AcrobotEnv } from './acrobot.js';
import { CartPoleVectorEnv } from './cart-pole-vector-env.js';
import { CartPoleEnv } from './cart-pole.js';
import { ContinuousMountainCarEnv } from './continuous-mountain-car.js';
import { MountainCarEnv } from './mountain-car.js';
import { PendulumVectorEnv } from './pendulum-vector-env.js';
import { PendulumEnv } from './pendulum.js';

type AnyEnv = SyncEnv<Float32Array, number | Float32Array>;
type Maker = (options?: { renderMode?: 'ansi' | 'rgb_array' }) => AnyEnv;

interface Case {
  make: Maker;
  observationSpace: string;
  actionSpace: string;
  fps: number;
  size: [number, number];
  ansi: RegExp;
  badAction: number | Float32Array;
}

const CASES: Record<string, Case> = {
  CartPole: {
    make: (o) => new CartPoleEnv(o),
    observationSpace:
      'Box([-4.8               -inf -0.41887903        -inf], [4.8               inf 0.41887903        inf], (4,), float32)',
    actionSpace: 'Discrete(2)',
    fps: 50,
    size: [600, 400],
    ansi: /^CartPole x=[+-]\d\.\d{4} xDot=.* theta=.* thetaDot=.*\n$/,
    badAction: 2,
  },
  MountainCar: {
    make: (o) => new MountainCarEnv(o),
    observationSpace: 'Box([-1.2  -0.07], [0.6  0.07], (2,), float32)',
    actionSpace: 'Discrete(3)',
    fps: 30,
    size: [600, 400],
    ansi: /^MountainCar position=.* velocity=.*\n$/,
    badAction: -1,
  },
  MountainCarContinuous: {
    make: (o) => new ContinuousMountainCarEnv(o),
    observationSpace: 'Box([-1.2  -0.07], [0.6  0.07], (2,), float32)',
    actionSpace: 'Box(-1.0, 1.0, (1,), float32)',
    fps: 30,
    size: [600, 400],
    ansi: /^MountainCarContinuous position=.*\n$/,
    badAction: Float32Array.of(0, 0),
  },
  Pendulum: {
    make: (o) => new PendulumEnv(o),
    observationSpace: 'Box([-1. -1. -8.], [1. 1. 8.], (3,), float32)',
    actionSpace: 'Box(-2.0, 2.0, (1,), float32)',
    fps: 30,
    size: [500, 500],
    ansi: /^Pendulum theta=.* torque=(none|[+-]\d)/,
    badAction: new Float32Array(0),
  },
  Acrobot: {
    make: (o) => new AcrobotEnv(o),
    observationSpace:
      'Box([ -1.        -1.        -1.        -1.       -12.566371 -28.274334], [ 1.        1.        1.        1.       12.566371 28.274334], (6,), float32)',
    actionSpace: 'Discrete(3)',
    fps: 15,
    size: [500, 500],
    ansi: /^Acrobot theta1=.* dtheta2=.*\n$/,
    badAction: 1.5,
  },
};

function pixel(frame: RgbFrame, x: number, y: number): number[] {
  const i = (y * frame.width + x) * 3;
  return Array.from(frame.data.subarray(i, i + 3));
}

for (const [name, c] of Object.entries(CASES)) {
  describe(name, () => {
    it("has Gymnasium's spaces and frame rate", () => {
      const env = c.make();
      expect(env.observationSpace.toString()).toBe(c.observationSpace);
      expect(env.actionSpace.toString()).toBe(c.actionSpace);
      expect(env.metadata.renderFps).toBe(c.fps);
      expect(env.metadata.renderModes).toEqual(['ansi', 'rgb_array']);
    });

    it('refuses to step before reset, bad actions and unknown render modes', () => {
      const env = c.make();
      expect(() => env.stepSync(env.actionSpace.sample(createRng(0)) as never)).toThrow(ResetNeededError);
      env.resetSync({ seed: 0 });
      expect(() => env.stepSync(c.badAction as never)).toThrow(InvalidActionError);
      expect(() => c.make({ renderMode: 'human' as never })).toThrow(InvalidArgumentError);
    });

    it('keeps observations in its observation space over random runs', () => {
      fc.assert(
        fc.property(fc.integer({ min: 0, max: 10_000 }), (seed) => {
          const env = c.make();
          const rng = createRng(seed);
          let { observation } = env.resetSync({ seed });
          expect(env.observationSpace.contains(observation)).toBe(true);
          for (let t = 0; t < 60; t++) {
            const result = env.stepSync(env.actionSpace.sample(rng));
            observation = result.observation;
            expect(env.observationSpace.contains(observation)).toBe(true);
            expect(Number.isFinite(result.reward)).toBe(true);
            if (result.terminated) break;
          }
        }),
        { numRuns: 20 },
      );
    });

    it('renders a text line and a frame of the right size', () => {
      const text = c.make({ renderMode: 'ansi' });
      text.resetSync({ seed: 1 });
      expect(text.render()).toMatch(c.ansi);
      const image = c.make({ renderMode: 'rgb_array' });
      expect(() => image.render()).toThrow(ResetNeededError);
      image.resetSync({ seed: 1 });
      const frame = image.render() as RgbFrame;
      expect([frame.width, frame.height]).toEqual(c.size);
      expect(frame.data.length).toBe(c.size[0] * c.size[1] * 3);
      expect(pixel(frame, 0, 0)).toEqual([255, 255, 255]);
      expect(new Set(frame.data).size).toBeGreaterThan(2);
      expect(c.make().render()).toBeUndefined();
    });

    it('reseeds with an integer seed and continues without one', () => {
      const a = c.make();
      const first = a.resetSync({ seed: 5 }).observation;
      const second = a.resetSync().observation;
      const b = c.make();
      expect(b.resetSync({ seed: 5 }).observation).toEqual(first);
      expect(b.resetSync().observation).toEqual(second);
      expect(second).not.toEqual(first);
    });
  });
}

describe('reset options', () => {
  it('draws the initial state within options.low/high', () => {
    const env = new CartPoleEnv();
    const { observation } = env.resetSync({ seed: 3, options: { low: 0.2, high: 0.3 } });
    for (const value of observation)
      expect(value >= Math.fround(0.2) && value <= Math.fround(0.3)).toBe(true);
    const car = new MountainCarEnv();
    expect(car.resetSync({ seed: 3, options: { low: -1, high: -1 } }).observation).toEqual(
      Float32Array.of(-1, 0),
    );
  });

  it('accepts numeric strings and rejects bad bounds, as Gymnasium', () => {
    const env = new AcrobotEnv();
    expect(() => env.resetSync({ options: { low: '-0.2', high: '0.2' } })).not.toThrow();
    expect(() => env.resetSync({ options: { low: 0.5, high: 0.1 } })).toThrow(/Lower bound/);
    expect(() => env.resetSync({ options: { low: 'wide' } })).toThrow(InvalidArgumentError);
  });

  it('Pendulum reads xInit/yInit (or x_init/y_init)', () => {
    const env = new PendulumEnv();
    env.resetSync({ seed: 0, options: { xInit: 0.1, y_init: 0.2 } });
    expect(Math.abs(env.state[0]!)).toBeLessThanOrEqual(0.1);
    expect(Math.abs(env.state[1]!)).toBeLessThanOrEqual(0.2);
  });
});

describe('CartPole specifics', () => {
  it('pays 1 per step, 0 after the fall, and -1/0 with suttonBartoReward', () => {
    for (const [suttonBartoReward, step, fall, after] of [
      [false, 1, 1, 0],
      [true, 0, -1, -1],
    ] as const) {
      const env = new CartPoleEnv({ suttonBartoReward });
      env.resetSync({ seed: 0 });
      const rewards: number[] = [];
      let terminated = false;
      while (!terminated) {
        const result = env.stepSync(1);
        rewards.push(result.reward);
        terminated = result.terminated;
      }
      expect(rewards.slice(0, -1).every((r) => r === step)).toBe(true);
      expect(rewards.at(-1)).toBe(fall);
      expect(env.stepSync(1).reward).toBe(after);
    }
  });

  it('draws the cart and the pole where Gymnasium does', () => {
    const env = new CartPoleEnv({ renderMode: 'rgb_array' });
    env.resetSync({ seed: 0, options: { low: 0, high: 0 } });
    const frame = env.render() as RgbFrame;
    expect(pixel(frame, 280, 300)).toEqual([0, 0, 0]); // the cart, 100 px above the bottom
    expect(pixel(frame, 300, 240)).toEqual([202, 152, 101]); // the upright pole
    expect(pixel(frame, 10, 299)).toEqual([0, 0, 0]); // the track line
    expect(pixel(frame, 10, 200)).toEqual([255, 255, 255]);
  });
});

describe('batched rendering', () => {
  it('renders every sub-environment', () => {
    const envs = new CartPoleVectorEnv(2, { renderMode: 'rgb_array' });
    expect(() => envs.render()).toThrow(ResetNeededError);
    envs.resetSync({ seed: 0 });
    const frames = envs.render()!;
    expect(frames).toHaveLength(2);
    expect((frames[0] as RgbFrame).width).toBe(600);
    const text = new PendulumVectorEnv(2, { renderMode: 'ansi' });
    text.resetSync({ seed: 0 });
    expect(text.render()![1]).toMatch(/^Pendulum theta=.* torque=none/);
    text.stepSync(Float32Array.of(1, -3));
    expect(text.render()![1]).toMatch(/torque=-2\.0000/);
    expect(new CartPoleVectorEnv(1).render()).toBeUndefined();
  });

  it('rejects render modes the environment lacks and bad vector options', () => {
    expect(() => new CartPoleVectorEnv(2, { renderMode: 'human' as never })).toThrow(InvalidArgumentError);
    expect(() => new CartPoleVectorEnv(0)).toThrow(InvalidArgumentError);
    expect(() => new CartPoleVectorEnv(2, { maxEpisodeSteps: 0 })).toThrow(InvalidArgumentError);
    expect(() => new CartPoleVectorEnv(2, { autoresetMode: 'never' as never })).toThrow(InvalidArgumentError);
  });

  it('checks discrete actions, ignoring those of sub-environments being reset', () => {
    const envs = new CartPoleVectorEnv(2, { maxEpisodeSteps: 1 });
    envs.resetSync({ seed: 0 });
    expect(() => envs.stepSync(Int32Array.of(0, 2))).toThrow(InvalidActionError);
    expect(() => envs.stepSync([0, 0.5] as unknown as Int32Array)).toThrow(InvalidActionError);
    envs.stepSync(Int32Array.of(0, 1)); // both truncate (limit 1)
    expect(() => envs.stepSync(Int32Array.of(7, -3))).not.toThrow(); // both reset this step
  });

  it('returns its own buffers with copy: false', () => {
    const envs = new CartPoleVectorEnv(2, { copy: false });
    const first = envs.resetSync({ seed: 0 }).observations;
    const step = envs.stepSync(Int32Array.of(0, 1));
    expect(step.observations).toBe(first);
    expect(envs.stepSync(Int32Array.of(0, 1)).rewards).toBe(step.rewards);
    expect(envs.observationSpace.shape).toEqual([2, 4]);
  });
});
