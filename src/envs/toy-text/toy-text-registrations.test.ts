import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { SyncEnv } from '../../core/env.js';
import { InvalidArgumentError } from '../../core/errors.js';
import { resolveEnvOptions } from '../../registry/env-options.js';
import { Registry } from '../../registry/registry.js';
import { createToyTextEnv, toPlain } from './reference-episodes.case.js';
import { toyTextRegistrations } from './toy-text-registrations.js';

const registry = new Registry();
for (const registration of toyTextRegistrations) registry.register(registration);

describe('toyTextRegistrations', () => {
  it("registers Gymnasium's toy-text ids with their limits, thresholds and default arguments", () => {
    const summary = toyTextRegistrations.map((r) => [
      r.id,
      r.maxEpisodeSteps,
      r.rewardThreshold,
      r.kwargs ?? {},
    ]);
    expect(summary).toEqual([
      ['FrozenLake-v1', 100, 0.7, { mapName: '4x4' }],
      ['FrozenLake8x8-v1', 200, 0.85, { mapName: '8x8' }],
      ['CliffWalking-v1', undefined, undefined, {}],
      ['CliffWalkingSlippery-v1', undefined, undefined, { isSlippery: true }],
      ['Taxi-v4', 200, 8, {}],
      ['Blackjack-v1', undefined, undefined, { sab: true, natural: false }],
    ]);
    for (const registration of toyTextRegistrations) {
      expect(registration.description).toBeTruthy();
      for (const [name, option] of Object.entries(registration.optionsSchema!.shape)) {
        expect((option as { description?: string }).description, `${registration.id} ${name}`).toBeTruthy();
      }
    }
  });

  it('resolves defaults, snake_case names and registered kwargs', () => {
    expect(resolveEnvOptions(registry.spec('FrozenLake8x8-v1'), { is_slippery: false })).toEqual({
      desc: null,
      mapName: '8x8',
      isSlippery: false,
      successRate: 1 / 3,
      rewardSchedule: [1, 0, 0],
    });
    expect(resolveEnvOptions(registry.spec('Taxi-v4'), { is_rainy: true, fickle_passenger: true })).toEqual({
      isRainy: true,
      ficklePassenger: true,
      rainyProbability: 0.8,
      fickleProbability: 0.3,
    });
    expect(resolveEnvOptions(registry.spec('Blackjack-v1'), {})).toEqual({ sab: true, natural: false });
  });

  it('rejects unknown and invalid options', () => {
    expect(() => resolveEnvOptions(registry.spec('FrozenLake-v1'), { isSlipery: true })).toThrow(
      /isSlippery/,
    );
    expect(() => resolveEnvOptions(registry.spec('FrozenLake-v1'), { desc: ['SF', 'G'] })).toThrow(
      InvalidArgumentError,
    );
    expect(() => resolveEnvOptions(registry.spec('FrozenLake-v1'), { successRate: 2 })).toThrow(
      InvalidArgumentError,
    );
    expect(() => resolveEnvOptions(registry.spec('CliffWalking-v1'), { isRainy: true })).toThrow(
      InvalidArgumentError,
    );
  });
});

describe('every toy-text environment', () => {
  it.each(toyTextRegistrations.map((r) => r.id))(
    '%s: observations stay in the space and seeds replay',
    (id) => {
      const run = (env: SyncEnv<unknown, number>, seed: number, actions: readonly number[]): unknown[] => {
        const trace: unknown[] = [toPlain(env.resetSync({ seed }))];
        for (const action of actions) {
          const step = env.stepSync(action % (env.actionSpace as unknown as { n: number }).n);
          expect(env.observationSpace.contains(step.observation)).toBe(true);
          expect(Number.isFinite(step.reward)).toBe(true);
          expect(step.truncated).toBe(false);
          trace.push(toPlain(step));
          if (step.terminated) break;
        }
        return trace;
      };
      fc.assert(
        fc.property(fc.nat(), fc.array(fc.nat({ max: 5 }), { maxLength: 40 }), (seed, actions) => {
          const { env } = createToyTextEnv(id, {});
          const first = run(env, seed, actions);
          expect(env.observationSpace.contains((first[0] as { observation: unknown }).observation)).toBe(
            true,
          );
          expect(run(createToyTextEnv(id, {}).env, seed, actions)).toEqual(first);
        }),
        { numRuns: 30 },
      );
    },
  );
});
