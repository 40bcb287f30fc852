import { describe, expect, it } from 'vitest';
import { createRng } from '../../../core/random/rng.js';
import { Adam } from './adam.js';
import { clipGradientNorm, Mlp, type Activation } from './mlp.js';

/** Loss = sum of output * weights, so d loss / d output = weights. */
function loss(net: Mlp, input: Float64Array, batch: number, weights: Float64Array): number {
  const output = net.forward(input, batch);
  let sum = 0;
  for (let i = 0; i < batch * net.outputSize; i++) sum += output[i]! * weights[i]!;
  return sum;
}

describe('Mlp', () => {
  for (const activation of ['relu', 'tanh'] as Activation[]) {
    it(`back-propagates the same gradients as finite differences (${activation})`, () => {
      const rng = createRng(3);
      const net = new Mlp([3, 5, 4, 2], { activation, maxBatchSize: 4 });
      net.initialize(rng);
      const batch = 3;
      const input = rng.uniformArray(batch * 3, -1, 1);
      const weights = rng.uniformArray(batch * 2, -1, 1);
      net.zeroGradients();
      net.forward(input, batch);
      net.backward(weights, batch);
      const analytic = Float64Array.from(net.gradients);
      const step = 1e-6;
      for (let p = 0; p < net.parameters.length; p++) {
        const saved = net.parameters[p]!;
        net.parameters[p] = saved + step;
        const up = loss(net, input, batch, weights);
        net.parameters[p] = saved - step;
        const down = loss(net, input, batch, weights);
        net.parameters[p] = saved;
        expect(analytic[p]).toBeCloseTo((up - down) / (2 * step), 5);
      }
    });
  }

  it('gives the same output for a row alone and within a batch', () => {
    const net = new Mlp([2, 8, 3], { maxBatchSize: 2 });
    net.initialize(createRng(0));
    const both = Float64Array.from(net.forward(new Float64Array([0.5, -1, 0.25, 2]), 2));
    const second = Float64Array.from(net.forward(new Float64Array([0.25, 2]), 1));
    expect(Array.from(both.subarray(3, 6))).toEqual(Array.from(second.subarray(0, 3)));
  });

  it('initialises reproducibly from a seed and copies and blends parameters', () => {
    const a = new Mlp([4, 16, 2]);
    const b = new Mlp([4, 16, 2]);
    a.initialize(createRng(7));
    b.initialize(createRng(7));
    expect(Array.from(a.parameters)).toEqual(Array.from(b.parameters));
    b.initialize(createRng(8));
    const before = Float64Array.from(b.parameters);
    b.blendFrom(a, 0.25);
    expect(b.parameters[0]).toBeCloseTo(0.25 * a.parameters[0]! + 0.75 * before[0]!, 12);
    b.copyFrom(a);
    expect(Array.from(b.parameters)).toEqual(Array.from(a.parameters));
    expect(() => b.copyFrom(new Mlp([4, 8, 2]))).toThrow(/sizes \[4, 8, 2\]/);
  });

  it('refuses bad sizes and batches larger than its buffers', () => {
    expect(() => new Mlp([4])).toThrow(/at least an input and an output/);
    const net = new Mlp([2, 2], { maxBatchSize: 2 });
    expect(() => net.forward(new Float64Array(6), 3)).toThrow(/maxBatchSize/);
  });
});

describe('Adam', () => {
  it('matches the bias-corrected update rule', () => {
    const parameters = new Float64Array([1, -2]);
    const gradients = new Float64Array([0.5, -0.1]);
    const adam = new Adam(2, { learningRate: 0.1 });
    adam.step(parameters, gradients);
    // After one step m̂ = g and v̂ = g², so each parameter moves by lr · g / (|g| + ε) ≈ lr · sign(g).
    expect(parameters[0]).toBeCloseTo(0.9, 6);
    expect(parameters[1]).toBeCloseTo(-1.9, 6);
    const state = adam.getState();
    expect(state.step).toBe(1);
    const copy = new Adam(2, { learningRate: 0.1 });
    copy.setState(state);
    const p1 = Float64Array.from(parameters);
    adam.step(parameters, gradients);
    copy.step(p1, gradients);
    expect(Array.from(p1)).toEqual(Array.from(parameters));
    expect(() => copy.setState({ ...state, firstMoment: new Float64Array(3) })).toThrow(/different network/);
  });

  it('minimises a quadratic', () => {
    const x = new Float64Array([5]);
    const gradient = new Float64Array(1);
    const adam = new Adam(1, { learningRate: 0.1 });
    for (let i = 0; i < 500; i++) {
      gradient[0] = 2 * (x[0]! - 3);
      adam.step(x, gradient);
    }
    expect(x[0]).toBeCloseTo(3, 2);
  });
});

describe('clipGradientNorm', () => {
  it('scales down only gradients above the limit', () => {
    const big = new Float64Array([3, 4]);
    expect(clipGradientNorm(big, 1)).toBe(5);
    expect(big[0]).toBeCloseTo(0.6, 12);
    expect(big[1]).toBeCloseTo(0.8, 12);
    const small = new Float64Array([0.3, 0.4]);
    clipGradientNorm(small, 1);
    expect(Array.from(small)).toEqual([0.3, 0.4]);
  });
});
