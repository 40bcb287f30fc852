// `secret_scan`: credentials in a prompt, an output, a memory write or a tool call's arguments.
import type { SafetyConstraintProgram } from '../../lss/compile/loop-program.js';
import type { SafetyScope } from '../../lss/loop-spec.js';
import {
  DEFAULT_ENTROPY_MIN_LENGTH,
  DEFAULT_ENTROPY_THRESHOLD,
  findHighEntropyStrings,
} from './high-entropy-strings.js';
import { checkKnownNames, configBoolean, configNumber, configStringList } from './safety-config.js';
import type { SafetyDetector, SafetyFinding } from './safety-detector.js';
import { SECRET_PATTERN_NAMES, SECRET_PATTERNS, type SecretPattern } from './secret-patterns.js';
import { describePlace, textsUnderCheck } from './texts-under-check.js';

/** The label of a span found by the entropy check. */
export const HIGH_ENTROPY_LABEL = 'high_entropy_string';

const ALL_SCOPES: readonly SafetyScope[] = [
  'pre_worker',
  'post_worker',
  'pre_output',
  'pre_memory_write',
  'pre_evaluator',
];

/**
 * The `secret_scan` detector. It reads the check's text and the string arguments of its tool call.
 *
 * Config:
 * - `known_patterns`: the named formats to look for (default: all of {@link SECRET_PATTERN_NAMES}). `aws_key` also
 *   selects `aws_secret_key`, since a secret access key is only looked for near an id or a word that names it.
 *   An unknown name is a config error (a typo must not turn a check off).
 * - `entropy_threshold`: bits per character above which a long token counts as a secret (default 4.5; see
 *   {@link findHighEntropyStrings} for what is left out, such as hexadecimal hashes).
 * - `entropy_min_length`: shortest token the entropy check considers (default 20).
 * - `entropy_check`: `false` turns the entropy check off (default `true`).
 *
 * Each secret is one finding whose span (in the text) is labelled by its pattern, or `high_entropy_string`; a
 * character reported by one pattern is not reported again by a later, more generic one. Messages say what kind of
 * secret and where, never the secret itself.
 *
 * @example
 * ```ts
 * const detector = createSecretScanDetector();
 * detector.inspect({ ...check, text: 'key AKIAIOSFODNN7EXAMPLE' });
 * // [{ type: 'secret_scan', message: 'Found what looks like an AWS access key id at line 1, column 5 …', spans: [{ start: 4, end: 24, label: 'aws_key' }] }]
 * ```
 */
export function createSecretScanDetector(): SafetyDetector {
  return {
    type: 'secret_scan',
    scopes: ALL_SCOPES,
    inspect(check) {
      const { constraint } = check;
      const selected = configStringList(constraint, 'known_patterns');
      if (selected !== undefined)
        checkKnownNames(constraint, 'known_patterns', selected, SECRET_PATTERN_NAMES);
      const patterns = SECRET_PATTERNS.filter(
        (pattern) =>
          selected === undefined ||
          selected.includes(pattern.name) ||
          (pattern.name === 'aws_secret_key' && selected.includes('aws_key')),
      );
      const entropy = configBoolean(constraint, 'entropy_check', true)
        ? {
            threshold: configNumber(constraint, 'entropy_threshold', DEFAULT_ENTROPY_THRESHOLD, {
              minimum: 0,
              maximum: 16,
            }),
            minLength: configNumber(constraint, 'entropy_min_length', DEFAULT_ENTROPY_MIN_LENGTH, {
              minimum: 1,
              integer: true,
            }),
          }
        : undefined;
      const findings: SafetyFinding[] = [];
      for (const piece of textsUnderCheck(check, true)) {
        for (const secret of secretsOnce(constraint, piece.text, patterns, entropy)) {
          findings.push({
            type: 'secret_scan',
            message:
              `Found what looks like ${secret.description} ${describePlace(piece, secret.start)} ` +
              `(${secret.end - secret.start} characters, not repeated here). Remove it or replace it with a reference to a secret store.`,
            spans:
              piece.argument === undefined
                ? [{ start: secret.start, end: secret.end, label: secret.label }]
                : [],
          });
        }
      }
      return findings;
    },
  };
}

/**
 * The secrets of texts scanned before, by constraint (whose config picks the patterns): a pure function of the text
 * and the config, and workers send the same texts again and again. The most recent {@link SCANNED_TEXTS_CAPACITY}
 * texts of up to {@link LONGEST_KEPT_TEXT} characters are kept per constraint.
 */
const scanned = new WeakMap<SafetyConstraintProgram, Map<string, readonly FoundSecret[]>>();
const SCANNED_TEXTS_CAPACITY = 1024;
const LONGEST_KEPT_TEXT = 65_536;

function secretsOnce(
  constraint: SafetyConstraintProgram,
  text: string,
  patterns: readonly SecretPattern[],
  entropy: { threshold: number; minLength: number } | undefined,
): readonly FoundSecret[] {
  if (text.length > LONGEST_KEPT_TEXT) return findSecrets(text, patterns, entropy);
  let texts = scanned.get(constraint);
  if (texts === undefined) {
    texts = new Map();
    scanned.set(constraint, texts);
  }
  let secrets = texts.get(text);
  if (secrets === undefined) {
    secrets = Object.freeze(findSecrets(text, patterns, entropy).map((secret) => Object.freeze(secret)));
    if (texts.size >= SCANNED_TEXTS_CAPACITY) texts.delete(texts.keys().next().value!);
    texts.set(text, secrets);
  }
  return secrets;
}

/** A secret found in one text. */
export interface FoundSecret {
  start: number;
  end: number;
  /** The pattern name, or `high_entropy_string`. */
  label: string;
  description: string;
}

/**
 * The secrets in a text, in the order of the text: the named patterns first (each pattern skipping characters an
 * earlier one reported), then high-entropy tokens that no pattern reported.
 *
 * @example
 * ```ts
 * findSecrets('ghp_' + 'a1'.repeat(18), SECRET_PATTERNS, undefined); // [{ label: 'github_token', … }]
 * ```
 */
export function findSecrets(
  text: string,
  patterns: readonly SecretPattern[],
  entropy: { threshold: number; minLength: number } | undefined,
): FoundSecret[] {
  const found: FoundSecret[] = [];
  const overlaps = (start: number, end: number): boolean =>
    found.some((secret) => secret.start < end && start < secret.end);
  for (const pattern of patterns) {
    for (const match of pattern.find(text)) {
      if (!overlaps(match.start, match.end)) {
        found.push({ ...match, label: pattern.name, description: pattern.description });
      }
    }
  }
  if (entropy !== undefined) {
    for (const token of findHighEntropyStrings(text, entropy)) {
      if (!overlaps(token.start, token.end)) {
        found.push({
          start: token.start,
          end: token.end,
          label: HIGH_ENTROPY_LABEL,
          description: `a random-looking token (${token.entropy.toFixed(2)} bits per character)`,
        });
      }
    }
  }
  return found.sort((a, b) => a.start - b.start);
}
