import { describe, expect, it } from 'vitest';
import { InvalidArgumentError } from '../../core/errors.js';
import { isSynchronousVectorEnv } from '../../core/vector-env.js';
import { makeSync } from '../../registry/make.js';
import { Registry } from '../../registry/registry.js';
import { BatchedVectorEnv } from '../../vector/batched-vector-env.js';
import { CartPoleVectorEnv } from './cart-pole-vector-env.js';
import { CartPoleEnv } from './cart-pole.js';
import { classicControlRegistrations } from './classic-control-registrations.js';
import { PendulumEnv } from './pendulum.js';

/** `value` narrowed to `type`, failing the test otherwise. */
function instance<T>(value: unknown, type: abstract new (...args: never[]) => T): T {
  if (!(value instanceof type)) throw new Error(`expected an instance of ${type.name}`);
  return value;
}

function registry(): Registry {
  const result = new Registry();
  for (const registration of classicControlRegistrations) result.register(registration);
  return result;
}

// From gymnasium/envs/__init__.py (Gymnasium 1.3/1.4).
const GYMNASIUM = {
  'CartPole-v0': { maxEpisodeSteps: 200, rewardThreshold: 195.0 },
  'CartPole-v1': { maxEpisodeSteps: 500, rewardThreshold: 475.0 },
  'MountainCar-v0': { maxEpisodeSteps: 200, rewardThreshold: -110.0 },
  'MountainCarContinuous-v0': { maxEpisodeSteps: 999, rewardThreshold: 90.0 },
  'Pendulum-v1': { maxEpisodeSteps: 200, rewardThreshold: undefined },
  'Acrobot-v1': { maxEpisodeSteps: 500, rewardThreshold: -100.0 },
};

describe('classicControlRegistrations', () => {
  it("registers Gymnasium's ids, step limits and reward thresholds", () => {
    const specs = registry();
    expect(specs.ids()).toEqual(Object.keys(GYMNASIUM).sort());
    for (const [id, expected] of Object.entries(GYMNASIUM)) {
      const spec = specs.spec(id);
      expect({ maxEpisodeSteps: spec.maxEpisodeSteps, rewardThreshold: spec.rewardThreshold }, id).toEqual(
        expected,
      );
      expect(spec.description, id).toMatch(/\w/);
      expect(spec.vectorEntryPoint, id).toBeDefined();
    }
  });

  it('validates options with Gymnasium defaults and rejects unknown ones', () => {
    const specs = registry();
    const schema = (id: string) => specs.spec(id).optionsSchema!;
    expect(schema('CartPole-v1').parse({})).toEqual({ suttonBartoReward: false });
    expect(schema('MountainCar-v0').parse({})).toEqual({ goalVelocity: 0 });
    expect(schema('MountainCarContinuous-v0').parse({})).toEqual({ goalVelocity: 0 });
    expect(schema('Pendulum-v1').parse({})).toEqual({ g: 10 });
    expect(schema('Acrobot-v1').parse({})).toEqual({});
    expect(schema('CartPole-v1').safeParse({ suttonBarto: true }).success).toBe(false);
    for (const id of specs.ids()) {
      for (const field of Object.values(schema(id).shape)) {
        expect((field as { description?: string }).description, id).toMatch(/\w/);
      }
    }
  });

  it('builds the environments through make(), options included', () => {
    const specs = registry();
    const env = makeSync<Float32Array, number>('CartPole-v1', { registry: specs, sutton_barto_reward: true });
    expect(env.unwrapped).toBeInstanceOf(CartPoleEnv);
    expect(instance(env.unwrapped, CartPoleEnv).suttonBartoReward).toBe(true);
    const pendulum = makeSync('Pendulum-v1', { registry: specs, g: 9.81, renderMode: 'rgb_array' });
    expect(instance(pendulum.unwrapped, PendulumEnv).g).toBe(9.81);
    expect(pendulum.renderMode).toBe('rgb_array');
    expect(() => makeSync('Acrobot-v1', { registry: specs, gravity: 3 })).toThrow(InvalidArgumentError);
  });

  it('truncates through make() at the registered limit', () => {
    const env = makeSync<Float32Array, Float32Array>('Pendulum-v1', { registry: registry() });
    env.resetSync({ seed: 0 });
    let steps = 0;
    for (;;) {
      steps++;
      const { truncated } = env.stepSync(Float32Array.of(0));
      if (truncated) break;
    }
    expect(steps).toBe(200);
  });

  it('vector entry points build natively batched environments with the step limit', () => {
    const specs = registry();
    for (const id of specs.ids()) {
      const spec = specs.spec(id);
      const envs = spec.vectorEntryPoint!(3, spec.optionsSchema!.parse({}), { autoresetMode: 'same-step' });
      expect(envs, id).toBeInstanceOf(BatchedVectorEnv);
      expect(isSynchronousVectorEnv(envs)).toBe(true);
      expect(envs.numEnvs).toBe(3);
      expect(envs.autoresetMode).toBe('same-step');
      expect((envs as unknown as { maxEpisodeSteps: unknown }).maxEpisodeSteps, id).toBe(
        spec.maxEpisodeSteps,
      );
    }
    const spec = specs.spec('CartPole-v1');
    const custom = spec.vectorEntryPoint!(
      2,
      { suttonBartoReward: true, renderMode: 'ansi' },
      { maxEpisodeSteps: 7 },
    );
    expect(custom).toBeInstanceOf(CartPoleVectorEnv);
    expect(instance(custom, CartPoleVectorEnv).maxEpisodeSteps).toBe(7);
    expect(instance(custom, CartPoleVectorEnv).suttonBartoReward).toBe(true);
    expect(custom.renderMode).toBe('ansi');
  });
});
