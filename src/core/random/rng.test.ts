import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { PCG64 } from './pcg64.js';
import { createRng, Rng } from './rng.js';
import { SeedSequence } from './seed-sequence.js';

interface Call {
  call: string;
  out: number[];
  size?: number;
  low?: number;
  high?: number;
  endpoint?: boolean;
  loc?: number;
  scale?: number;
  n?: number;
  p?: number[];
  replace?: boolean;
  shuffle?: boolean;
}
interface Case {
  seed: string;
  generate_state_u32: number[];
  raw: string[];
  calls: Call[];
  state_after: { state: string; inc: string };
  has_uint32: number;
  uinteger: number;
}
const fixture = JSON.parse(
  readFileSync(new URL('./__fixtures__/numpy-streams.json', import.meta.url), 'utf8'),
) as { cases: Case[]; spawn: { seed: number; children_random: number[][] } };

function replay(rng: Rng, call: Call): number[] {
  const size = call.size ?? 0;
  switch (call.call) {
    case 'random':
      return Array.from(rng.random(size));
    case 'integers':
      return rng.integersArray(size, call.low!, call.high, { endpoint: call.endpoint ?? false });
    case 'uniform':
      return Array.from(rng.uniformArray(size, call.low, call.high));
    case 'normal':
      return Array.from(rng.normalArray(size, call.loc, call.scale));
    case 'exponential':
      return Array.from({ length: size }, () => rng.exponential(call.scale));
    case 'choice':
      return Array.from({ length: call.out.length }, () => rng.choice(call.n!));
    case 'choice_p':
      return Array.from({ length: call.out.length }, () => rng.choice(call.n!, { p: call.p! }));
    case 'choice_array':
      return rng.choiceArray(call.n!, size, { replace: call.replace ?? true, shuffle: call.shuffle ?? true });
    case 'choice_array_p':
      return rng.choiceArray(call.n!, size, { replace: call.replace ?? true, p: call.p! });
    case 'permutation':
      return rng.permutation(call.n!);
    default:
      throw new Error(`unknown call ${call.call}`);
  }
}

describe('SeedSequence and PCG64 match NumPy', () => {
  for (const testCase of fixture.cases) {
    it(`seed ${testCase.seed}: generate_state and raw outputs`, () => {
      const sequence = new SeedSequence(BigInt(testCase.seed));
      expect(Array.from(sequence.generateState(8))).toEqual(testCase.generate_state_u32);
      const bits = new PCG64(new SeedSequence(BigInt(testCase.seed)));
      expect(testCase.raw.map(() => bits.nextUint64().toString())).toEqual(testCase.raw);
    });
  }
});

describe('Rng matches numpy.random.Generator call by call', () => {
  for (const testCase of fixture.cases) {
    it(`seed ${testCase.seed}`, () => {
      const rng = createRng(BigInt(testCase.seed));
      for (const call of testCase.calls) {
        expect({ call: call.call, out: replay(rng, call) }).toEqual({ call: call.call, out: call.out });
      }
      const state = rng.getState();
      expect(state.state).toEqual(testCase.state_after);
      expect(state.hasUint32).toBe(testCase.has_uint32 === 1);
      expect(state.uinteger).toBe(testCase.uinteger);
    });
  }

  it('spawns the same children as Generator.spawn', () => {
    const children = createRng(fixture.spawn.seed).spawn(2);
    expect(children.map((child) => Array.from(child.random(3)))).toEqual(fixture.spawn.children_random);
  });
});

describe('PCG64 seeding', () => {
  it('equals pcg_setseq_128_srandom_r computed with BigInt, for any seed words', () => {
    const mask = (1n << 128n) - 1n;
    const multiplier = 0x2360ed051fc65da44385df649fccf645n;
    fc.assert(
      fc.property(
        fc.array(fc.bigInt({ min: 0n, max: (1n << 96n) - 1n }), { minLength: 1, maxLength: 3 }),
        (entropy) => {
          const sequence = new SeedSequence(entropy);
          const words = sequence.generateState(4, 'uint64');
          const value = (k: number): bigint => (BigInt(words[2 * k + 1]!) << 32n) | BigInt(words[2 * k]!);
          const initState = (value(0) << 64n) | value(1);
          const inc = (((value(2) << 64n) | value(3)) * 2n + 1n) & mask;
          let state = inc; // one step from state 0
          state = (state + initState) & mask;
          state = (state * multiplier + inc) & mask;
          expect(new PCG64(sequence).getState().state).toEqual({
            state: state.toString(),
            inc: inc.toString(),
          });
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('Rng behaviour', () => {
  it('restores a saved state exactly', () => {
    fc.assert(
      fc.property(fc.nat(), fc.nat({ max: 50 }), (seed, skip) => {
        const rng = createRng(seed);
        rng.integersArray(skip, 0, 7);
        const state = JSON.parse(JSON.stringify(rng.getState())) as ReturnType<Rng['getState']>;
        const expected = [rng.random(), rng.integers(0, 100), rng.normal()];
        const other = createRng(0);
        other.setState(state);
        expect([other.random(), other.integers(0, 100), other.normal()]).toEqual(expected);
      }),
      { numRuns: 50 },
    );
  });

  it('keeps integers within bounds', () => {
    fc.assert(
      fc.property(
        fc.nat(),
        fc.integer({ min: -1000, max: 1000 }),
        fc.integer({ min: 1, max: 2 ** 40 }),
        (seed, low, width) => {
          const value = createRng(seed).integers(low, low + width);
          return Number.isInteger(value) && value >= low && value < low + width;
        },
      ),
    );
  });

  it('rejects bad arguments with clear errors', () => {
    const rng = createRng(0);
    expect(() => rng.integers(5, 5)).toThrow(/low >= high/);
    expect(() => rng.choice(3, { p: [0.5, 0.6, 0] })).toThrow(/sum to 1/);
    expect(() => rng.choiceArray(3, 4, { replace: false })).toThrow(/larger sample/);
    expect(() => createRng(-1)).toThrow(/non-negative/);
    expect(() => rng.normal(0, -1)).toThrow(/scale/);
  });

  it('draws from the operating system when unseeded', () => {
    expect(createRng().random()).not.toBe(createRng().random());
  });
});
