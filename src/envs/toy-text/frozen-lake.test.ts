import { describe, expect, it } from 'vitest';
import type { RgbFrame } from '../../core/env.js';
import { InvalidActionError, InvalidArgumentError, ResetNeededError } from '../../core/errors.js';
import { isFrozenLakeMapSolvable } from './frozen-lake-maps.js';
import { FrozenLakeEnv } from './frozen-lake.js';

const THIRD = 1 / 3;
const FAIL = (1 - 1 / 3) / 2;

describe('FrozenLakeEnv', () => {
  it('builds Gymnasium transition probabilities bit for bit', () => {
    const env = new FrozenLakeEnv();
    expect(FAIL).toBe(0.33333333333333337);
    expect(env.transitions[0]![2]!.map((t) => t.probability)).toEqual([FAIL, THIRD, FAIL]);
    // Moving right slips down, goes right, or slips up (Gymnasium's order: action - 1, action, action + 1).
    expect(env.transitions[0]![2]!.map((t) => t.nextState)).toEqual([4, 1, 0]);
    const strict = new FrozenLakeEnv({ successRate: 0.8 });
    expect(strict.transitions[0]![1]!.map((t) => t.probability)).toEqual([
      0.09999999999999998, 0.8, 0.09999999999999998,
    ]);
  });

  it('is deterministic when not slippery, and holes and the goal are absorbing with reward 0', () => {
    const env = new FrozenLakeEnv({ isSlippery: false });
    expect(env.transitions[0]![2]).toEqual([{ probability: 1, nextState: 1, reward: 0, terminated: false }]);
    expect(env.transitions[14]![2]).toEqual([{ probability: 1, nextState: 15, reward: 1, terminated: true }]);
    expect(env.transitions[15]![0]).toEqual([{ probability: 1, nextState: 15, reward: 0, terminated: true }]);
    expect(env.transitions[5]![3]).toEqual([{ probability: 1, nextState: 5, reward: 0, terminated: true }]);
    env.resetSync({ seed: 3 });
    expect(env.stepSync(1)).toEqual({
      observation: 4,
      reward: 0,
      terminated: false,
      truncated: false,
      info: { prob: 1 },
    });
  });

  it('applies the reward schedule [goal, hole, frozen]', () => {
    const env = new FrozenLakeEnv({ isSlippery: false, rewardSchedule: [5, -2, -0.5] });
    expect(env.transitions[14]![2]![0]!.reward).toBe(5);
    expect(env.transitions[1]![1]![0]!.reward).toBe(-2);
    expect(env.transitions[0]![2]![0]!.reward).toBe(-0.5);
    expect(env.transitions[1]![0]![0]!.reward).toBe(-0.5); // back onto the start counts as frozen
  });

  it('starts uniformly on the start tiles of a custom map', () => {
    const env = new FrozenLakeEnv({ desc: ['SFFH', 'FHSF', 'FFFG'] });
    expect(env.rowCount).toBe(3);
    expect(env.columnCount).toBe(4);
    expect(env.observationSpace.n).toBe(12);
    expect(Array.from(env.initialStateDistribution)).toEqual([0.5, 0, 0, 0, 0, 0, 0.5, 0, 0, 0, 0, 0]);
    const starts = new Set<number>();
    for (let seed = 0; seed < 20; seed++) starts.add(env.resetSync({ seed }).observation);
    expect(starts).toEqual(new Set([0, 6]));
  });

  it('uses the 8x8 map, or a random solvable 8x8 map for mapName null', () => {
    expect(new FrozenLakeEnv({ mapName: '8x8' }).observationSpace.n).toBe(64);
    const random = new FrozenLakeEnv({ mapName: null });
    expect(random.map).toHaveLength(8);
    expect(isFrozenLakeMapSolvable(random.map)).toBe(true);
  });

  it('rejects invalid options with explanations', () => {
    expect(() => new FrozenLakeEnv({ desc: ['SF', 'FFG'] })).toThrow(/same length/);
    expect(() => new FrozenLakeEnv({ desc: ['FFG'] })).toThrow(/no start/);
    expect(() => new FrozenLakeEnv({ successRate: 1.5 })).toThrow(InvalidArgumentError);
    expect(() => new FrozenLakeEnv({ mapName: '5x5' as '4x4' })).toThrow(/unknown mapName/);
    expect(() => new FrozenLakeEnv({ rewardSchedule: [1, Number.NaN, 0] })).toThrow(/rewardSchedule/);
  });

  it('rejects invalid actions and steps before reset', () => {
    const env = new FrozenLakeEnv();
    expect(() => env.stepSync(0)).toThrow(ResetNeededError);
    env.resetSync({ seed: 0 });
    for (const action of [4, -1, 1.5, Number.NaN, '1' as unknown as number]) {
      expect(() => env.stepSync(action)).toThrow(InvalidActionError);
    }
  });

  it('can be put in a given state, which must be in the observation space', () => {
    const env = new FrozenLakeEnv({ isSlippery: false });
    env.resetSync({ seed: 0 });
    env.state = 14;
    expect(env.stepSync(2)).toMatchObject({ observation: 15, reward: 1, terminated: true });
    expect(() => (env.state = 16)).toThrow(InvalidArgumentError);
  });

  it('renders Gymnasium ansi text', () => {
    const env = new FrozenLakeEnv({ renderMode: 'ansi', isSlippery: false });
    env.resetSync({ seed: 0 });
    expect(env.render()).toBe('\n\x1b[41mS\x1b[0mFFF\nFHFH\nFFFH\nHFFG\n');
    env.stepSync(2);
    expect(env.render()).toBe('  (Right)\nS\x1b[41mF\x1b[0mFF\nFHFH\nFFFH\nHFFG\n');
    expect(new FrozenLakeEnv().render()).toBeUndefined();
  });

  it('renders an rgb_array tile image of Gymnasium size', () => {
    const env = new FrozenLakeEnv({ renderMode: 'rgb_array', mapName: '8x8' });
    env.resetSync({ seed: 0 });
    const frame = env.render() as RgbFrame;
    expect([frame.width, frame.height, frame.data.length]).toEqual([512, 512, 512 * 512 * 3]);
    const center = (32 * 512 + 32) * 3;
    expect(Array.from(frame.data.subarray(center, center + 3))).toEqual([220, 40, 40]);
    const wide = new FrozenLakeEnv({ renderMode: 'rgb_array', desc: ['SFFFFFFFFF'] });
    wide.resetSync({ seed: 0 });
    expect((wide.render() as RgbFrame).width).toBe(512);
    expect((wide.render() as RgbFrame).height).toBe(64);
  });
});
