import { describe, expect, it } from 'vitest';
import { makeSync } from '../../registry/make.js';
import { AdventureEnv, type AdventureInfo } from './adventure.js';
import { parseCommand, type RoomName } from './adventure-world.js';

/** The shortest way out, given where the key lies. */
const SOLUTIONS: Record<string, string[]> = {
  library: ['go north', 'take key', 'go south', 'open door', 'go south'],
  kitchen: ['east', 'get key', 'w', 'unlock the door', 'south'],
  cellar: ['n', 'take lamp', 's', 'e', 'go down', 'pick up the key', 'up', 'west', 'open door', 'go south'],
};

function seedWithKeyIn(room: RoomName): number {
  const env = new AdventureEnv();
  for (let seed = 0; seed < 100; seed++) {
    env.resetSync({ seed });
    if (env.keyRoom === room) return seed;
  }
  throw new Error(`no seed below 100 hides the key in the ${room}`);
}

describe('parseCommand', () => {
  it('reads movement, items, the door and the other verbs; nothing else', () => {
    expect(parseCommand('Go North')).toEqual({ verb: 'go', direction: 'north' });
    expect(parseCommand('d')).toEqual({ verb: 'go', direction: 'down' });
    expect(parseCommand('walk east.')).toEqual({ verb: 'go', direction: 'east' });
    expect(parseCommand('pick up the key')).toEqual({ verb: 'take', item: 'key' });
    expect(parseCommand('drop a lamp')).toEqual({ verb: 'drop', item: 'lamp' });
    expect(parseCommand('unlock door')).toEqual({ verb: 'open', target: 'door' });
    expect(parseCommand('look around')).toEqual({ verb: 'look' });
    expect(parseCommand('i')).toEqual({ verb: 'inventory' });
    for (const text of ['', 'dance', 'go', 'go sideways', 'north east'])
      expect(parseCommand(text)).toBeUndefined();
  });
});

describe('AdventureEnv', () => {
  for (const room of ['library', 'kitchen', 'cellar'] as const) {
    it(`is won by taking the key from the ${room}, opening the door and going south`, () => {
      const env = new AdventureEnv();
      env.resetSync({ seed: seedWithKeyIn(room) });
      const steps = SOLUTIONS[room]!.map((command) => ({ command, result: env.stepSync(command) }));
      for (const { command, result } of steps.slice(0, -1)) {
        expect(result, command).toMatchObject({ reward: 0, terminated: false });
        expect(result.info.invalidAction, command).toBe(false);
      }
      const last = steps.at(-1)!.result;
      expect(last).toMatchObject({ reward: 1, terminated: true, truncated: false });
      expect(last.info.room).toBe('garden');
      expect(last.observation).toContain('you made it out into the garden');
    });
  }

  it('keeps the door locked without the key and the dark cellar dark without the lamp', () => {
    const env = new AdventureEnv();
    env.resetSync({ seed: seedWithKeyIn('cellar') });
    const locked = env.stepSync('go south');
    expect(locked.info.room).toBe('hall');
    expect(locked.observation).toContain('The door is locked.');
    expect(env.stepSync('open door').observation).toContain('You need a key.');
    env.stepSync('east');
    const dark = env.stepSync('down');
    expect(dark.info.room).toBe('cellar');
    expect(dark.observation).toContain('It is too dark to see anything here.');
    expect(dark.info.validActions).not.toContain('take key');
    expect(env.stepSync('take key').info.inventory).toEqual([]);
  });

  it('answers commands it does not understand without changing anything', () => {
    const env = new AdventureEnv({ stepPenalty: 0.01 });
    const reset = env.resetSync({ seed: 0 });
    for (const command of ['dance', '', 'xyzzy plugh', 'caf\u00e9\n', 'x'.repeat(500)]) {
      const result = env.stepSync(command);
      expect(result.reward).toBe(-0.01);
      expect(result.terminated).toBe(false);
      expect(result.info).toEqual<AdventureInfo>({ ...reset.info, invalidAction: true });
      expect(result.observation).toContain("I don't understand that.");
      expect(env.observationSpace.contains(result.observation)).toBe(true);
    }
  });

  it('lists valid actions that are all understood and change something or report', () => {
    const env = new AdventureEnv();
    let { info } = env.resetSync({ seed: 5 });
    expect(info.validActions).toEqual(['look', 'inventory', 'go north', 'go east']);
    for (let step = 0; step < 30; step++) {
      for (const command of info.validActions) expect(parseCommand(command), command).toBeDefined();
      const command = info.validActions[(step * 7) % info.validActions.length]!;
      const result = env.stepSync(command);
      expect(result.info.invalidAction).toBe(false);
      if (result.terminated) break;
      info = result.info;
    }
  });

  it('hides the key by the seed: the same seed gives the same episode, and every room occurs', () => {
    const env = new AdventureEnv();
    const rooms = Array.from({ length: 30 }, (_, seed) => (env.resetSync({ seed }), env.keyRoom));
    expect(Array.from({ length: 30 }, (_, seed) => (env.resetSync({ seed }), env.keyRoom))).toEqual(rooms);
    expect(new Set(rooms)).toEqual(new Set(['library', 'kitchen', 'cellar']));
  });

  it('renders as ansi exactly its observation', () => {
    const env = new AdventureEnv({ renderMode: 'ansi' });
    const { observation } = env.resetSync({ seed: 0 });
    expect(env.render()).toBe(observation);
    expect(observation).toContain('Hall\nYou are in a dusty entrance hall.');
    expect(env.stepSync('north').observation).toBe(env.render());
    expect(env.render()).toContain('You see: a lamp, a book');
  });

  it('is registered with a step limit of 50 and a stepPenalty option', () => {
    const env = makeSync<string, string, AdventureInfo>('text/adventure-v0', { stepPenalty: 0.1 });
    env.resetSync({ seed: 0 });
    let last = env.stepSync('look');
    expect(last.reward).toBe(-0.1);
    for (let step = 2; step <= 50; step++) last = env.stepSync('look');
    expect(last).toMatchObject({ terminated: false, truncated: true });
    expect(() => makeSync('text/adventure-v0', { stepPenalty: -1 })).toThrow();
  });
});
