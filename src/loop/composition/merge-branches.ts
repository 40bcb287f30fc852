// How a parallel composition turns its branches' results into one verdict and what the synthesizer reads.
import type { CompositionPlan } from '../../lss/compile/loop-program.js';

/** What a branch brings to the merge. */
export interface BranchResult {
  id: string;
  /** Whether the branch's episode ended in success. */
  passed: boolean;
  /** The branch's final primary metric (null when it never had one). */
  primary: number | null;
  /** The branch's answer: the output of its last worker (or the one an adapter names). */
  output: string;
  /** When the branch finished, in seconds on the composition's clock (branches start together). */
  finishedAt: number;
}

/** The merge of a parallel composition. */
export interface MergeResult {
  strategy: NonNullable<CompositionPlan['merge']>['strategy'];
  /** Whether the composition goes on to its synthesizer (false ends the episode as a failure). */
  passed: boolean;
  /** How many branches passed, of how many. */
  passedCount: number;
  branchCount: number;
  /** The branches whose answers the synthesizer reads, in declaration order. */
  selected: readonly string[];
  /** Branches that disagree with the merged verdict, kept for the synthesizer (only with `preserve_dissent`). */
  dissent: readonly string[];
  /** Why the merge passed or failed, in words. */
  explanation: string;
}

/**
 * Merges branch results. The strategy decides the verdict and which answers go on:
 *
 * - `synthesize`: passes when at least one branch produced an answer; every answer goes to the synthesizer.
 * - `vote`: each branch votes with its outcome; passes when more than half passed (a tie fails); the answers of the
 *   majority side go on (a failed vote forwards nothing).
 * - `first_pass`: the first branch to finish with success (earliest `finishedAt`, ties by declaration order) wins;
 *   only its answer goes on; fails when no branch passed.
 * - `all_pass`: passes only when every branch passed; every answer goes on.
 * - `min_branches_pass`: passes when at least `min_branches_pass` branches passed; the passing answers go on.
 *
 * `min_branches_pass`, when set with another strategy, is an extra condition: the merge also needs that many passing
 * branches. `preserve_dissent` forwards, besides the selected answers, those of the branches whose outcome differs
 * from the merged verdict (failed branches of a passing merge), marked as dissent; without it they are dropped.
 *
 * @example
 * ```ts
 * const merge = mergeBranches(branches, { strategy: 'vote', minBranchesPass: undefined, preserveDissent: true, attributes: {} });
 * merge.passed; // true when most branches passed
 * ```
 */
export function mergeBranches(
  branches: readonly BranchResult[],
  merge: NonNullable<CompositionPlan['merge']>,
): MergeResult {
  const passing = branches.filter((branch) => branch.passed);
  const failing = branches.filter((branch) => !branch.passed);
  const answered = branches.filter((branch) => branch.output.trim() !== '');
  let passed: boolean;
  let selected: BranchResult[];
  let explanation: string;
  switch (merge.strategy) {
    case 'synthesize':
      passed = answered.length > 0;
      selected = answered;
      explanation = passed ? `${answered.length} branch answer(s) to synthesize` : 'no branch answered';
      break;
    case 'vote':
      passed = passing.length * 2 > branches.length;
      selected = passed ? passing : [];
      explanation = `${passing.length} of ${branches.length} branches voted pass (more than half needed)`;
      break;
    case 'first_pass': {
      const first = [...passing].sort((a, b) => a.finishedAt - b.finishedAt)[0];
      passed = first !== undefined;
      selected = first === undefined ? [] : [first];
      explanation =
        first === undefined ? 'no branch passed' : `\`${first.id}\` passed first (at ${first.finishedAt}s)`;
      break;
    }
    case 'all_pass':
      passed = failing.length === 0;
      selected = [...branches];
      explanation = passed
        ? 'every branch passed'
        : `${failing.map((branch) => `\`${branch.id}\``).join(', ')} did not pass`;
      break;
    case 'min_branches_pass': {
      const needed = merge.minBranchesPass ?? 1;
      passed = passing.length >= needed;
      selected = passing;
      explanation = `${passing.length} of ${branches.length} branches passed (${needed} needed)`;
      break;
    }
  }
  if (merge.strategy !== 'min_branches_pass' && merge.minBranchesPass !== undefined) {
    if (passing.length < merge.minBranchesPass) {
      passed = false;
      explanation += `; only ${passing.length} passed, min_branches_pass is ${merge.minBranchesPass}`;
    }
  }
  const chosen = new Set(selected.map((branch) => branch.id));
  const dissent = merge.preserveDissent
    ? branches.filter((branch) => !chosen.has(branch.id) && branch.passed !== passed).map((b) => b.id)
    : [];
  return {
    strategy: merge.strategy,
    passed,
    passedCount: passing.length,
    branchCount: branches.length,
    selected: branches.filter((branch) => chosen.has(branch.id)).map((branch) => branch.id),
    dissent,
    explanation,
  };
}
