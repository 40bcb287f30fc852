/**
 * The candidates closest to `word` by edit distance (case-insensitive), best first: at most `count`, and only those
 * within a third of the longer string's length.
 *
 * @example
 * ```ts
 * closestMatches('CartPol-v1', ['CartPole-v1', 'Taxi-v4']); // ['CartPole-v1']
 * ```
 */
export function closestMatches(word: string, candidates: Iterable<string>, count = 3): string[] {
  const target = word.toLowerCase();
  const scored: { candidate: string; distance: number }[] = [];
  for (const candidate of candidates) {
    const distance = editDistance(target, candidate.toLowerCase());
    if (distance <= Math.max(1, Math.floor(Math.max(target.length, candidate.length) / 3))) {
      scored.push({ candidate, distance });
    }
  }
  scored.sort((a, b) => a.distance - b.distance || a.candidate.localeCompare(b.candidate));
  return scored.slice(0, count).map((s) => s.candidate);
}

/** Edit distance counting insertions, deletions, substitutions and swaps of neighbours as one edit each. */
function editDistance(a: string, b: string): number {
  const rows: number[][] = [Array.from({ length: b.length + 1 }, (_, j) => j)];
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min(rows[i - 1]![j]! + 1, row[j - 1]! + 1, rows[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        best = Math.min(best, rows[i - 2]![j - 2]! + 1);
      row.push(best);
    }
    rows.push(row);
  }
  return rows[a.length]![b.length]!;
}
