// Risky code: hard-coded secrets and dangerous calls, found line by line without repeating the secret.

/** A risk found in code: what, and on which line of the scanned text (1-based). */
export interface CodeRisk {
  code: 'secret_in_code' | 'dangerous_code';
  label: string;
  line: number;
}

const SECRET_PATTERNS: readonly (readonly [RegExp, string])[] = [
  [/\bAKIA[0-9A-Z]{16}\b/u, 'an AWS access key'],
  [/-----BEGIN (?:RSA |EC |DSA |OPENSSH |PGP )?PRIVATE KEY( BLOCK)?-----/u, 'a private key'],
  [/\bsk-(?:proj-|ant-)?[A-Za-z0-9_-]{20,}/u, 'an API secret key'],
  [/\bgh[pousr]_[A-Za-z0-9]{30,}\b/u, 'a GitHub token'],
  [/\bxox[abprs]-[A-Za-z0-9-]{10,}/u, 'a Slack token'],
  [/\bAIza[0-9A-Za-z_-]{35}\b/u, 'a Google API key'],
  [
    /\b(?:password|passwd|pwd|secret|api_?key|access_?token|auth_?token|private_?key)\b["']?\s*[:=]\s*["'][^"'\s]{8,}["']/iu,
    'a hard-coded credential',
  ],
];

const DANGEROUS_PATTERNS: readonly (readonly [RegExp, string])[] = [
  [/(?<![.\w])eval\s*\(/u, 'eval() of dynamic code'],
  [/(?<![.\w])exec\s*\(/u, 'exec() of dynamic code'],
  [/\bnew\s+Function\s*\(/u, 'new Function() of dynamic code'],
  [/\bos\.system\s*\(/u, 'os.system() shell command'],
  [/\bsubprocess\.\w+\([^)]*shell\s*=\s*True/u, 'subprocess with shell=True'],
  [/\bchild_process\b.*\bexec(?:Sync)?\s*\(|\bexecSync\s*\(/u, 'child_process exec of a shell command'],
  [/\bpickle\.loads?\s*\(/u, 'pickle.load of untrusted data'],
  [/\byaml\.load\s*\((?![^)]*Loader\s*=\s*(?:yaml\.)?(?:Safe|CSafe)Loader)/u, 'yaml.load without SafeLoader'],
  [/\bverify\s*=\s*False\b|rejectUnauthorized\s*:\s*false/u, 'TLS certificate checks turned off'],
  [/\.innerHTML\s*=|dangerouslySetInnerHTML/u, 'raw HTML injection'],
  [
    /\b(?:execute|query|raw)\s*\(\s*f["']|\b(?:execute|query|raw)\s*\([^)]*["']\s*(?:\+|%\s)/iu,
    'SQL built from strings',
  ],
  [/\brm\s+-[a-z]*r[a-z]*f?[a-z]*\s+(?:\/|~|\$HOME)(?:\s|$|["'])/u, 'rm -rf of a root or home directory'],
  [/\bchmod\s+(?:-R\s+)?777\b/u, 'chmod 777'],
];

/**
 * The risks in `code`. For a unified diff only added lines are scanned (`+` lines, not `+++`). Each risk names its
 * line and what it is, never the matched text (it may be a secret).
 *
 * @example
 * ```ts
 * findCodeRisks('import os\nos.system(command)\n'); // [{ code: 'dangerous_code', label: 'os.system() shell command', line: 2 }]
 * ```
 */
export function findCodeRisks(code: string, isDiff = false): CodeRisk[] {
  const risks: CodeRisk[] = [];
  for (const [index, rawLine] of code.split('\n').entries()) {
    if (isDiff && (!rawLine.startsWith('+') || rawLine.startsWith('+++'))) continue;
    const line = isDiff ? rawLine.slice(1) : rawLine;
    for (const [pattern, label] of SECRET_PATTERNS) {
      if (pattern.test(line)) risks.push({ code: 'secret_in_code', label, line: index + 1 });
    }
    for (const [pattern, label] of DANGEROUS_PATTERNS) {
      if (pattern.test(line)) risks.push({ code: 'dangerous_code', label, line: index + 1 });
    }
  }
  return risks;
}
