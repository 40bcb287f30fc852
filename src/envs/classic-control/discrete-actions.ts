import { InvalidActionError } from '../../core/errors.js';

/**
 * Checks a batch of discrete actions in `[0, count)`, ignoring sub-environments marked in `skip` (their actions
 * are not used: they reset this step, as Gymnasium's next-step autoreset ignores them). An `Int32Array` is checked
 * without branches (the hot path); other arrays element by element. Throws an `InvalidActionError` naming the
 * first bad action.
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
    for (let i = 0; i < n; i++) {
      const action = actions[i]!;
      // Negative when the action is outside [0, last]; masked out for skipped sub-environments.
      bad |= ((last - action) | action) & (skip[i]! - 1);
    }
    if (bad >= 0) return;
  }
  for (let i = 0; i < n; i++) {
    const action = actions[i];
    if (skip[i] === 0 && !(Number.isInteger(action) && action! >= 0 && action! < count)) {
      throw new InvalidActionError(action, space.toString(), `sub-environment ${i}`);
    }
  }
}
