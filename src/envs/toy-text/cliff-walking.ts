import type { EnvMetadata, RgbFrame } from '../../core/env.js';
import type { EnvConstructorOptions } from '../../core/sync-env-base.js';
import { PixelFrame, type Color } from './pixel-frame.js';
import {
  TransitionTableEnv,
  type Transition,
  type TransitionInfo,
  type TransitionModel,
} from './transition-table-env.js';

/** Constructor options of {@link CliffWalkingEnv}. */
export interface CliffWalkingOptions extends EnvConstructorOptions {
  /** Whether a move may slip to a perpendicular direction, each of the three with probability 1/3 (default false). */
  isSlippery?: boolean | undefined;
}

const ROWS = 4;
const COLUMNS = 12;
const START_STATE = 3 * COLUMNS;
const GOAL_STATE = ROWS * COLUMNS - 1;
/** Row and column change of each action: 0 up, 1 right, 2 down, 3 left. */
const MOVES: readonly (readonly [number, number])[] = [
  [-1, 0],
  [0, 1],
  [1, 0],
  [0, -1],
];

const CELL = 60;
const GROUND: Color = [170, 200, 140];
const CLIFF: Color = [90, 62, 40];
const START: Color = [150, 110, 70];
const GOAL: Color = [250, 200, 40];
const PLAYER: Color = [220, 40, 40];
const GRID: Color = [110, 140, 90];

const METADATA: EnvMetadata = { renderModes: ['ansi', 'rgb_array'], renderFps: 4 };

/** Whether the tile at `row`, `column` is part of the cliff (the bottom row between start and goal). */
function isCliff(row: number, column: number): boolean {
  return row === ROWS - 1 && column > 0 && column < COLUMNS - 1;
}

/**
 * CliffWalking, ported bit for bit from Gymnasium's `CliffWalking-v1` (and `CliffWalkingSlippery-v1`): cross a
 * 4 x 12 grid from the bottom-left corner to the bottom-right one along a cliff. Each step costs -1; stepping into
 * the cliff costs -100 and sends the player back to the start. Observations are `row * 12 + column`; actions are
 * 0 up, 1 right, 2 down, 3 left. The info holds `prob`, the probability of the transition taken.
 *
 * @example
 * ```ts
 * const env = new CliffWalkingEnv();
 * env.resetSync({ seed: 0 }); // observation 36
 * env.stepSync(1); // observation 36, reward -100: walked into the cliff
 * ```
 */
export class CliffWalkingEnv extends TransitionTableEnv {
  static readonly rowCount = ROWS;
  static readonly columnCount = COLUMNS;
  readonly isSlippery: boolean;

  constructor(options: CliffWalkingOptions = {}) {
    const isSlippery = options.isSlippery ?? false;
    super(METADATA, options, buildModel(isSlippery));
    this.isSlippery = isSlippery;
  }

  protected resetInfo(): TransitionInfo {
    return { prob: 1 };
  }

  protected stepInfo(probability: number): TransitionInfo {
    return { prob: probability };
  }

  /** Gymnasium's text frame: `x` the player, `T` the goal, `C` the cliff, `o` the rest, then a blank line. */
  protected override renderAnsi(): string {
    const state = this.state;
    let text = '';
    for (let row = 0; row < ROWS; row++) {
      const cells: string[] = [];
      for (let column = 0; column < COLUMNS; column++) {
        const index = row * COLUMNS + column;
        cells.push(index === state ? 'x' : index === GOAL_STATE ? 'T' : isCliff(row, column) ? 'C' : 'o');
      }
      text += `${cells.join('  ')}\n`;
    }
    return `${text}\n`;
  }

  /**
   * A plain tile image in Gymnasium's frame size (60 pixels a tile, 720 x 240): ground, cliff, start and goal as
   * coloured tiles and the player as a red square. Not pixel-identical to Gymnasium's sprites.
   */
  protected override renderRgbArray(): RgbFrame {
    const frame = new PixelFrame(COLUMNS * CELL, ROWS * CELL);
    for (let index = 0; index < ROWS * COLUMNS; index++) {
      const row = Math.floor(index / COLUMNS);
      const column = index % COLUMNS;
      const color =
        index === START_STATE ? START : index === GOAL_STATE ? GOAL : isCliff(row, column) ? CLIFF : GROUND;
      frame.fill(column * CELL, row * CELL, CELL, CELL, color);
      frame.outline(column * CELL, row * CELL, CELL, CELL, GRID);
    }
    const row = Math.floor(this.state / COLUMNS);
    const column = this.state % COLUMNS;
    frame.fill(column * CELL + CELL / 4, row * CELL + CELL / 4, CELL / 2, CELL / 2, PLAYER);
    return frame.toRgbFrame();
  }
}

function buildModel(isSlippery: boolean): TransitionModel {
  const transitions: Transition[][][] = [];
  for (let state = 0; state < ROWS * COLUMNS; state++) {
    const row = Math.floor(state / COLUMNS);
    const column = state % COLUMNS;
    const byAction: Transition[][] = [];
    for (let action = 0; action < 4; action++) {
      const directions = isSlippery ? [(action + 3) % 4, action, (action + 1) % 4] : [action];
      const probability = 1 / directions.length;
      byAction.push(
        directions.map((direction) => {
          const [dr, dc] = MOVES[direction]!;
          const newRow = Math.max(Math.min(row + dr, ROWS - 1), 0);
          const newColumn = Math.max(Math.min(column + dc, COLUMNS - 1), 0);
          if (isCliff(newRow, newColumn)) {
            return { probability, nextState: START_STATE, reward: -100, terminated: false };
          }
          const nextState = newRow * COLUMNS + newColumn;
          return { probability, nextState, reward: -1, terminated: nextState === GOAL_STATE };
        }),
      );
    }
    transitions.push(byAction);
  }
  const initialStateDistribution = new Float64Array(ROWS * COLUMNS);
  initialStateDistribution[START_STATE] = 1.0;
  return { transitions, initialStateDistribution };
}
