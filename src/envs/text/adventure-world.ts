/** The rooms of `text/adventure-v0`. */
export type RoomName = 'hall' | 'library' | 'kitchen' | 'cellar' | 'garden';

/** The directions a player can go. */
export type Direction = 'north' | 'south' | 'east' | 'west' | 'up' | 'down';

/** The items lying about. */
export type ItemName = 'lamp' | 'key' | 'book' | 'bread';

/** A room: its title, its description and where its exits lead. */
export interface Room {
  readonly title: string;
  readonly description: string;
  readonly exits: Partial<Record<Direction, RoomName>>;
  /** Whether items here can only be seen and taken while carrying the lamp. */
  readonly dark: boolean;
}

/**
 * The map: the hall joins the library (north), the kitchen (east) and, through a locked door, the garden (south,
 * the goal); stairs lead from the kitchen down to a dark cellar.
 *
 * @example
 * ```ts
 * ROOMS.hall.exits.north; // 'library'
 * ```
 */
export const ROOMS: Readonly<Record<RoomName, Room>> = {
  hall: {
    title: 'Hall',
    description: 'You are in a dusty entrance hall. A heavy wooden door leads south, to the garden.',
    exits: { north: 'library', east: 'kitchen', south: 'garden' },
    dark: false,
  },
  library: {
    title: 'Library',
    description: 'Shelves of old books line the walls of this quiet library.',
    exits: { south: 'hall' },
    dark: false,
  },
  kitchen: {
    title: 'Kitchen',
    description: 'A cold kitchen with an iron stove. Narrow stairs lead down.',
    exits: { west: 'hall', down: 'cellar' },
    dark: false,
  },
  cellar: {
    title: 'Cellar',
    description: 'A damp cellar under the kitchen. Stairs lead up.',
    exits: { up: 'kitchen' },
    dark: true,
  },
  garden: {
    title: 'Garden',
    description: 'Sunlight and birdsong: you made it out into the garden.',
    exits: {},
    dark: false,
  },
};

/** The rooms the key may be hidden in, one drawn per episode. */
export const KEY_ROOMS: readonly RoomName[] = ['library', 'kitchen', 'cellar'];

/** Where the other items always start. */
export const FIXED_ITEMS: readonly (readonly [ItemName, RoomName])[] = [
  ['lamp', 'library'],
  ['book', 'library'],
  ['bread', 'kitchen'],
];

const DIRECTION_WORDS: Readonly<Record<string, Direction>> = {
  north: 'north',
  n: 'north',
  south: 'south',
  s: 'south',
  east: 'east',
  e: 'east',
  west: 'west',
  w: 'west',
  up: 'up',
  u: 'up',
  down: 'down',
  d: 'down',
};

/** A command of the adventure, as {@link parseCommand} reads it. */
export type AdventureCommand =
  | { readonly verb: 'go'; readonly direction: Direction }
  | { readonly verb: 'take' | 'drop'; readonly item: string }
  | { readonly verb: 'open'; readonly target: string }
  | { readonly verb: 'look' | 'inventory' | 'help' };

/**
 * Reads a command: `go north` (or `north`, `n`, `walk north`), `take key` (`get`, `pick up`), `drop key`,
 * `open door` (`unlock door`), `look`, `inventory` (`i`), `help`. Case and articles (`the`, `a`) do not matter.
 * Returns `undefined` for anything else.
 *
 * @example
 * ```ts
 * parseCommand('Go North'); // {verb: 'go', direction: 'north'}
 * parseCommand('pick up the key'); // {verb: 'take', item: 'key'}
 * parseCommand('dance'); // undefined
 * ```
 */
export function parseCommand(text: string): AdventureCommand | undefined {
  const words = text
    .toLowerCase()
    .replace(/[^a-z ]/g, ' ')
    .split(' ')
    .filter((word) => word !== '' && word !== 'the' && word !== 'a' && word !== 'an');
  const [first, ...rest] = words;
  if (first === undefined) return undefined;
  const object = rest.join(' ');
  if (rest.length === 0) {
    const direction = DIRECTION_WORDS[first];
    if (direction !== undefined) return { verb: 'go', direction };
    if (first === 'look' || first === 'l') return { verb: 'look' };
    if (first === 'inventory' || first === 'i' || first === 'inv') return { verb: 'inventory' };
    if (first === 'help') return { verb: 'help' };
    return undefined;
  }
  if (first === 'go' || first === 'walk' || first === 'move') {
    const direction = rest.length === 1 ? DIRECTION_WORDS[object] : undefined;
    return direction === undefined ? undefined : { verb: 'go', direction };
  }
  if (first === 'take' || first === 'get') return { verb: 'take', item: object };
  if (first === 'pick' && rest[0] === 'up' && rest.length > 1)
    return { verb: 'take', item: rest.slice(1).join(' ') };
  if (first === 'drop') return { verb: 'drop', item: object };
  if (first === 'open' || first === 'unlock') return { verb: 'open', target: object };
  if (first === 'look' && object === 'around') return { verb: 'look' };
  return undefined;
}
