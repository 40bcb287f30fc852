import type { Transition, TransitionModel } from './transition-table-env.js';

/** Taxi's road map as Gymnasium draws it: `|` walls, `:` open passages, `R`, `G`, `Y`, `B` the four stops. */
export const TAXI_MAP: readonly string[] = Object.freeze([
  '+---------+',
  '|R: | : :G|',
  '| : | : : |',
  '| : : : : |',
  '| | : | : |',
  '|Y| : |B: |',
  '+---------+',
]);

/** Row and column of the four stops, in index order: R(ed), G(reen), Y(ellow), B(lue). */
export const TAXI_LOCATIONS: readonly (readonly [number, number])[] = Object.freeze([
  [0, 0],
  [0, 4],
  [4, 0],
  [4, 3],
]);

/** A decoded Taxi state. `passengerLocation` 0-3 is a stop, 4 means in the taxi. */
export interface TaxiState {
  taxiRow: number;
  taxiColumn: number;
  passengerLocation: number;
  destination: number;
}

/** Number of Taxi states (5 rows x 5 columns x 5 passenger locations x 4 destinations). */
export const TAXI_STATE_COUNT = 500;
const MAX_ROW = 4;
const MAX_COLUMN = 4;
/** The `:` or `|` east of the taxi at row, column is `TAXI_MAP[1 + row][2 * column + 2]`; west, `[2 * column]`. */
const canGoEast = (row: number, column: number): boolean => TAXI_MAP[1 + row]![2 * column + 2] === ':';
const canGoWest = (row: number, column: number): boolean => TAXI_MAP[1 + row]![2 * column] === ':';

/**
 * The state number of a Taxi configuration: `((taxiRow * 5 + taxiColumn) * 5 + passengerLocation) * 4 + destination`.
 *
 * @example
 * ```ts
 * encodeTaxiState({ taxiRow: 3, taxiColumn: 1, passengerLocation: 2, destination: 0 }); // 328
 * ```
 */
export function encodeTaxiState(state: TaxiState): number {
  return ((state.taxiRow * 5 + state.taxiColumn) * 5 + state.passengerLocation) * 4 + state.destination;
}

/**
 * The configuration behind a Taxi state number (inverse of {@link encodeTaxiState}).
 *
 * @example
 * ```ts
 * decodeTaxiState(328); // {taxiRow: 3, taxiColumn: 1, passengerLocation: 2, destination: 0}
 * ```
 */
export function decodeTaxiState(state: number): TaxiState {
  const destination = state % 4;
  const passengerLocation = Math.floor(state / 4) % 5;
  const taxiColumn = Math.floor(state / 20) % 5;
  const taxiRow = Math.floor(state / 100);
  return { taxiRow, taxiColumn, passengerLocation, destination };
}

function stopAt(row: number, column: number): number {
  return TAXI_LOCATIONS.findIndex(([r, c]) => r === row && c === column);
}

/**
 * Which actions change the state (Gymnasium's `TaxiEnv.action_mask`): 1 for a move that is not blocked by a wall
 * or the edge, a pickup where the passenger waits, a drop-off at any stop with the passenger aboard; else 0.
 *
 * @example
 * ```ts
 * taxiActionMask(328); // Int8Array [1, 1, 1, 0, 0, 0]
 * ```
 */
export function taxiActionMask(state: number): Int8Array {
  const mask = new Int8Array(6);
  const { taxiRow, taxiColumn, passengerLocation } = decodeTaxiState(state);
  if (taxiRow < MAX_ROW) mask[0] = 1;
  if (taxiRow > 0) mask[1] = 1;
  if (taxiColumn < MAX_COLUMN && canGoEast(taxiRow, taxiColumn)) mask[2] = 1;
  if (taxiColumn > 0 && canGoWest(taxiRow, taxiColumn)) mask[3] = 1;
  const stop = stopAt(taxiRow, taxiColumn);
  if (passengerLocation < 4 && passengerLocation === stop) mask[4] = 1;
  if (passengerLocation === 4 && stop >= 0) mask[5] = 1;
  return mask;
}

/** Options of {@link buildTaxiModel}. */
export interface TaxiModelOptions {
  /** Moves may drift sideways. */
  isRainy: boolean;
  /** When rainy, the probability of moving as intended; each sideways drift gets half the rest. */
  rainyProbability: number;
}

/**
 * Taxi's transition table and initial distribution, built as Gymnasium builds them (same transition order, so
 * sampling replays bit for bit). Starting states: passenger at a stop, destination a different stop, uniformly.
 *
 * @example
 * ```ts
 * const model = buildTaxiModel({ isRainy: false, rainyProbability: 0.8 });
 * model.transitions[328]![0]; // [{probability: 1, nextState: 428, reward: -1, terminated: false}]
 * ```
 */
export function buildTaxiModel(options: TaxiModelOptions): TransitionModel {
  const lateralProbability = (1.0 - options.rainyProbability) / 2.0;
  const transitions: Transition[][][] = Array.from({ length: TAXI_STATE_COUNT }, () => []);
  const initial = new Float64Array(TAXI_STATE_COUNT);
  for (let taxiRow = 0; taxiRow <= MAX_ROW; taxiRow++) {
    for (let taxiColumn = 0; taxiColumn <= MAX_COLUMN; taxiColumn++) {
      for (let passengerLocation = 0; passengerLocation < 5; passengerLocation++) {
        for (let destination = 0; destination < 4; destination++) {
          const here: TaxiState = { taxiRow, taxiColumn, passengerLocation, destination };
          const state = encodeTaxiState(here);
          if (passengerLocation < 4 && passengerLocation !== destination) initial[state]! += 1;
          for (let action = 0; action < 6; action++) {
            transitions[state]!.push(
              options.isRainy
                ? rainyTransitions(here, action, options.rainyProbability, lateralProbability)
                : [dryTransition(here, action)],
            );
          }
        }
      }
    }
  }
  let total = 0;
  for (const weight of initial) total += weight;
  for (let i = 0; i < initial.length; i++) initial[i] = initial[i]! / total;
  return { transitions, initialStateDistribution: initial };
}

/** Outcome of a pickup (4) or drop-off (5): the new passenger location, reward and termination. */
function serve(here: TaxiState, action: number): [number, number, boolean] {
  const { taxiRow, taxiColumn, passengerLocation, destination } = here;
  const stop = stopAt(taxiRow, taxiColumn);
  if (action === 4) {
    return passengerLocation < 4 && stop === passengerLocation
      ? [4, -1, false]
      : [passengerLocation, -10, false];
  }
  if (passengerLocation === 4 && stop === destination) return [destination, 20, true];
  if (passengerLocation === 4 && stop >= 0) return [stop, -1, false];
  return [passengerLocation, -10, false];
}

function dryTransition(here: TaxiState, action: number): Transition {
  const { taxiRow, taxiColumn } = here;
  let row = taxiRow;
  let column = taxiColumn;
  let passengerLocation = here.passengerLocation;
  let reward = -1;
  let terminated = false;
  if (action === 0) row = Math.min(taxiRow + 1, MAX_ROW);
  else if (action === 1) row = Math.max(taxiRow - 1, 0);
  else if (action === 2 && canGoEast(taxiRow, taxiColumn)) column = Math.min(taxiColumn + 1, MAX_COLUMN);
  else if (action === 3 && canGoWest(taxiRow, taxiColumn)) column = Math.max(taxiColumn - 1, 0);
  else if (action >= 4) [passengerLocation, reward, terminated] = serve(here, action);
  const nextState = encodeTaxiState({ ...here, taxiRow: row, taxiColumn: column, passengerLocation });
  return { probability: 1.0, nextState, reward, terminated };
}

/** Forward, left and right displacement of each move action (0 south, 1 north, 2 east, 3 west). */
const RAINY_MOVES: readonly (readonly (readonly [number, number])[])[] = [
  [
    [1, 0],
    [0, 1],
    [0, -1],
  ],
  [
    [-1, 0],
    [0, -1],
    [0, 1],
  ],
  [
    [0, 1],
    [-1, 0],
    [1, 0],
  ],
  [
    [0, -1],
    [1, 0],
    [-1, 0],
  ],
];

/** Where a sideways drift by `dr`, `dc` ends: clamped to the grid, and cancelled by a wall in the way. */
function drift(row: number, column: number, [dr, dc]: readonly [number, number]): [number, number] {
  const newRow = Math.max(0, Math.min(row + dr, MAX_ROW));
  const newColumn = Math.max(0, Math.min(column + dc, MAX_COLUMN));
  if (dc === 1 && TAXI_MAP[1 + newRow]![2 * newColumn] !== ':') return [row, column];
  if (dc === -1 && TAXI_MAP[1 + newRow]![2 * newColumn + 2] !== ':') return [row, column];
  return [newRow, newColumn];
}

function rainyTransitions(
  here: TaxiState,
  action: number,
  rainyProbability: number,
  lateralProbability: number,
): Transition[] {
  if (action >= 4) {
    const [passengerLocation, reward, terminated] = serve(here, action);
    return [
      { probability: 1.0, nextState: encodeTaxiState({ ...here, passengerLocation }), reward, terminated },
    ];
  }
  const { taxiRow, taxiColumn } = here;
  const possible =
    (action === 0 && taxiRow < MAX_ROW) ||
    (action === 1 && taxiRow > 0) ||
    (action === 2 && canGoEast(taxiRow, taxiColumn)) ||
    (action === 3 && canGoWest(taxiRow, taxiColumn));
  let intended: [number, number] = [taxiRow, taxiColumn];
  let left: [number, number] = [taxiRow, taxiColumn];
  let right: [number, number] = [taxiRow, taxiColumn];
  if (possible) {
    const [forward, leftMove, rightMove] = RAINY_MOVES[action]!;
    intended = [
      Math.max(0, Math.min(taxiRow + forward![0], MAX_ROW)),
      Math.max(0, Math.min(taxiColumn + forward![1], MAX_COLUMN)),
    ];
    left = drift(taxiRow, taxiColumn, leftMove!);
    right = drift(taxiRow, taxiColumn, rightMove!);
  }
  const to = ([row, column]: [number, number]): number =>
    encodeTaxiState({ ...here, taxiRow: row, taxiColumn: column });
  return [
    { probability: rainyProbability, nextState: to(intended), reward: -1, terminated: false },
    { probability: lateralProbability, nextState: to(left), reward: -1, terminated: false },
    { probability: lateralProbability, nextState: to(right), reward: -1, terminated: false },
  ];
}
