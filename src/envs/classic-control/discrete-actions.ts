import { InvalidActionError } from '../../core/errors.js';

/**
 * Checks a batch of discrete actions in `[0, count)`, ignoring sub-environments marked in `skip` (their actions
 * are not used: they reset this step, as Gymnasium's next-step autoreset ignores them). An `Int32Array` is first
 * checked as a whole without branches (the hot path); other arrays, and batches with an action out of range
 * somewhere, element by element. Throws an `InvalidActionError` naming the first bad action.
 *
 * @example
 * ```ts
 * checkDiscreteActions(Int32Array.of(0, 1, 1), 2, new Uint8Array(3), new Discrete(2)); // passes
 * ```
 */
export function checkDiscreteActions(
  actions: ArrayLike<number>,
  count: number,
  skip: Uint8Array,
  space: { toString(): string },
): void {
  const n = skip.length;
  if (actions instanceof Int32Array) {
    const last = count - 1;
    let bad = 0;
    // Negative when some action is outside [0, last]. Skipped sub-environments are looked at only then, below.
    for (let i = 0; i < n; i++) bad |= (last - actions[i]!) | actions[i]!;
    if (bad >= 0) return;
  }
  for (let i = 0; i < n; i++) {
    const action = actions[i];
    if (skip[i] === 0 && !(Number.isInteger(action) && action! >= 0 && action! < count)) {
      throw new InvalidActionError(action, space.toString(), `sub-environment ${i}`);
    }
  }
}
