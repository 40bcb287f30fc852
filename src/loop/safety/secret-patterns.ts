// The named secret formats `secret_scan` knows. Each finds the exact characters of the secret (for an assignment
// such as `api_key=…`, only the value), so that `strip` keeps the surrounding text readable.

/** The names `known_patterns` may list (each is also the label of its spans). */
export const SECRET_PATTERN_NAMES = [
  'private_key',
  'aws_key',
  'aws_secret_key',
  'github_token',
  'slack_token',
  'anthropic_key',
  'openai_key',
  'jwt',
  'bearer_token',
  'generic_api_key',
] as const;

export type SecretPatternName = (typeof SECRET_PATTERN_NAMES)[number];

/** Where a secret is, as offsets into the text searched. */
export interface SecretMatch {
  start: number;
  end: number;
}

/** A named secret format. */
export interface SecretPattern {
  name: SecretPatternName;
  /** In words, for messages: `an AWS access key id`. */
  description: string;
  find(text: string): SecretMatch[];
}

/** Every match of a global regular expression, or of its first group when it has one (needs the `d` flag). */
function matchesOf(
  expression: RegExp,
  text: string,
  accept: (value: string) => boolean = () => true,
): SecretMatch[] {
  const found: SecretMatch[] = [];
  for (const match of text.matchAll(expression)) {
    const range = match.indices?.[1] ?? [match.index, match.index + match[0].length];
    if (accept(text.slice(range[0], range[1]))) found.push({ start: range[0], end: range[1] });
  }
  return found;
}

const hasDigit = (value: string): boolean => /\d/.test(value);
const hasLetter = (value: string): boolean => /[A-Za-z]/.test(value);
const hasMixedCase = (value: string): boolean => /[a-z]/.test(value) && /[A-Z]/.test(value);

/** A value that names a secret instead of being one: `<token>`, `${API_KEY}`, `process.env.X`, `xxxxxxxx`, … */
const PLACEHOLDER =
  /[<>{}()[\]$]|\b(?:your|example|placeholder|changeme|redacted|dummy|sample)|process\.env|os\.environ|getenv|^(?:x+|\*+|\.+|-+)$/i;

/**
 * Whether the value of a generic assignment (`password = …`, `Bearer …`) looks like a real secret: not a
 * placeholder or code, and with letters and digits (identifiers such as `SecretConfig` or type names do not count).
 */
export function looksLikeSecretValue(value: string): boolean {
  return value.length >= 8 && !PLACEHOLDER.test(value) && hasDigit(value) && hasLetter(value);
}

const AWS_KEY_ID = /\b(?:AKIA|ASIA|ABIA|ACCA|AGPA|AIDA|AIPA|ANPA|ANVA|AROA|APKA)[A-Z0-9]{16}\b/g;
/** A secret access key: 40 base64 characters, reported only near an access key id or a word that names it. */
const AWS_SECRET_CANDIDATE = /(?<![A-Za-z0-9/+=])[A-Za-z0-9/+]{40}(?![A-Za-z0-9/+=])/g;
const AWS_SECRET_WORDS = /aws.{0,20}secret|secret.?access.?key/i;
/** How far (in characters) from an access key id or naming word an AWS secret access key is looked for. */
const AWS_SECRET_DISTANCE = 200;

function findAwsSecrets(text: string): SecretMatch[] {
  const keyIds = matchesOf(AWS_KEY_ID, text);
  return matchesOf(AWS_SECRET_CANDIDATE, text, (value) => hasMixedCase(value) && hasDigit(value)).filter(
    ({ start, end }) =>
      AWS_SECRET_WORDS.test(text.slice(Math.max(0, start - AWS_SECRET_DISTANCE), start)) ||
      keyIds.some((id) => id.end > start - AWS_SECRET_DISTANCE && id.start < end + AWS_SECRET_DISTANCE),
  );
}

/** The secret formats, most specific first (a later pattern never reports characters an earlier one reported). */
export const SECRET_PATTERNS: readonly SecretPattern[] = [
  {
    name: 'private_key',
    description: 'a private key block',
    find: (text) =>
      matchesOf(
        /-----BEGIN (?:[A-Z0-9]+ ){0,3}PRIVATE KEY(?: BLOCK)?-----[\s\S]*?(?:-----END (?:[A-Z0-9]+ ){0,3}PRIVATE KEY(?: BLOCK)?-----|$)/g,
        text,
      ),
  },
  {
    name: 'aws_key',
    description: 'an AWS access key id',
    find: (text) => matchesOf(AWS_KEY_ID, text),
  },
  {
    name: 'aws_secret_key',
    description: 'an AWS secret access key',
    find: findAwsSecrets,
  },
  {
    name: 'github_token',
    description: 'a GitHub token',
    find: (text) => matchesOf(/\b(?:gh[pousr]_[A-Za-z0-9]{36,255}|github_pat_[A-Za-z0-9_]{22,255})\b/g, text),
  },
  {
    name: 'slack_token',
    description: 'a Slack token or webhook',
    find: (text) =>
      matchesOf(
        /\bxox[abeoprs]-[A-Za-z0-9-]{10,250}|https:\/\/hooks\.slack\.com\/services\/[A-Za-z0-9/_-]{20,}/g,
        text,
      ),
  },
  {
    name: 'anthropic_key',
    description: 'an Anthropic API key',
    find: (text) => matchesOf(/\bsk-ant-[A-Za-z0-9_-]{20,}/g, text),
  },
  {
    name: 'openai_key',
    description: 'an OpenAI API key',
    // The body must mix cases and digits: `sk-learn-compatible-estimators` is not a key.
    find: (text) =>
      matchesOf(/\bsk-(?!ant-)[A-Za-z0-9_-]{20,}/g, text, (value) => hasMixedCase(value) && hasDigit(value)),
  },
  {
    name: 'jwt',
    description: 'a JSON Web Token',
    find: (text) => matchesOf(/\beyJ[A-Za-z0-9_-]{8,}\.eyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]*/g, text),
  },
  {
    name: 'bearer_token',
    description: 'a bearer token',
    find: (text) => matchesOf(/\bBearer[ \t]+([A-Za-z0-9._~+/-]{8,}=*)/dgi, text, looksLikeSecretValue),
  },
  {
    name: 'generic_api_key',
    description: 'a secret assigned to a key, password or token',
    find: (text) =>
      matchesOf(
        /(?<![A-Za-z0-9])(?:[A-Za-z0-9]+[_.-]){0,4}(?:api[_-]?key|apikey|api[_-]?secret|secret[_-]?key|client[_-]?secret|access[_-]?token|auth[_-]?token|refresh[_-]?token|private[_-]?token|token|secret|password|passwd)["']?[ \t]*(?::=|=>|:|=)[ \t]*["']?([^\s"'`,;]{8,})/dgi,
        text,
        looksLikeSecretValue,
      ),
  },
];
