import type { Rng } from '../../core/random/rng.js';

/** A cell of the board: empty, or taken by a player. */
export type Mark = ' ' | 'X' | 'O';

/** The three-in-a-row lines, as indices 0 to 8 (row by row). */
export const WINNING_LINES: readonly (readonly [number, number, number])[] = [
  [0, 1, 2],
  [3, 4, 5],
  [6, 7, 8],
  [0, 3, 6],
  [1, 4, 7],
  [2, 5, 8],
  [0, 4, 8],
  [2, 4, 6],
];

/**
 * The player holding a complete line, or `null`.
 *
 * @example
 * ```ts
 * winnerOf(['X', 'X', 'X', ' ', 'O', 'O', ' ', ' ', ' ']); // 'X'
 * ```
 */
export function winnerOf(board: readonly Mark[]): 'X' | 'O' | null {
  for (const [a, b, c] of WINNING_LINES) {
    const mark = board[a];
    if (mark !== undefined && mark !== ' ' && mark === board[b] && mark === board[c]) return mark;
  }
  return null;
}

/**
 * The indices of the empty cells, ascending.
 *
 * @example
 * ```ts
 * emptyCells(['X', ' ', 'O', ' ', ' ', ' ', ' ', ' ', ' ']); // [1, 3, 4, 5, 6, 7, 8]
 * ```
 */
export function emptyCells(board: readonly Mark[]): number[] {
  const cells: number[] = [];
  board.forEach((mark, index) => {
    if (mark === ' ') cells.push(index);
  });
  return cells;
}

/** The lowest empty cell that completes a line of `player`, or -1. */
function completingCell(board: readonly Mark[], player: 'X' | 'O'): number {
  for (const cell of emptyCells(board)) {
    const next = [...board];
    next[cell] = player;
    if (winnerOf(next) === player) return cell;
  }
  return -1;
}

/**
 * The scripted opponent's move (a cell index 0 to 8): win if it can, else block the other player's win, else a
 * uniformly random empty cell drawn from `rng`. Deterministic for a given generator state. The board must have an
 * empty cell.
 *
 * @example
 * ```ts
 * opponentMove(['X', 'X', ' ', 'O', 'O', ' ', ' ', ' ', ' '], 'O', createRng(0)); // 5: O wins
 * ```
 */
export function opponentMove(board: readonly Mark[], player: 'X' | 'O', rng: Rng): number {
  const win = completingCell(board, player);
  if (win >= 0) return win;
  const block = completingCell(board, player === 'X' ? 'O' : 'X');
  if (block >= 0) return block;
  const cells = emptyCells(board);
  return cells[rng.integers(cells.length)]!;
}

/**
 * Reads a cell number 1 to 9 from a model's answer: the first digit 1 to 9, or a `row,col` pair of 1 to 3 each
 * (`"2,3"` is cell 6). Returns `undefined` when the text names no cell.
 *
 * @example
 * ```ts
 * parseCell('I play 5'); // 5
 * parseCell('row 3, column 1'); // 7
 * parseCell('pass'); // undefined
 * ```
 */
export function parseCell(text: string): number | undefined {
  const pair = /([1-3])\D{1,10}?([1-3])/.exec(text);
  if (pair !== null && /row|col|,/i.test(text)) return (Number(pair[1]) - 1) * 3 + Number(pair[2]);
  const digit = /[1-9]/.exec(text);
  return digit === null ? undefined : Number(digit[0]);
}
