import type { Rng } from '../../core/random/rng.js';

/**
 * The card values of one suit: ace 1, number cards 2-10, jack, queen and king 10 (an infinite deck: cards are drawn
 * with replacement).
 */
export const BLACKJACK_DECK: readonly number[] = Object.freeze([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 10, 10, 10]);

/**
 * A card value drawn uniformly from {@link BLACKJACK_DECK} (Gymnasium's `draw_card`: `np_random.choice(deck)`).
 *
 * @example
 * ```ts
 * drawCard(createRng(0)); // as int(np.random.default_rng(0).choice(deck))
 * ```
 */
export function drawCard(rng: Rng): number {
  return rng.choice(BLACKJACK_DECK);
}

/**
 * Whether `hand` holds an ace that can count as 11 without busting.
 *
 * @example
 * ```ts
 * hasUsableAce([1, 6]); // true: soft 17
 * hasUsableAce([1, 6, 9]); // false
 * ```
 */
export function hasUsableAce(hand: readonly number[]): boolean {
  return hand.includes(1) && sumOf(hand) + 10 <= 21;
}

/**
 * The total of `hand`, counting a usable ace as 11.
 *
 * @example
 * ```ts
 * handTotal([1, 6]); // 17
 * ```
 */
export function handTotal(hand: readonly number[]): number {
  const sum = sumOf(hand);
  return hasUsableAce(hand) ? sum + 10 : sum;
}

/**
 * The score of `hand`: its total, or 0 when it is bust (over 21).
 *
 * @example
 * ```ts
 * handScore([10, 10, 5]); // 0
 * ```
 */
export function handScore(hand: readonly number[]): number {
  const total = handTotal(hand);
  return total > 21 ? 0 : total;
}

/**
 * Whether `hand` is a natural blackjack: exactly an ace and a ten-valued card.
 *
 * @example
 * ```ts
 * isNatural([10, 1]); // true
 * ```
 */
export function isNatural(hand: readonly number[]): boolean {
  return hand.length === 2 && hand.includes(1) && hand.includes(10);
}

function sumOf(hand: readonly number[]): number {
  let sum = 0;
  for (const card of hand) sum += card;
  return sum;
}
