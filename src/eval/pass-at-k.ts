// pass@k: the chance that at least one of k rollouts drawn from an example's n succeeds.

/**
 * The unbiased estimator of pass@k for one example with `n` rollouts of which `correct` succeeded:
 * `1 - C(n - correct, k) / C(n, k)`, the probability that k rollouts drawn without replacement from the n include a
 * success. Computed as a running product, so it stays exact in floating point for large n.
 *
 * @example
 * ```ts
 * passAtK(10, 3, 1); // 0.3
 * passAtK(10, 3, 10); // 1
 * passAtK(10, 0, 5); // 0
 * ```
 */
export function passAtK(n: number, correct: number, k: number): number {
  if (!Number.isInteger(n) || !Number.isInteger(correct) || !Number.isInteger(k)) {
    throw new RangeError(`passAtK takes whole numbers; got n=${n}, correct=${correct}, k=${k}.`);
  }
  if (n < 1 || k < 1 || k > n || correct < 0 || correct > n) {
    throw new RangeError(
      `passAtK needs 1 ≤ k ≤ n and 0 ≤ correct ≤ n; got n=${n}, correct=${correct}, k=${k}.`,
    );
  }
  if (n - correct < k) return 1;
  // C(n-c, k) / C(n, k) = ∏_{i = n-c+1}^{n} (1 - k / i)
  let failAll = 1;
  for (let i = n - correct + 1; i <= n; i++) failAll *= 1 - k / i;
  return 1 - failAll;
}

/** One example's rollouts: how many there were and how many succeeded. */
export interface ExampleTally {
  n: number;
  correct: number;
}

/**
 * pass@k averaged over examples; examples with fewer than k rollouts are left out (an interrupted run), and
 * `null` is returned when none has k.
 *
 * @example
 * ```ts
 * meanPassAtK([{ n: 4, correct: 1 }, { n: 4, correct: 0 }], 2); // (0.5 + 0) / 2 = 0.25
 * ```
 */
export function meanPassAtK(examples: Iterable<ExampleTally>, k: number): number | null {
  let sum = 0;
  let count = 0;
  for (const example of examples) {
    if (example.n < k) continue;
    sum += passAtK(example.n, example.correct, k);
    count += 1;
  }
  return count === 0 ? null : sum / count;
}

/**
 * The k values a summary reports for `rolloutsPerExample` rollouts: 1, the powers of two below it, and itself.
 *
 * @example
 * ```ts
 * passAtKValues(10); // [1, 2, 4, 8, 10]
 * ```
 */
export function passAtKValues(rolloutsPerExample: number): number[] {
  const values: number[] = [];
  for (let k = 1; k < rolloutsPerExample; k *= 2) values.push(k);
  if (rolloutsPerExample >= 1) values.push(rolloutsPerExample);
  return values;
}
