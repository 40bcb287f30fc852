import type { EnvMetadata, RgbFrame } from '../../core/env.js';
import { InvalidArgumentError } from '../../core/errors.js';
import type { EnvConstructorOptions } from '../../core/sync-env-base.js';
import { colorize } from './colorize.js';
import { PixelFrame, type Color } from './pixel-frame.js';
import {
  buildTaxiModel,
  decodeTaxiState,
  encodeTaxiState,
  TAXI_LOCATIONS,
  TAXI_MAP,
  taxiActionMask,
} from './taxi-model.js';
import { TransitionTableEnv } from './transition-table-env.js';

/** Constructor options of {@link TaxiEnv} (Gymnasium 1.3's `TaxiEnv` arguments, in camelCase). */
export interface TaxiOptions extends EnvConstructorOptions {
  /** Whether moves may drift sideways (default false). */
  isRainy?: boolean | undefined;
  /** Whether the passenger may change destination once, after the first move with them aboard (default false). */
  ficklePassenger?: boolean | undefined;
  /** When rainy, the probability of moving as intended; each sideways drift gets half the rest (default 0.8). */
  rainyProbability?: number | undefined;
  /** With a fickle passenger, the probability, drawn at reset, that they will change their mind (default 0.3). */
  fickleProbability?: number | undefined;
}

/** Taxi's info: the transition probability and which actions would change the state. */
export interface TaxiInfo {
  prob: number;
  /** 1 for each action (0-5) that changes the state, else 0 (see {@link taxiActionMask}). */
  action_mask: Int8Array;
}

const ACTION_NAMES = ['South', 'North', 'East', 'West', 'Pickup', 'Dropoff'] as const;
const CELL = 50;
const WALL: Color = [70, 70, 70];
const ROAD: Color = [225, 225, 225];
const STOP_COLORS: readonly Color[] = [
  [255, 0, 0],
  [0, 255, 0],
  [255, 255, 0],
  [0, 0, 255],
];
const TAXI: Color = [240, 160, 0];
const PASSENGER: Color = [140, 30, 170];

const METADATA: EnvMetadata = { renderModes: ['ansi', 'rgb_array'], renderFps: 4 };

function checkProbability(name: string, value: number): number {
  if (!(value >= 0 && value <= 1)) {
    throw new InvalidArgumentError(`Taxi: ${name} must be within [0, 1], got ${value}.`);
  }
  return value;
}

/**
 * Taxi, ported bit for bit from Gymnasium's `Taxi-v4`: drive a taxi on a 5 x 5 grid to pick up a passenger at one of
 * four stops and drop them at their destination. Observations encode taxi position, passenger location and
 * destination in 500 states (see {@link decodeTaxiState}); actions are 0 south, 1 north, 2 east, 3 west, 4 pickup,
 * 5 drop-off. Each step costs -1, a wrong pickup or drop-off -10, a delivery gives +20 and ends the episode. The info
 * holds `prob` and `action_mask`, as in Gymnasium.
 *
 * @example
 * ```ts
 * const env = new TaxiEnv({ isRainy: true });
 * const { observation, info } = env.resetSync({ seed: 0 });
 * const action = env.actionSpace.sample(env.rng, info.action_mask); // a move that changes the state
 * env.stepSync(action);
 * ```
 */
export class TaxiEnv extends TransitionTableEnv<TaxiInfo> {
  readonly isRainy: boolean;
  readonly ficklePassenger: boolean;
  readonly rainyProbability: number;
  readonly fickleProbability: number;
  /** Whether the passenger will still change destination this episode (Gymnasium's `fickle_step`). */
  fickleStep = false;

  constructor(options: TaxiOptions = {}) {
    const isRainy = options.isRainy ?? false;
    const rainyProbability = checkProbability('rainyProbability', options.rainyProbability ?? 0.8);
    super(METADATA, options, buildTaxiModel({ isRainy, rainyProbability }));
    this.isRainy = isRainy;
    this.rainyProbability = rainyProbability;
    this.ficklePassenger = options.ficklePassenger ?? false;
    this.fickleProbability = checkProbability('fickleProbability', options.fickleProbability ?? 0.3);
  }

  protected override afterReset(): void {
    this.fickleStep = this.ficklePassenger && this.rng.random() < this.fickleProbability;
  }

  /** A fickle passenger, aboard since before this step, picks another destination the first time the taxi moves. */
  protected override nextState(previous: number, sampled: number): number {
    if (!this.ficklePassenger || !this.fickleStep) return sampled;
    const before = decodeTaxiState(previous);
    const after = decodeTaxiState(sampled);
    const moved = after.taxiRow !== before.taxiRow || after.taxiColumn !== before.taxiColumn;
    if (before.passengerLocation !== 4 || !moved) return sampled;
    this.fickleStep = false;
    const others = [0, 1, 2, 3].filter((stop) => stop !== before.destination);
    return encodeTaxiState({ ...after, destination: this.rng.choice(others) });
  }

  protected resetInfo(state: number): TaxiInfo {
    return { prob: 1.0, action_mask: taxiActionMask(state) };
  }

  protected stepInfo(probability: number, state: number): TaxiInfo {
    return { prob: probability, action_mask: taxiActionMask(state) };
  }

  /**
   * Gymnasium's text frame: the map with the taxi highlighted (yellow when empty, green with the passenger aboard),
   * the passenger's stop in bold blue, the destination in magenta, then the last action in parentheses.
   */
  protected override renderAnsi(): string {
    const cells = TAXI_MAP.map((line) => line.split(''));
    const { taxiRow, taxiColumn, passengerLocation, destination } = decodeTaxiState(this.state);
    const paint = (row: number, column: number, change: (cell: string) => string): void => {
      const line = cells[1 + row]!;
      line[2 * column + 1] = change(line[2 * column + 1]!);
    };
    if (passengerLocation < 4) {
      paint(taxiRow, taxiColumn, (cell) => colorize(cell, 'yellow', { highlight: true }));
      const [row, column] = TAXI_LOCATIONS[passengerLocation]!;
      paint(row, column, (cell) => colorize(cell, 'blue', { bold: true }));
    } else {
      paint(taxiRow, taxiColumn, (cell) => colorize(cell === ' ' ? '_' : cell, 'green', { highlight: true }));
    }
    const [row, column] = TAXI_LOCATIONS[destination]!;
    paint(row, column, (cell) => colorize(cell, 'magenta'));
    const footer = this.lastAction === undefined ? '\n' : `  (${ACTION_NAMES[this.lastAction]})\n`;
    return `${cells.map((line) => line.join('')).join('\n')}\n${footer}`;
  }

  /**
   * A plain tile image in Gymnasium's frame size (550 x 350, 50 pixels per map character): walls, road, the four
   * stops tinted in their colours, the destination outlined in its colour, the passenger as a purple square and the
   * taxi as an orange one (carrying the purple square once the passenger is aboard). Not pixel-identical to
   * Gymnasium's sprites.
   */
  protected override renderRgbArray(): RgbFrame {
    const frame = new PixelFrame(TAXI_MAP[0]!.length * CELL, TAXI_MAP.length * CELL);
    TAXI_MAP.forEach((line, row) => {
      for (let column = 0; column < line.length; column++) {
        frame.fill(column * CELL, row * CELL, CELL, CELL, '+-|'.includes(line[column]!) ? WALL : ROAD);
      }
    });
    const cellOrigin = (row: number, column: number): [number, number] => [
      (2 * column + 1) * CELL,
      (row + 1) * CELL,
    ];
    TAXI_LOCATIONS.forEach(([row, column], stop) => {
      const [x, y] = cellOrigin(row, column);
      const color = STOP_COLORS[stop]!;
      frame.fill(x, y, CELL, CELL, [(color[0] + 255) / 2, (color[1] + 255) / 2, (color[2] + 255) / 2]);
    });
    const { taxiRow, taxiColumn, passengerLocation, destination } = decodeTaxiState(this.state);
    const [destinationRow, destinationColumn] = TAXI_LOCATIONS[destination]!;
    frame.outline(...cellOrigin(destinationRow, destinationColumn), CELL, CELL, STOP_COLORS[destination]!, 5);
    const [taxiX, taxiY] = cellOrigin(taxiRow, taxiColumn);
    frame.fill(taxiX + 8, taxiY + 8, CELL - 16, CELL - 16, TAXI);
    const [passengerX, passengerY] =
      passengerLocation < 4 ? cellOrigin(...TAXI_LOCATIONS[passengerLocation]!) : [taxiX, taxiY];
    frame.fill(passengerX + 17, passengerY + 17, CELL - 34, CELL - 34, PASSENGER);
    return frame.toRgbFrame();
  }
}
