import type { EnvMetadata, ResetResult, StepResult } from '../../core/env.js';
import { InvalidActionError, ResetNeededError } from '../../core/errors.js';
import { SyncEnvBase, type EnvConstructorOptions } from '../../core/sync-env-base.js';
import { Discrete } from '../../spaces/discrete.js';
import { Tuple } from '../../spaces/tuple.js';
import { drawCard, handScore, handTotal, hasUsableAce, isNatural } from './blackjack-rules.js';

/** Constructor options of {@link BlackjackEnv} (Gymnasium's `BlackjackEnv` arguments). */
export interface BlackjackOptions extends EnvConstructorOptions {
  /** Pay 1.5 for a winning natural blackjack (casino rule; ignored when `sab` is set). Default false. */
  natural?: boolean | undefined;
  /** Follow Sutton & Barto exactly: a natural wins outright unless the dealer has one too. Default false. */
  sab?: boolean | undefined;
}

/** Blackjack's observation: the player's total, the dealer's visible card (1 = ace), and whether an ace is usable (0/1). */
export type BlackjackObservation = [playerSum: number, dealerCard: number, usableAce: number];

const SUIT_NAMES: Readonly<Record<string, string>> = { C: 'clubs', D: 'diamonds', H: 'hearts', S: 'spades' };
const METADATA: EnvMetadata = { renderModes: ['ansi'], renderFps: 4 };

/**
 * Blackjack, ported bit for bit from Gymnasium's `Blackjack-v1` (Sutton & Barto's example 5.1): draw cards (action
 * 1, hit) to get closer to 21 than the dealer without going over, or stop (action 0, stick) and let the dealer draw
 * to 17 or more. Rewards: +1 win, -1 loss, 0 draw (1.5 for a natural with `natural`). Observations are
 * `[playerSum, dealerCard, usableAce]`. Gymnasium has no text render for Blackjack; LoopGym's `ansi` frame is its
 * own: the dealer's visible card and the player's hand, in words.
 *
 * @example
 * ```ts
 * const env = new BlackjackEnv({ sab: true });
 * const { observation } = env.resetSync({ seed: 1 }); // [20, 7, 0]
 * env.stepSync(0); // stick: reward 1, terminated
 * ```
 */
export class BlackjackEnv extends SyncEnvBase<BlackjackObservation, number, Record<string, never>> {
  readonly observationSpace = new Tuple([new Discrete(32), new Discrete(11), new Discrete(2)] as const);
  readonly actionSpace = new Discrete(2);
  readonly natural: boolean;
  readonly sab: boolean;
  /** The player's cards (values 1-10). */
  player: number[] = [];
  /** The dealer's cards; the first is the visible one. */
  dealer: number[] = [];
  /** Suit of the dealer's visible card (`C`, `D`, `H` or `S`), drawn at reset as Gymnasium does for its render. */
  dealerTopCardSuit = '';
  /** Face of the dealer's visible card (`A`, `2`-`10`, `J`, `Q` or `K`). */
  dealerTopCardValue = '';
  private started = false;
  private dealerPlayed = false;

  constructor(options: BlackjackOptions = {}) {
    super(METADATA, options);
    this.natural = options.natural ?? false;
    this.sab = options.sab ?? false;
  }

  protected resetEpisode(): ResetResult<BlackjackObservation, Record<string, never>> {
    this.dealer = [drawCard(this.rng), drawCard(this.rng)];
    this.player = [drawCard(this.rng), drawCard(this.rng)];
    this.dealerTopCardSuit = this.rng.choice(['C', 'D', 'H', 'S']);
    const visible = this.dealer[0]!;
    if (visible === 1) this.dealerTopCardValue = 'A';
    else if (visible === 10) this.dealerTopCardValue = this.rng.choice(['J', 'Q', 'K']);
    else this.dealerTopCardValue = String(visible);
    this.started = true;
    this.dealerPlayed = false;
    return { observation: this.observation(), info: {} };
  }

  stepSync(action: number): StepResult<BlackjackObservation, Record<string, never>> {
    if (!this.actionSpace.contains(action)) {
      throw new InvalidActionError(action, this.actionSpace.toString(), 'use 0 (stick) or 1 (hit)');
    }
    if (!this.started) throw new ResetNeededError();
    let reward: number;
    let terminated: boolean;
    if (action === 1) {
      this.player.push(drawCard(this.rng));
      terminated = handTotal(this.player) > 21;
      reward = terminated ? -1.0 : 0.0;
    } else {
      terminated = true;
      while (handTotal(this.dealer) < 17) this.dealer.push(drawCard(this.rng));
      this.dealerPlayed = true;
      reward = Math.sign(handScore(this.player) - handScore(this.dealer));
      if (this.sab && isNatural(this.player) && !isNatural(this.dealer)) reward = 1.0;
      else if (!this.sab && this.natural && isNatural(this.player) && reward === 1.0) reward = 1.5;
    }
    return { observation: this.observation(), reward, terminated, truncated: false, info: {} };
  }

  /** LoopGym's text frame (Gymnasium renders Blackjack only as an image). */
  protected override renderAnsi(): string {
    if (!this.started) throw new ResetNeededError();
    const cards = (hand: readonly number[]): string =>
      hand.map((card) => (card === 1 ? 'A' : String(card))).join(', ');
    const suit = SUIT_NAMES[this.dealerTopCardSuit] ?? this.dealerTopCardSuit;
    const dealer = this.dealerPlayed
      ? `Dealer: ${cards(this.dealer)} (total ${handTotal(this.dealer)})`
      : `Dealer: ${this.dealerTopCardValue} of ${suit} showing, one card face down`;
    const ace = hasUsableAce(this.player) ? 'usable ace' : 'no usable ace';
    return `${dealer}\nPlayer: ${cards(this.player)} (total ${handTotal(this.player)}, ${ace})\n`;
  }

  private observation(): BlackjackObservation {
    return [handTotal(this.player), this.dealer[0]!, hasUsableAce(this.player) ? 1 : 0];
  }
}
