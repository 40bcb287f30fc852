import { describe, expect, it } from 'vitest';
import { InvalidActionError, ResetNeededError } from '../../core/errors.js';
import { handScore, handTotal, hasUsableAce, isNatural } from './blackjack-rules.js';
import { BlackjackEnv } from './blackjack.js';

describe('Blackjack rules', () => {
  it('counts aces as 11 when that does not bust', () => {
    expect([handTotal([1, 6]), hasUsableAce([1, 6])]).toEqual([17, true]);
    expect([handTotal([1, 6, 9]), hasUsableAce([1, 6, 9])]).toEqual([16, false]);
    expect(handTotal([1, 1])).toBe(12);
    expect(handScore([10, 10, 5])).toBe(0);
    expect(isNatural([10, 1])).toBe(true);
    expect(isNatural([10, 1, 10])).toBe(false);
    expect(isNatural([5, 6])).toBe(false);
  });
});

describe('BlackjackEnv', () => {
  it('rejects steps before reset and invalid actions', () => {
    const env = new BlackjackEnv();
    expect(() => env.stepSync(0)).toThrow(ResetNeededError);
    env.resetSync({ seed: 0 });
    expect(() => env.stepSync(2)).toThrow(InvalidActionError);
    expect(() => env.stepSync(0.5)).toThrow(/stick/);
  });

  it('scores naturals by the sab and natural rules', () => {
    const play = (
      options: { sab?: boolean; natural?: boolean },
      player: number[],
      dealer: number[],
    ): number => {
      const env = new BlackjackEnv(options);
      env.resetSync({ seed: 0 });
      env.player = [...player];
      env.dealer = [...dealer];
      return env.stepSync(0).reward;
    };
    // Dealer stands on 20 (no draws): a natural beats it in every rule set, paying 1.5 only with `natural`.
    expect(play({}, [1, 10], [10, 10])).toBe(1);
    expect(play({ natural: true }, [1, 10], [10, 10])).toBe(1.5);
    expect(play({ sab: true, natural: true }, [1, 10], [10, 10])).toBe(1);
    // Against a dealer natural it is a draw; sab does not change that.
    expect(play({ sab: true }, [1, 10], [10, 1])).toBe(0);
    // A three-card 21 is no natural: a draw against 21.
    expect(play({ natural: true }, [5, 6, 10], [10, 1])).toBe(0);
    expect(play({}, [10, 8], [10, 9])).toBe(-1);
  });

  it('observes [player total, dealer card, usable ace] inside its Tuple space', () => {
    const env = new BlackjackEnv();
    for (let seed = 0; seed < 200; seed++) {
      let { observation } = env.resetSync({ seed });
      expect(env.observationSpace.contains(observation)).toBe(true);
      for (let hits = 0; hits < 3; hits++) {
        const step = env.stepSync(1);
        observation = step.observation;
        expect(env.observationSpace.contains(observation), JSON.stringify(observation)).toBe(true);
        if (step.terminated) break;
      }
    }
  });

  it('renders its own ansi text', () => {
    const env = new BlackjackEnv({ renderMode: 'ansi' });
    env.resetSync({ seed: 1 });
    env.player = [10, 10];
    env.dealer = [7, 10];
    env.dealerTopCardSuit = 'H';
    env.dealerTopCardValue = '7';
    expect(env.render()).toBe(
      'Dealer: 7 of hearts showing, one card face down\nPlayer: 10, 10 (total 20, no usable ace)\n',
    );
    env.stepSync(0);
    expect(env.render()).toBe('Dealer: 7, 10 (total 17)\nPlayer: 10, 10 (total 20, no usable ace)\n');
  });
});
