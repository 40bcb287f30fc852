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

function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const substitution = previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1);
      current.push(Math.min(previous[j]! + 1, current[j - 1]! + 1, substitution));
    }
    previous = current;
  }
  return previous[b.length]!;
}
