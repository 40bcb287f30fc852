// CartPoleVectorEnv's own behaviour beyond the shared vector contract: action checks that leave the state alone,
// actions ignored while a sub-environment resets, and Sutton and Barto's rewards.
import { describe, expect, it } from 'vitest';
import { InvalidActionError } from '../../core/errors.js';
import { CartPoleVectorEnv } from './cart-pole-vector-env.js';
import { CartPoleEnv } from './cart-pole.js';

/** Steps with action 1 everywhere until some sub-environment terminates; returns its index. */
function stepUntilOneEnds(envs: CartPoleVectorEnv): number {
  const push = new Int32Array(envs.numEnvs).fill(1);
  for (let t = 0; t < 100; t++) {
    const { terminations } = envs.stepSync(push);
    const ended = terminations.indexOf(1);
    if (ended !== -1) return ended;
  }
  throw new Error('no episode ended');
}

describe('CartPoleVectorEnv', () => {
  it('refuses an invalid action before changing any state', () => {
    const envs = new CartPoleVectorEnv(4, { copy: false });
    envs.resetSync({ seed: 3 });
    envs.stepSync(Int32Array.of(0, 1, 0, 1));
    const before = envs.state.slice();
    for (const bad of [2, -1]) {
      expect(() => envs.stepSync(Int32Array.of(1, 1, 1, bad))).toThrow(InvalidActionError);
      expect(envs.state).toEqual(before);
    }
    expect(() => envs.stepSync([0, 0.5, 1, 1] as unknown as Int32Array)).toThrow(InvalidActionError);
    expect(envs.state).toEqual(before);
  });

  it('ignores the action of a sub-environment that resets this step (next-step autoreset)', () => {
    const envs = new CartPoleVectorEnv(3, { maxEpisodeSteps: 500 });
    envs.resetSync({ seed: 5 });
    const ended = stepUntilOneEnds(envs);
    const actions = Int32Array.of(0, 0, 0);
    actions[ended] = 7;
    const { rewards, terminations } = envs.stepSync(actions);
    expect(rewards[ended]).toBe(0);
    expect(terminations[ended]).toBe(0);
    // The reset drew the sub-environment's next episode from its own generator, as a single environment would.
    const single = new CartPoleEnv();
    single.resetSync({ seed: 5 + ended });
    single.resetSync();
    expect(Array.from(envs.state.subarray(4 * ended, 4 * ended + 4))).toEqual(Array.from(single.state));
  });

  it('gives Sutton and Barto rewards: 0 per step, -1 at the fall', () => {
    const envs = new CartPoleVectorEnv(2, { suttonBartoReward: true, copy: false });
    envs.resetSync({ seed: 1 });
    const push = Int32Array.of(1, 1);
    let sawFall = false;
    for (let t = 0; t < 100 && !sawFall; t++) {
      const { rewards, terminations } = envs.stepSync(push);
      for (let i = 0; i < 2; i++) {
        if (terminations[i] === 1) {
          expect(rewards[i]).toBe(-1);
          sawFall = true;
        } else {
          expect(Object.is(rewards[i], 0)).toBe(true);
        }
      }
    }
    expect(sawFall).toBe(true);
  });
});
