import { InvalidActionError } from '../../core/errors.js';
import type { ResetResult, StepResult } from '../../core/env.js';
import type { EnvConstructorOptions } from '../../core/sync-env-base.js';
import { Discrete } from '../../spaces/discrete.js';
import { TextGameEnv } from './text-game-env.js';
import { emptyCells, opponentMove, winnerOf, type Mark } from './tic-tac-toe-rules.js';

/** Constructor options of {@link TicTacToeEnv}. */
export interface TicTacToeOptions extends EnvConstructorOptions {
  /** Whether the opponent (O) moves first; by default the agent (X) does. */
  opponentStarts?: boolean | undefined;
  /** Reward for choosing a taken cell (default 0); the board does not change and the episode goes on. */
  invalidMoveReward?: number | undefined;
}

/** The info of {@link TicTacToeEnv}. */
export interface TicTacToeInfo extends Record<string, unknown> {
  /** 1 for each cell (index = cell number - 1) the agent may take, as Gymnasium's `action_mask`. */
  action_mask: Int8Array;
  /** The cell numbers (1 to 9) the agent may take. */
  validActions: number[];
  /** Whether the last action named a taken cell (and so changed nothing). */
  invalidAction: boolean;
  /** The cell (1 to 9) the opponent took in this step (or, at reset, before the agent's first move), or `null`. */
  opponentMove: number | null;
  /** `'X'` (the agent), `'O'` (the opponent), `'draw'`, or `null` while the game goes on. */
  outcome: 'X' | 'O' | 'draw' | null;
}

/**
 * Tic-tac-toe against a scripted opponent. The agent plays X; the action is a cell number 1 to 9
 * (`Discrete(9, 1)`, cells numbered row by row as the board shows them; {@link parseCell} reads one from text). The
 * opponent (O) wins when it can, else blocks, else plays a random empty cell drawn from the environment's seeded
 * generator. Rewards: 1 for a win, -1 for a loss, 0 for a draw or a move; choosing a taken cell gives
 * `invalidMoveReward`, changes nothing and says so in the observation. `info.action_mask` and `info.validActions`
 * list the empty cells.
 *
 * @example
 * ```ts
 * const env = new TicTacToeEnv();
 * const { info } = env.resetSync({ seed: 0 });
 * env.stepSync(info.validActions[0]!); // the opponent answers in the same step
 * ```
 */
export class TicTacToeEnv extends TextGameEnv<number, TicTacToeInfo> {
  readonly actionSpace = new Discrete(9, 1);
  readonly opponentStarts: boolean;
  readonly invalidMoveReward: number;
  private board: Mark[] = Array.from({ length: 9 }, () => ' ');
  private message = '';
  private lastOpponentMove: number | null = null;
  private outcome: TicTacToeInfo['outcome'] = null;

  constructor(options: TicTacToeOptions = {}) {
    super(options);
    this.opponentStarts = options.opponentStarts ?? false;
    this.invalidMoveReward = options.invalidMoveReward ?? 0;
  }

  protected resetEpisode(): ResetResult<string, TicTacToeInfo> {
    this.board = Array.from({ length: 9 }, () => ' ');
    this.outcome = null;
    this.lastOpponentMove = null;
    this.message = '';
    if (this.opponentStarts) this.playOpponent();
    return { observation: this.describe(), info: this.info(false) };
  }

  stepSync(action: number): StepResult<string, TicTacToeInfo> {
    if (!this.actionSpace.contains(action)) {
      throw new InvalidActionError(action, this.actionSpace.toString(), 'choose a cell number from 1 to 9.');
    }
    this.lastOpponentMove = null;
    if (this.board[action - 1] !== ' ') {
      this.message = `Cell ${action} is taken; choose an empty cell.`;
      return this.result(this.invalidMoveReward, true);
    }
    this.board[action - 1] = 'X';
    this.message = `You played ${action}.`;
    if (!this.settle()) {
      this.playOpponent();
      this.settle();
    }
    const reward = this.outcome === 'X' ? 1 : this.outcome === 'O' ? -1 : 0;
    return this.result(reward, false);
  }

  protected describe(): string {
    const cell = (index: number): string =>
      this.board[index] === ' ' ? String(index + 1) : this.board[index]!;
    const rows = [0, 3, 6].map((start) => ` ${cell(start)} | ${cell(start + 1)} | ${cell(start + 2)}`);
    const lines = [
      'Tic-tac-toe. You are X, the opponent is O. Three in a row wins.',
      rows.join('\n---+---+---\n'),
    ];
    if (this.message !== '') lines.push(this.message);
    if (this.outcome === null) {
      const free = emptyCells(this.board).map((index) => index + 1);
      lines.push(`Your move. Empty cells: ${free.join(', ')}. Answer with one cell number.`);
    } else {
      lines.push(this.outcome === 'X' ? 'You win!' : this.outcome === 'O' ? 'You lose.' : 'Draw.');
    }
    return `${lines.join('\n')}\n`;
  }

  /** Records the outcome if the game is over; returns whether it is. */
  private settle(): boolean {
    const winner = winnerOf(this.board);
    if (winner !== null) this.outcome = winner;
    else if (emptyCells(this.board).length === 0) this.outcome = 'draw';
    return this.outcome !== null;
  }

  private playOpponent(): void {
    const index = opponentMove(this.board, 'O', this.rng);
    this.board[index] = 'O';
    this.lastOpponentMove = index + 1;
    this.message += `${this.message === '' ? '' : ' '}The opponent played ${index + 1}.`;
  }

  private result(reward: number, invalidAction: boolean): StepResult<string, TicTacToeInfo> {
    return {
      observation: this.describe(),
      reward,
      terminated: this.outcome !== null,
      truncated: false,
      info: this.info(invalidAction),
    };
  }

  private info(invalidAction: boolean): TicTacToeInfo {
    const mask = new Int8Array(9);
    const validActions: number[] = [];
    if (this.outcome === null) {
      for (const index of emptyCells(this.board)) {
        mask[index] = 1;
        validActions.push(index + 1);
      }
    }
    return {
      action_mask: mask,
      validActions,
      invalidAction,
      opponentMove: this.lastOpponentMove,
      outcome: this.outcome,
    };
  }
}
