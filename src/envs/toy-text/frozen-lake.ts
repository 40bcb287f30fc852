import type { EnvMetadata, RgbFrame } from '../../core/env.js';
import { InvalidArgumentError } from '../../core/errors.js';
import type { EnvConstructorOptions } from '../../core/sync-env-base.js';
import { colorize } from './colorize.js';
import { PixelFrame, type Color } from './pixel-frame.js';
import {
  FROZEN_LAKE_MAPS,
  frozenLakeMapProblem,
  generateRandomMap,
  type FrozenLakeMapName,
} from './frozen-lake-maps.js';
import {
  TransitionTableEnv,
  type Transition,
  type TransitionInfo,
  type TransitionModel,
} from './transition-table-env.js';

/** Constructor options of {@link FrozenLakeEnv} (Gymnasium's `FrozenLakeEnv` arguments, in camelCase). */
export interface FrozenLakeOptions extends EnvConstructorOptions {
  /** A custom map, one string per row (`S` start, `F` frozen, `H` hole, `G` goal); overrides `mapName`. */
  desc?: readonly string[] | null | undefined;
  /** A built-in map (default `'4x4'`); `null` with no `desc` draws a random 8x8 map, as Gymnasium does. */
  mapName?: FrozenLakeMapName | null | undefined;
  /** Whether moves may slip to a perpendicular direction (default true). */
  isSlippery?: boolean | undefined;
  /** On a slippery lake, the probability of moving in the intended direction (default 1/3). */
  successRate?: number | undefined;
  /** Rewards for reaching the goal, a hole, and a frozen tile (default `[1, 0, 0]`). */
  rewardSchedule?: readonly [number, number, number] | undefined;
}

const LEFT = 0;
const DOWN = 1;
const RIGHT = 2;
const UP = 3;
const ACTION_NAMES = ['Left', 'Down', 'Right', 'Up'] as const;

const TILE_COLORS: Readonly<Record<string, Color>> = {
  S: [150, 110, 70],
  F: [214, 234, 248],
  H: [30, 60, 110],
  G: [250, 200, 40],
};
const PLAYER_COLOR: Color = [220, 40, 40];
const GRID_COLOR: Color = [180, 200, 230];

const METADATA: EnvMetadata = { renderModes: ['ansi', 'rgb_array'], renderFps: 4 };

/**
 * FrozenLake, ported bit for bit from Gymnasium's `FrozenLake-v1`: walk from the start to the goal across a frozen
 * lake without falling into a hole; on a slippery lake a move may go sideways. Observations are `row * columns +
 * column`; actions are 0 left, 1 down, 2 right, 3 up. The info holds `prob`, the probability of the transition taken.
 *
 * @example
 * ```ts
 * const env = new FrozenLakeEnv({ mapName: '8x8', isSlippery: false });
 * const { observation } = env.resetSync({ seed: 42 }); // 0
 * const step = env.stepSync(2); // observation 1, reward 0, info {prob: 1}
 * ```
 */
export class FrozenLakeEnv extends TransitionTableEnv {
  /** The map, one string per row. */
  readonly map: readonly string[];
  readonly rowCount: number;
  readonly columnCount: number;
  readonly isSlippery: boolean;
  readonly successRate: number;
  readonly rewardSchedule: readonly [number, number, number];

  constructor(options: FrozenLakeOptions = {}) {
    const map = resolveMap(options);
    const isSlippery = options.isSlippery ?? true;
    const successRate = options.successRate ?? 1 / 3;
    const rewardSchedule = options.rewardSchedule ?? [1, 0, 0];
    if (!(successRate >= 0 && successRate <= 1)) {
      throw new InvalidArgumentError(`FrozenLake: successRate must be within [0, 1], got ${successRate}.`);
    }
    if (rewardSchedule.length !== 3 || !rewardSchedule.every(Number.isFinite)) {
      throw new InvalidArgumentError(
        'FrozenLake: rewardSchedule must be three finite numbers: [goal, hole, frozen].',
      );
    }
    super(METADATA, options, buildModel(map, isSlippery, successRate, rewardSchedule));
    this.map = Object.freeze([...map]);
    this.rowCount = map.length;
    this.columnCount = map[0]!.length;
    this.isSlippery = isSlippery;
    this.successRate = successRate;
    this.rewardSchedule = Object.freeze<[number, number, number]>([
      rewardSchedule[0],
      rewardSchedule[1],
      rewardSchedule[2],
    ]);
  }

  protected resetInfo(): TransitionInfo {
    return { prob: 1 };
  }

  protected stepInfo(probability: number): TransitionInfo {
    return { prob: probability };
  }

  /** Gymnasium's text frame: the last action in parentheses, then the map with the player's tile highlighted red. */
  protected override renderAnsi(): string {
    const state = this.state;
    const row = Math.floor(state / this.columnCount);
    const column = state % this.columnCount;
    const lines = this.map.map((line, r) =>
      r === row
        ? line.slice(0, column) + colorize(line[column]!, 'red', { highlight: true }) + line.slice(column + 1)
        : line,
    );
    const header = this.lastAction === undefined ? '\n' : `  (${ACTION_NAMES[this.lastAction]})\n`;
    return `${header}${lines.join('\n')}\n`;
  }

  /**
   * A plain tile image in Gymnasium's frame size (64 pixels a tile, at most 512 a side): ice, holes, start and goal
   * as coloured tiles, the player as a red square (a whole red tile once fallen into a hole). Not pixel-identical to
   * Gymnasium's sprites.
   */
  protected override renderRgbArray(): RgbFrame {
    const frame = new PixelFrame(Math.min(64 * this.columnCount, 512), Math.min(64 * this.rowCount, 512));
    const cellWidth = Math.floor(frame.width / this.columnCount);
    const cellHeight = Math.floor(frame.height / this.rowCount);
    for (let row = 0; row < this.rowCount; row++) {
      for (let column = 0; column < this.columnCount; column++) {
        const x = column * cellWidth;
        const y = row * cellHeight;
        frame.fill(x, y, cellWidth, cellHeight, TILE_COLORS[this.map[row]![column]!]!);
        frame.outline(x, y, cellWidth, cellHeight, GRID_COLOR);
      }
    }
    const row = Math.floor(this.state / this.columnCount);
    const column = this.state % this.columnCount;
    const inset = this.map[row]![column] === 'H' ? 1 : Math.floor(Math.min(cellWidth, cellHeight) / 4);
    frame.fill(
      column * cellWidth + inset,
      row * cellHeight + inset,
      cellWidth - 2 * inset,
      cellHeight - 2 * inset,
      PLAYER_COLOR,
    );
    return frame.toRgbFrame();
  }
}

function resolveMap(options: FrozenLakeOptions): readonly string[] {
  let map: readonly string[];
  if (options.desc !== undefined && options.desc !== null) map = options.desc;
  else if (options.mapName === null) map = generateRandomMap();
  else {
    const name = options.mapName ?? '4x4';
    const builtIn = FROZEN_LAKE_MAPS[name] as readonly string[] | undefined;
    if (builtIn === undefined) {
      throw new InvalidArgumentError(
        `FrozenLake: unknown mapName ${JSON.stringify(name)}; use '4x4' or '8x8'.`,
      );
    }
    map = builtIn;
  }
  const problem = frozenLakeMapProblem(map);
  if (problem !== undefined) throw new InvalidArgumentError(`FrozenLake: invalid desc: ${problem}.`);
  return map;
}

function buildModel(
  map: readonly string[],
  isSlippery: boolean,
  successRate: number,
  rewardSchedule: readonly [number, number, number],
): TransitionModel {
  const rows = map.length;
  const columns = map[0]!.length;
  const failRate = (1.0 - successRate) / 2.0;
  const tileAt = (row: number, column: number): string => map[row]![column]!;

  const starts = map
    .join('')
    .split('')
    .map((tile) => (tile === 'S' ? 1 : 0));
  const startCount = starts.reduce<number>((a, b) => a + b, 0);
  const initialStateDistribution = Float64Array.from(starts, (flag) => flag / startCount);

  const move = (row: number, column: number, action: number): [number, number] => {
    if (action === LEFT) return [row, Math.max(column - 1, 0)];
    if (action === DOWN) return [Math.min(row + 1, rows - 1), column];
    if (action === RIGHT) return [row, Math.min(column + 1, columns - 1)];
    if (action === UP) return [Math.max(row - 1, 0), column];
    return [row, column];
  };
  const outcome = (probability: number, row: number, column: number, action: number): Transition => {
    const [newRow, newColumn] = move(row, column, action);
    const tile = tileAt(newRow, newColumn);
    const reward = tile === 'G' ? rewardSchedule[0] : tile === 'H' ? rewardSchedule[1] : rewardSchedule[2];
    return {
      probability,
      nextState: newRow * columns + newColumn,
      reward,
      terminated: tile === 'G' || tile === 'H',
    };
  };

  const transitions: Transition[][][] = [];
  for (let row = 0; row < rows; row++) {
    for (let column = 0; column < columns; column++) {
      const state = row * columns + column;
      const tile = tileAt(row, column);
      const byAction: Transition[][] = [];
      for (let action = 0; action < 4; action++) {
        if (tile === 'G' || tile === 'H') {
          byAction.push([{ probability: 1.0, nextState: state, reward: 0, terminated: true }]);
        } else if (isSlippery) {
          byAction.push(
            [(action + 3) % 4, action, (action + 1) % 4].map((direction) =>
              outcome(direction === action ? successRate : failRate, row, column, direction),
            ),
          );
        } else {
          byAction.push([outcome(1.0, row, column, action)]);
        }
      }
      transitions.push(byAction);
    }
  }
  return { transitions, initialStateDistribution };
}
