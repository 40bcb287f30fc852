import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { RgbFrame } from '../../core/env.js';
import { InvalidActionError, InvalidArgumentError } from '../../core/errors.js';
import { decodeTaxiState, encodeTaxiState, TAXI_STATE_COUNT, taxiActionMask } from './taxi-model.js';
import { TaxiEnv } from './taxi.js';

describe('Taxi state encoding', () => {
  it('round-trips every state', () => {
    for (let state = 0; state < TAXI_STATE_COUNT; state++) {
      expect(encodeTaxiState(decodeTaxiState(state))).toBe(state);
    }
    expect(decodeTaxiState(328)).toEqual({ taxiRow: 3, taxiColumn: 1, passengerLocation: 2, destination: 0 });
  });
});

describe('TaxiEnv', () => {
  it('has an action mask that is 1 exactly for the actions that change the state', () => {
    const env = new TaxiEnv();
    for (let state = 0; state < TAXI_STATE_COUNT; state++) {
      const mask = taxiActionMask(state);
      for (let action = 0; action < 6; action++) {
        const [transition] = env.transitions[state]![action]!;
        expect(mask[action], `state ${state}, action ${action}`).toBe(
          transition!.nextState === state ? 0 : 1,
        );
      }
    }
  });

  it('starts uniformly over the 300 states with the passenger at a stop other than the destination', () => {
    const env = new TaxiEnv();
    const starts = [...env.initialStateDistribution.keys()].filter(
      (s) => env.initialStateDistribution[s]! > 0,
    );
    expect(starts).toHaveLength(300);
    expect(starts.every((s) => env.initialStateDistribution[s] === 1 / 300)).toBe(true);
    for (const state of starts) {
      const { passengerLocation, destination } = decodeTaxiState(state);
      expect(passengerLocation).toBeLessThan(4);
      expect(passengerLocation).not.toBe(destination);
    }
  });

  it('drifts sideways in the rain with (1 - rainyProbability) / 2, except where the move is blocked', () => {
    const env = new TaxiEnv({ isRainy: true });
    const center = encodeTaxiState({ taxiRow: 2, taxiColumn: 2, passengerLocation: 0, destination: 1 });
    expect(
      env.transitions[center]![0]!.map((t) => [
        t.probability,
        decodeTaxiState(t.nextState).taxiRow,
        decodeTaxiState(t.nextState).taxiColumn,
      ]),
    ).toEqual([
      [0.8, 3, 2],
      [0.09999999999999998, 2, 3],
      [0.09999999999999998, 2, 1],
    ]);
    const corner = encodeTaxiState({ taxiRow: 0, taxiColumn: 0, passengerLocation: 1, destination: 2 });
    expect(env.transitions[corner]![1]!.map((t) => t.nextState)).toEqual([corner, corner, corner]);
    expect(env.transitions[corner]![4]).toEqual([
      { probability: 1, nextState: corner, reward: -10, terminated: false },
    ]);
  });

  it('delivers the passenger: pickup, drive, drop-off with +20', () => {
    const env = new TaxiEnv();
    env.resetSync({ seed: 0 });
    // Put the taxi at R with the passenger there and the destination at G.
    const start = encodeTaxiState({ taxiRow: 0, taxiColumn: 0, passengerLocation: 0, destination: 1 });
    env.state = start;
    expect(env.stepSync(4).reward).toBe(-1);
    expect(decodeTaxiState(env.state).passengerLocation).toBe(4);
    for (const action of [0, 0, 2, 2, 2, 2, 1, 1]) env.stepSync(action);
    expect(decodeTaxiState(env.state)).toMatchObject({ taxiRow: 0, taxiColumn: 4 });
    const last = env.stepSync(5);
    expect([last.reward, last.terminated]).toEqual([20, true]);
    expect(last.info.action_mask).toBeInstanceOf(Int8Array);
  });

  it('lets a fickle passenger change destination once, on the first move with them aboard', () => {
    const env = new TaxiEnv({ ficklePassenger: true, fickleProbability: 1 });
    env.resetSync({ seed: 1 });
    expect(env.fickleStep).toBe(true);
    const start = encodeTaxiState({ taxiRow: 0, taxiColumn: 0, passengerLocation: 0, destination: 3 });
    env.state = start;
    env.stepSync(4); // pickup: no move, no change
    expect(decodeTaxiState(env.state).destination).toBe(3);
    env.stepSync(0); // first move with the passenger aboard
    const changed = decodeTaxiState(env.state).destination;
    expect(changed).not.toBe(3);
    expect(env.fickleStep).toBe(false);
    env.stepSync(1);
    expect(decodeTaxiState(env.state).destination).toBe(changed);
  });

  it('reports prob and an Int8Array action_mask, matching the state, on every step', () => {
    fc.assert(
      fc.property(
        fc.nat(),
        fc.boolean(),
        fc.boolean(),
        fc.array(fc.integer({ min: 0, max: 5 }), { maxLength: 60 }),
        (seed, isRainy, ficklePassenger, actions) => {
          const env = new TaxiEnv({ isRainy, ficklePassenger });
          const reset = env.resetSync({ seed });
          expect(reset.info).toEqual({ prob: 1, action_mask: taxiActionMask(reset.observation) });
          for (const action of actions) {
            const { observation, info } = env.stepSync(action);
            expect(env.observationSpace.contains(observation)).toBe(true);
            expect(info.action_mask).toBeInstanceOf(Int8Array);
            expect(Array.from(info.action_mask)).toEqual(Array.from(taxiActionMask(observation)));
            expect(info.prob).toBeGreaterThan(0);
          }
        },
      ),
      { numRuns: 50 },
    );
  });

  it('validates options and actions', () => {
    expect(() => new TaxiEnv({ rainyProbability: 1.2 })).toThrow(InvalidArgumentError);
    expect(() => new TaxiEnv({ fickleProbability: -0.1 })).toThrow(/fickleProbability/);
    const env = new TaxiEnv();
    env.resetSync({ seed: 0 });
    expect(() => env.stepSync(6)).toThrow(InvalidActionError);
  });

  it('renders Gymnasium ansi text and an rgb_array image', () => {
    const env = new TaxiEnv({ renderMode: 'ansi' });
    env.resetSync({ seed: 0 });
    env.state = encodeTaxiState({ taxiRow: 2, taxiColumn: 1, passengerLocation: 0, destination: 3 });
    expect(env.render()).toBe(
      [
        '+---------+',
        '|\x1b[34;1mR\x1b[0m: | : :G|',
        '| : | : : |',
        '| :\x1b[43m \x1b[0m: : : |',
        '| | : | : |',
        '|Y| : |\x1b[35mB\x1b[0m: |',
        '+---------+',
        '',
        '',
      ].join('\n'),
    );
    const image = new TaxiEnv({ renderMode: 'rgb_array' });
    image.resetSync({ seed: 0 });
    const frame = image.render() as RgbFrame;
    expect([frame.width, frame.height, frame.data.length]).toEqual([550, 350, 550 * 350 * 3]);
  });
});
