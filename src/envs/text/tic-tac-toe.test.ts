import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { InvalidActionError } from '../../core/errors.js';
import { createRng } from '../../core/random/rng.js';
import { makeSync } from '../../registry/make.js';
import { emptyCells, opponentMove, parseCell, winnerOf, type Mark } from './tic-tac-toe-rules.js';
import { TicTacToeEnv, type TicTacToeInfo } from './tic-tac-toe.js';

const board = (text: string): Mark[] => Array.from(text).map((c) => (c === '.' ? ' ' : c) as Mark);

/** Plays one game with the same scripted policy for X (its own generator); returns the final reward and outcome. */
function playGame(seed: number, agentSeed: number) {
  const env = new TicTacToeEnv();
  const agentRng = createRng(agentSeed);
  const cells: Mark[] = Array.from({ length: 9 }, () => ' ');
  let { info } = env.resetSync({ seed });
  for (;;) {
    const move = opponentMove(cells, 'X', agentRng) + 1;
    expect(info.validActions).toContain(move);
    const result = env.stepSync(move);
    cells[move - 1] = 'X';
    if (result.info.opponentMove !== null) cells[result.info.opponentMove - 1] = 'O';
    else expect(result.terminated).toBe(true);
    info = result.info;
    if (result.terminated)
      return { reward: result.reward, outcome: info.outcome, cells, observation: result.observation };
    expect(result.reward).toBe(0);
    expect(info.validActions).toEqual(emptyCells(cells).map((index) => index + 1));
    expect([...info.action_mask]).toEqual(cells.map((mark) => (mark === ' ' ? 1 : 0)));
  }
}

describe('tic-tac-toe rules', () => {
  it('finds winners on rows, columns and diagonals only', () => {
    expect(winnerOf(board('XXX.OO...'))).toBe('X');
    expect(winnerOf(board('O..O..O..'))).toBe('O');
    expect(winnerOf(board('..X.X.X..'))).toBe('X');
    expect(winnerOf(board('XOXXOOOXX'))).toBeNull();
    expect(emptyCells(board('X.O......'))).toEqual([1, 3, 4, 5, 6, 7, 8]);
  });

  it('makes the opponent win first, then block, then play a seeded random empty cell', () => {
    expect(opponentMove(board('XX.OO....'), 'O', createRng(0))).toBe(5);
    expect(opponentMove(board('XX..O....'), 'O', createRng(0))).toBe(2);
    fc.assert(
      fc.property(fc.nat(), (seed) => {
        const position = board('X...O....');
        const move = opponentMove(position, 'O', createRng(seed));
        expect(emptyCells(position)).toContain(move);
        expect(opponentMove(position, 'O', createRng(seed))).toBe(move);
      }),
    );
  });

  it('parses cell numbers and row,col pairs', () => {
    expect(parseCell('5')).toBe(5);
    expect(parseCell('I play 9.')).toBe(9);
    expect(parseCell('2,3')).toBe(6);
    expect(parseCell('row 3, column 1')).toBe(7);
    expect(parseCell('pass')).toBeUndefined();
    expect(parseCell('0')).toBeUndefined();
  });
});

describe('TicTacToeEnv', () => {
  it('ends games with 1 for a win, -1 for a loss and 0 for a draw, and all three happen', () => {
    const outcomes = new Set<string>();
    for (let seed = 0; seed < 60; seed++) {
      const { reward, outcome, cells, observation } = playGame(seed, seed + 1000);
      expect(reward).toBe(outcome === 'X' ? 1 : outcome === 'O' ? -1 : 0);
      if (outcome === 'draw') expect(emptyCells(cells)).toEqual([]);
      else expect(winnerOf(cells)).toBe(outcome);
      expect(observation).toContain(outcome === 'X' ? 'You win!' : outcome === 'O' ? 'You lose.' : 'Draw.');
      outcomes.add(String(outcome));
    }
    expect([...outcomes].sort()).toEqual(['O', 'X', 'draw']);
  });

  it('answers a taken cell without changing the board, and throws outside 1 to 9', () => {
    const env = new TicTacToeEnv({ invalidMoveReward: -0.5 });
    env.resetSync({ seed: 0 });
    const first = env.stepSync(5);
    const opponent = first.info.opponentMove!;
    for (const taken of [5, opponent]) {
      const result = env.stepSync(taken);
      expect(result).toMatchObject({ reward: -0.5, terminated: false, truncated: false });
      expect(result.info).toMatchObject<Partial<TicTacToeInfo>>({
        invalidAction: true,
        validActions: first.info.validActions,
        opponentMove: null,
      });
      expect(result.observation).toContain(`Cell ${taken} is taken; choose an empty cell.`);
    }
    for (const action of [0, 10, 2.5, Number.NaN])
      expect(() => env.stepSync(action)).toThrow(InvalidActionError);
  });

  it('lets the opponent start when asked, differently across seeds', () => {
    const firstMoves = new Set<number | null>();
    for (let seed = 0; seed < 20; seed++) {
      const { info, observation } = new TicTacToeEnv({ opponentStarts: true }).resetSync({ seed });
      expect(info.validActions).toHaveLength(8);
      expect(observation).toContain(`The opponent played ${info.opponentMove}.`);
      firstMoves.add(info.opponentMove);
    }
    expect(firstMoves.size).toBeGreaterThan(3);
  });

  it('replays the same game from the same seed and actions', () => {
    const play = () => {
      const env = new TicTacToeEnv();
      const trace = [env.resetSync({ seed: 42 }).observation];
      for (const cell of [1, 2, 3, 4, 5, 6, 7, 8, 9]) {
        const result = env.stepSync(cell);
        trace.push(result.observation);
        if (result.terminated) break;
      }
      return trace;
    };
    expect(play()).toEqual(play());
  });

  it('renders as ansi exactly its observation, with empty cells numbered', () => {
    const env = new TicTacToeEnv({ renderMode: 'ansi' });
    const { observation } = env.resetSync({ seed: 0 });
    expect(env.render()).toBe(observation);
    expect(observation).toContain(' 1 | 2 | 3\n---+---+---\n 4 | 5 | 6\n---+---+---\n 7 | 8 | 9\n');
    expect(env.stepSync(1).observation).toBe(env.render());
    expect(env.render()).toContain(' X | ');
  });

  it('is registered with a step limit of 30', () => {
    const env = makeSync<string, number, TicTacToeInfo>('text/tictactoe-v0');
    env.resetSync({ seed: 0 });
    const first = env.stepSync(5);
    expect(first.truncated).toBe(false);
    let last = first;
    for (let step = 2; step <= 30; step++) last = env.stepSync(5);
    expect(last).toMatchObject({ terminated: false, truncated: true });
  });
});
