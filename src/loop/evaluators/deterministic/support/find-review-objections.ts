// Objections in a (security) review written as JSON: rejections, blocking flags, severe findings.

const REJECTING =
  /^(?:reject(?:ed)?|block(?:ed|ing)?|fail(?:ed)?|den(?:y|ied)|veto(?:ed)?|unsafe|insecure|changes?[\s_-]?requested|request[\s_-]?changes|do[\s_-]?not[\s_-]?merge)$/iu;
const VERDICT_KEYS = new Set([
  'verdict',
  'decision',
  'status',
  'recommendation',
  'outcome',
  'result',
  'approval',
]);
const APPROVAL_KEYS = new Set(['approved', 'approve', 'safe', 'pass', 'passed', 'is_safe', 'ok']);
const BLOCKING_KEYS = new Set(['blocking', 'veto', 'block', 'blocker']);
const DESCRIPTION_KEYS = ['title', 'description', 'message', 'issue', 'summary', 'finding', 'name', 'id'];

/**
 * The objections a JSON review raises, as sentences, sorted: a verdict key (`verdict`, `decision`, `status`, …) with
 * a rejecting word, an approval key (`approved`, `safe`, …) set to false, a blocking flag set to true, or a finding
 * whose `severity` (or `level`, `risk`) is one of `blockingSeverities`.
 *
 * @example
 * ```ts
 * findReviewObjections({ verdict: 'approve', findings: [{ severity: 'high', title: 'Token logged' }] }, ['critical', 'high']);
 * // ['high finding: Token logged']
 * ```
 */
export function findReviewObjections(value: unknown, blockingSeverities: readonly string[]): string[] {
  const severities = new Set(blockingSeverities.map((severity) => severity.toLowerCase()));
  const objections = new Set<string>();
  const visit = (node: unknown, depth: number): void => {
    if (depth > 12) return;
    if (Array.isArray(node)) {
      for (const item of node) visit(item, depth + 1);
      return;
    }
    if (typeof node !== 'object' || node === null) return;
    const record = node as Record<string, unknown>;
    for (const [key, field] of Object.entries(record)) {
      const name = key.toLowerCase();
      if (VERDICT_KEYS.has(name) && typeof field === 'string' && REJECTING.test(field.trim())) {
        objections.add(`the review says ${key}: ${field.trim()}`);
      }
      if (APPROVAL_KEYS.has(name) && field === false) objections.add(`the review says ${key}: false`);
      if (BLOCKING_KEYS.has(name) && field === true)
        objections.add(`the review marks a ${key} issue${describe(record)}`);
      if (
        ['severity', 'level', 'risk'].includes(name) &&
        typeof field === 'string' &&
        severities.has(field.toLowerCase())
      ) {
        objections.add(`${field.toLowerCase()} finding${describe(record)}`);
      }
      visit(field, depth + 1);
    }
  };
  visit(value, 0);
  return [...objections].sort();
}

function describe(record: Record<string, unknown>): string {
  for (const key of DESCRIPTION_KEYS) {
    const found = record[key];
    if (typeof found === 'string' && found.trim() !== '') {
      const text = found.trim().replace(/\s+/gu, ' ');
      return `: ${text.length > 120 ? `${text.slice(0, 119)}…` : text}`;
    }
  }
  return '';
}
