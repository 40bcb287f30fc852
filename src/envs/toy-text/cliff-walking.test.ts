import { describe, expect, it } from 'vitest';
import type { RgbFrame } from '../../core/env.js';
import { InvalidActionError } from '../../core/errors.js';
import { CliffWalkingEnv } from './cliff-walking.js';

describe('CliffWalkingEnv', () => {
  it('walks, falls off the cliff back to the start, and reaches the goal', () => {
    const env = new CliffWalkingEnv();
    expect(env.resetSync({ seed: 0 })).toEqual({ observation: 36, info: { prob: 1 } });
    expect(env.stepSync(1)).toEqual({
      observation: 36,
      reward: -100,
      terminated: false,
      truncated: false,
      info: { prob: 1 },
    });
    env.stepSync(0);
    for (let i = 0; i < 11; i++) env.stepSync(1);
    expect(env.state).toBe(35);
    expect(env.stepSync(2)).toEqual({
      observation: 47,
      reward: -1,
      terminated: true,
      truncated: false,
      info: { prob: 1 },
    });
  });

  it('slips to each of three directions with probability 1/3 when slippery', () => {
    const env = new CliffWalkingEnv({ isSlippery: true });
    expect(env.transitions[24]![1]!.map((t) => [t.probability, t.nextState])).toEqual([
      [1 / 3, 12],
      [1 / 3, 25],
      [1 / 3, 36],
    ]);
    expect(() => env.stepSync(Number.NaN)).toThrow();
    env.resetSync({ seed: 1 });
    expect(() => env.stepSync(4)).toThrow(InvalidActionError);
  });

  it('renders Gymnasium ansi text and an rgb_array image', () => {
    const env = new CliffWalkingEnv({ renderMode: 'ansi' });
    env.resetSync({ seed: 0 });
    const plain = 'o  o  o  o  o  o  o  o  o  o  o  o\n';
    expect(env.render()).toBe(`${plain}${plain}${plain}x  C  C  C  C  C  C  C  C  C  C  T\n\n`);
    const image = new CliffWalkingEnv({ renderMode: 'rgb_array' });
    image.resetSync({ seed: 0 });
    const frame = image.render() as RgbFrame;
    expect([frame.width, frame.height, frame.data.length]).toEqual([720, 240, 720 * 240 * 3]);
  });
});
