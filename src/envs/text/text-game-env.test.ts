import { describe, expect, it } from 'vitest';
import { Registry } from '../../registry/registry.js';
import { checkEnv } from '../../testing/check-env.js';
import { AdventureEnv } from './adventure.js';
import { GuessNumberEnv } from './guess-number.js';
import { TicTacToeEnv } from './tic-tac-toe.js';
import { WordleEnv } from './wordle.js';
import {
  createTextActionSpace,
  createTextObservationSpace,
  MAX_COMMAND_LENGTH,
  PRINTABLE_CHARSET,
  toPrintable,
} from './text-game-env.js';
import { textRegistrations } from './text-registrations.js';

describe('text spaces', () => {
  it('hold printable ASCII and newlines only', () => {
    expect(PRINTABLE_CHARSET).toHaveLength(96);
    const observations = createTextObservationSpace();
    expect(observations.contains('Hall\nYou see: a lamp, a key.\n')).toBe(true);
    expect(observations.contains('')).toBe(false);
    expect(observations.contains('tab\there')).toBe(false);
    const actions = createTextActionSpace();
    expect(actions.contains('')).toBe(true);
    expect(actions.contains('x'.repeat(MAX_COMMAND_LENGTH + 1))).toBe(false);
  });

  it('toPrintable replaces other characters and cuts long text', () => {
    expect(toPrintable('caf\u00e9\tok')).toBe('caf??ok');
    expect(toPrintable('abcdef', 3)).toBe('abc...');
  });
});

describe('textRegistrations', () => {
  it('registers the four text environments with their step limits', () => {
    const registry = new Registry();
    for (const registration of textRegistrations) registry.register(registration);
    expect(Object.fromEntries(registry.all().map((spec) => [spec.id, spec.maxEpisodeSteps]))).toEqual({
      'text/guess-number-v0': 20,
      'text/wordle-v0': 20,
      'text/tictactoe-v0': 30,
      'text/adventure-v0': 50,
    });
  });
});

describe('the raw text environments', () => {
  const factories = {
    GuessNumberEnv: (renderMode?: 'ansi') => new GuessNumberEnv({ renderMode }),
    WordleEnv: (renderMode?: 'ansi') => new WordleEnv({ renderMode }),
    TicTacToeEnv: (renderMode?: 'ansi') => new TicTacToeEnv({ renderMode, opponentStarts: true }),
    AdventureEnv: (renderMode?: 'ansi') => new AdventureEnv({ renderMode }),
  };
  for (const [name, create] of Object.entries(factories)) {
    it(`${name} passes checkEnv without warnings`, async () => {
      const report = await checkEnv(create(), {
        sampledSteps: 100,
        makeEnv: ({ renderMode }) => create(renderMode === 'ansi' ? 'ansi' : undefined),
      });
      expect(report.warnings).toEqual([]);
    });
  }
});
