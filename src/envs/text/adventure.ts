import { InvalidArgumentError } from '../../core/errors.js';
import type { ResetResult, StepResult } from '../../core/env.js';
import type { EnvConstructorOptions } from '../../core/sync-env-base.js';
import type { Text } from '../../spaces/text.js';
import {
  FIXED_ITEMS,
  KEY_ROOMS,
  parseCommand,
  ROOMS,
  type AdventureCommand,
  type Direction,
  type ItemName,
  type RoomName,
} from './adventure-world.js';
import { createTextActionSpace, TextGameEnv, toPrintable } from './text-game-env.js';

/** Constructor options of {@link AdventureEnv}. */
export interface AdventureOptions extends EnvConstructorOptions {
  /** Subtracted from the reward of every step (default 0), to favour short solutions. */
  stepPenalty?: number | undefined;
}

/** The info of {@link AdventureEnv}. */
export interface AdventureInfo extends Record<string, unknown> {
  /** The room the player is in. */
  room: RoomName;
  /** The items carried, in the order taken. */
  inventory: ItemName[];
  /** Commands that do something here (a small, complete list of the useful ones). */
  validActions: string[];
  /** Whether the last command was not understood. */
  invalidAction: boolean;
}

const ALL_DIRECTIONS: readonly Direction[] = ['north', 'south', 'east', 'west', 'up', 'down'];
const HELP =
  'Commands: go <north|south|east|west|up|down> (or just the direction), take <item>, drop <item>, open door, look, inventory.';

/**
 * A small text adventure: from the hall, find the key (hidden by the seed in the library, the kitchen or the dark
 * cellar, where the lamp from the library is needed to see), open the locked door and go south into the garden.
 * Actions are free text commands read by {@link parseCommand} (`go north`, `take key`, `open door`, `look`, ...); a
 * command that is not understood changes nothing and sets `info.invalidAction`. Reaching the garden gives reward 1
 * and ends the episode; every step also costs `stepPenalty` (default 0). `info.validActions` lists what can be done.
 *
 * @example
 * ```ts
 * const env = new AdventureEnv();
 * env.resetSync({ seed: 0 });
 * env.stepSync('go north'); // into the library, where the lamp lies
 * ```
 */
export class AdventureEnv extends TextGameEnv<string, AdventureInfo> {
  readonly actionSpace: Text = createTextActionSpace();
  readonly stepPenalty: number;
  private room: RoomName = 'hall';
  private inventory: ItemName[] = [];
  private items = new Map<ItemName, RoomName>();
  private doorOpen = false;
  private message = '';

  constructor(options: AdventureOptions = {}) {
    super(options);
    const stepPenalty = options.stepPenalty ?? 0;
    if (!Number.isFinite(stepPenalty) || stepPenalty < 0) {
      throw new InvalidArgumentError(
        `AdventureEnv: stepPenalty must be a finite number >= 0, got ${stepPenalty}.`,
      );
    }
    this.stepPenalty = stepPenalty;
  }

  /** The room the key was hidden in this episode. */
  get keyRoom(): RoomName | undefined {
    return this.items.get('key');
  }

  protected resetEpisode(): ResetResult<string, AdventureInfo> {
    this.room = 'hall';
    this.inventory = [];
    this.doorOpen = false;
    this.items = new Map(FIXED_ITEMS);
    this.items.set('key', KEY_ROOMS[this.rng.integers(KEY_ROOMS.length)]!);
    this.message = 'Find a way out into the garden. Type "help" for the commands.';
    return { observation: this.describe(), info: this.info(false) };
  }

  stepSync(action: string): StepResult<string, AdventureInfo> {
    const text = typeof action === 'string' ? action : '';
    const command = parseCommand(text);
    if (command === undefined) this.message = `> ${toPrintable(text)}\nI don't understand that. ${HELP}`;
    else this.message = `> ${toPrintable(text)}\n${this.apply(command)}`;
    const won = this.room === 'garden';
    return {
      observation: this.describe(),
      reward: (won ? 1 : 0) - this.stepPenalty,
      terminated: won,
      truncated: false,
      info: this.info(command === undefined),
    };
  }

  protected describe(): string {
    const room = ROOMS[this.room];
    const lines = [this.message, '', room.title, room.description];
    if (this.room === 'hall') lines.push(this.doorOpen ? 'The door stands open.' : 'The door is locked.');
    if (this.canSee()) {
      const here = this.itemsHere();
      if (here.length > 0) lines.push(`You see: ${here.map((item) => `a ${item}`).join(', ')}.`);
    } else {
      lines.push('It is too dark to see anything here.');
    }
    const exits = ALL_DIRECTIONS.filter((direction) => room.exits[direction] !== undefined);
    if (exits.length > 0) lines.push(`Exits: ${exits.join(', ')}.`);
    lines.push(`You carry: ${this.inventory.length === 0 ? 'nothing' : this.inventory.join(', ')}.`);
    return `${lines.filter((line, index) => index > 0 || line !== '').join('\n')}\n`;
  }

  private apply(command: AdventureCommand): string {
    switch (command.verb) {
      case 'look':
        return 'You look around.';
      case 'help':
        return HELP;
      case 'inventory':
        return this.inventory.length === 0
          ? 'You carry nothing.'
          : `You carry: ${this.inventory.join(', ')}.`;
      case 'go':
        return this.go(command.direction);
      case 'take':
        return this.take(command.item);
      case 'drop':
        return this.drop(command.item);
      case 'open':
        return this.open(command.target);
    }
  }

  private go(direction: Direction): string {
    const target = ROOMS[this.room].exits[direction];
    if (target === undefined) return `You cannot go ${direction} from here.`;
    if (this.room === 'hall' && direction === 'south' && !this.doorOpen) return 'The door is locked.';
    this.room = target;
    return `You go ${direction}.`;
  }

  private take(name: string): string {
    if (!this.canSee()) return 'It is too dark to find anything.';
    const item = this.itemsHere().find((candidate) => candidate === name);
    if (item === undefined) return `There is no ${toPrintable(name)} here.`;
    this.items.delete(item);
    this.inventory.push(item);
    return `You take the ${item}.`;
  }

  private drop(name: string): string {
    const item = this.inventory.find((candidate) => candidate === name);
    if (item === undefined) return `You do not carry a ${toPrintable(name)}.`;
    this.inventory = this.inventory.filter((candidate) => candidate !== item);
    this.items.set(item, this.room);
    return `You drop the ${item}.`;
  }

  private open(target: string): string {
    if (target !== 'door') return `You cannot open ${toPrintable(target) || 'that'}.`;
    if (this.room !== 'hall') return 'There is no door here.';
    if (this.doorOpen) return 'The door is already open.';
    if (!this.inventory.includes('key')) return 'The door is locked. You need a key.';
    this.doorOpen = true;
    return 'You unlock the door with the key. It swings open.';
  }

  private canSee(): boolean {
    return !ROOMS[this.room].dark || this.inventory.includes('lamp');
  }

  private itemsHere(): ItemName[] {
    return [...this.items].filter(([, room]) => room === this.room).map(([item]) => item);
  }

  private info(invalidAction: boolean): AdventureInfo {
    const room = ROOMS[this.room];
    const validActions = ['look', 'inventory'];
    for (const direction of ALL_DIRECTIONS) {
      if (room.exits[direction] === undefined) continue;
      if (this.room === 'hall' && direction === 'south' && !this.doorOpen) continue;
      validActions.push(`go ${direction}`);
    }
    if (this.canSee()) for (const item of this.itemsHere()) validActions.push(`take ${item}`);
    for (const item of this.inventory) validActions.push(`drop ${item}`);
    if (this.room === 'hall' && !this.doorOpen && this.inventory.includes('key'))
      validActions.push('open door');
    return { room: this.room, inventory: [...this.inventory], validActions, invalidAction };
  }
}
