import { InvalidArgumentError } from '../../core/errors.js';
import { createRng } from '../../core/random/rng.js';

/** The names of FrozenLake's built-in maps. */
export type FrozenLakeMapName = '4x4' | '8x8';

/**
 * FrozenLake's built-in maps, one string per row: `S` start, `F` frozen, `H` hole, `G` goal (Gymnasium's `MAPS`).
 *
 * @example
 * ```ts
 * FROZEN_LAKE_MAPS['4x4']; // ['SFFF', 'FHFH', 'FFFH', 'HFFG']
 * ```
 */
export const FROZEN_LAKE_MAPS: Readonly<Record<FrozenLakeMapName, readonly string[]>> = Object.freeze({
  '4x4': Object.freeze(['SFFF', 'FHFH', 'FFFH', 'HFFG']),
  '8x8': Object.freeze([
    'SFFFFFFF',
    'FFFFFFFF',
    'FFFHFFFF',
    'FFFFFHFF',
    'FFFHFFFF',
    'FHHFFFHF',
    'FHFFHFHF',
    'FFFHFFFG',
  ]),
});

const TILES = new Set(['S', 'F', 'H', 'G']);

/**
 * Checks a FrozenLake map: a non-empty list of rows of equal length, made of `S`, `F`, `H` and `G`, with at least one
 * `S`. Returns a message saying what is wrong, or `undefined` when the map is fine.
 *
 * @example
 * ```ts
 * frozenLakeMapProblem(['SF', 'HG']); // undefined
 * frozenLakeMapProblem(['SF', 'H']); // 'row 1 has 1 tiles, row 0 has 2; ...'
 * ```
 */
export function frozenLakeMapProblem(map: readonly string[]): string | undefined {
  if (map.length === 0) return 'the map has no rows; give at least one row such as "SFFG"';
  const width = map[0]!.length;
  if (width === 0) return 'the map rows are empty; give rows such as "SFFG"';
  let starts = 0;
  for (const [row, line] of map.entries()) {
    if (line.length !== width) {
      return `row ${row} has ${line.length} tiles, row 0 has ${width}; every row must have the same length`;
    }
    for (const tile of line) {
      if (!TILES.has(tile)) {
        return `row ${row} contains ${JSON.stringify(tile)}; tiles must be S (start), F (frozen), H (hole) or G (goal)`;
      }
      if (tile === 'S') starts++;
    }
  }
  if (starts === 0) return 'the map has no start tile; put an "S" where the player starts';
  return undefined;
}

/**
 * Whether the goal can be reached from the top-left tile without crossing a hole: the check Gymnasium's
 * `generate_random_map` uses to accept a map.
 *
 * @example
 * ```ts
 * isFrozenLakeMapSolvable(['SF', 'FG']); // true
 * isFrozenLakeMapSolvable(['SH', 'HG']); // false
 * ```
 */
export function isFrozenLakeMapSolvable(map: readonly string[]): boolean {
  const rows = map.length;
  const columns = map[0]?.length ?? 0;
  if (rows === 0 || columns === 0) return false;
  const seen = new Uint8Array(rows * columns);
  const frontier: [number, number][] = [[0, 0]];
  const directions: readonly [number, number][] = [
    [1, 0],
    [0, 1],
    [-1, 0],
    [0, -1],
  ];
  while (frontier.length > 0) {
    const [row, column] = frontier.pop()!;
    if (seen[row * columns + column] === 1) continue;
    seen[row * columns + column] = 1;
    for (const [dr, dc] of directions) {
      const r = row + dr;
      const c = column + dc;
      if (r < 0 || r >= rows || c < 0 || c >= columns) continue;
      const tile = map[r]![c];
      if (tile === 'G') return true;
      if (tile !== 'H') frontier.push([r, c]);
    }
  }
  return false;
}

/**
 * A random solvable `size` x `size` FrozenLake map, drawn exactly as Gymnasium's
 * `generate_random_map(size, p, seed)`: each tile is frozen with probability `p` (else a hole), the top-left tile is
 * the start and the bottom-right the goal, and maps without a path are redrawn. The same seed gives the same map as
 * Gymnasium; without a seed the operating system's randomness is used.
 *
 * @param size side of the square map (at least 2).
 * @param p probability that a tile is frozen (above 0; values above 1 count as 1).
 * @param seed optional seed, for a reproducible map.
 *
 * @example
 * ```ts
 * generateRandomMap(4, 0.8, 0); // the same rows as generate_random_map(size=4, p=0.8, seed=0)
 * ```
 */
export function generateRandomMap(size = 8, p = 0.8, seed?: number): string[] {
  if (!Number.isSafeInteger(size) || size < 2) {
    throw new InvalidArgumentError(`generateRandomMap: size must be an integer of at least 2, got ${size}.`);
  }
  if (!(p > 0)) {
    throw new InvalidArgumentError(
      `generateRandomMap: p (the probability of a frozen tile) must be above 0, got ${p}; with no frozen tiles no map is solvable.`,
    );
  }
  const rng = createRng(seed);
  const frozen = Math.min(1, p);
  for (;;) {
    const tiles = rng.choiceArray(['F', 'H'], size * size, { p: [frozen, 1 - frozen] });
    tiles[0] = 'S';
    tiles[size * size - 1] = 'G';
    const map = Array.from({ length: size }, (_, row) => tiles.slice(row * size, (row + 1) * size).join(''));
    if (isFrozenLakeMapSolvable(map)) return map;
  }
}
