import { describe, expect, it } from 'vitest';
import { createRng } from '../../../core/random/rng.js';
import { ReplayBuffer } from './replay-buffer.js';

describe('ReplayBuffer', () => {
  it('overwrites the oldest transitions once full', () => {
    const buffer = new ReplayBuffer(3, 2);
    for (let i = 0; i < 5; i++) buffer.add([i, -i], i % 2, i * 10, [i + 1, -i - 1], i === 4);
    expect(buffer.size).toBe(3);
    expect(buffer.position).toBe(2);
    // Slots 0 and 1 hold transitions 3 and 4, slot 2 transition 2.
    expect(Array.from(buffer.rewards)).toEqual([30, 40, 20]);
    expect(Array.from(buffer.observations)).toEqual([3, -3, 4, -4, 2, -2]);
    expect(Array.from(buffer.nextObservations.subarray(2, 4))).toEqual([5, -5]);
    expect(Array.from(buffer.terminals)).toEqual([0, 1, 0]);
  });

  it('samples stored slots reproducibly from a seed', () => {
    const buffer = new ReplayBuffer(100, 1);
    for (let i = 0; i < 10; i++) buffer.add([i], 0, 0, [i], false);
    const first = new Int32Array(50);
    const second = new Int32Array(50);
    buffer.sampleIndices(createRng(1), first);
    buffer.sampleIndices(createRng(1), second);
    expect(Array.from(first)).toEqual(Array.from(second));
    expect(Math.max(...first)).toBeLessThan(10);
    expect(() => new ReplayBuffer(10, 1).sampleIndices(createRng(0), first)).toThrow(/empty/);
  });
});
