// `pii_detect`: personal data in a prompt, an output, a memory write or a tool call's arguments.
import type { SafetyScope } from '../../lss/loop-spec.js';
import { isInRange, parseIpAddress, parseIpRange, type IpRange } from './ip-address.js';
import { PII_CATEGORIES, findPii, type PiiCategory } from './pii-patterns.js';
import { SafetyConfigError, checkKnownNames, configNumber, configStringList } from './safety-config.js';
import type { SafetyDetector, SafetyFinding } from './safety-detector.js';
import { describePlace, textsUnderCheck } from './texts-under-check.js';

const ALL_SCOPES: readonly SafetyScope[] = [
  'pre_worker',
  'post_worker',
  'pre_output',
  'pre_memory_write',
  'pre_evaluator',
];

/**
 * The `pii_detect` detector. It reads the check's text and the string arguments of its tool call.
 *
 * Config:
 * - `categories`: which of {@link PII_CATEGORIES} to look for (default: all). An unknown name is a config error.
 * - `min_confidence`: matches below this confidence are not reported (default 0; see {@link findPii} for the
 *   confidence of each kind of match — every kind starts at 0.85 or more).
 * - `allow`: exact values never reported (compared without case), such as a support address the output may give.
 * - `allowed_ips`: IPv4 addresses or CIDR ranges never reported (`['127.0.0.1', '10.0.0.0/8']`).
 *
 * Each match is one finding whose span is labelled by its category. Messages say what and where, never the value.
 *
 * @example
 * ```ts
 * createPiiDetectDetector().inspect({ ...check, text: 'SSN 123-45-6789' });
 * // [{ type: 'pii_detect', message: 'Found a US social security number at line 1, column 5 …', spans: [{ start: 4, end: 15, label: 'ssn' }] }]
 * ```
 */
export function createPiiDetectDetector(): SafetyDetector {
  return {
    type: 'pii_detect',
    scopes: ALL_SCOPES,
    inspect(check) {
      const { constraint } = check;
      const categories = configStringList(constraint, 'categories') ?? [...PII_CATEGORIES];
      checkKnownNames(constraint, 'categories', categories, PII_CATEGORIES);
      const minimumConfidence = configNumber(constraint, 'min_confidence', 0, { minimum: 0, maximum: 1 });
      const allowed = new Set(
        (configStringList(constraint, 'allow') ?? []).map((value) => value.toLowerCase()),
      );
      const allowedIps: IpRange[] = (configStringList(constraint, 'allowed_ips') ?? []).map((text) => {
        const range = parseIpRange(text);
        if (range === undefined) {
          throw new SafetyConfigError(
            constraint,
            'allowed_ips',
            `has \`${text}\`, which is not an IP address or CIDR range. Write it as \`10.0.0.1\` or \`10.0.0.0/8\`.`,
          );
        }
        return range;
      });
      const findings: SafetyFinding[] = [];
      for (const piece of textsUnderCheck(check, true)) {
        for (const match of findPii(piece.text, categories as PiiCategory[])) {
          if (match.confidence < minimumConfidence) continue;
          const value = piece.text.slice(match.start, match.end);
          if (allowed.has(value.toLowerCase())) continue;
          if (match.category === 'ip_address') {
            const address = parseIpAddress(value);
            if (address !== undefined && allowedIps.some((range) => isInRange(address, range))) continue;
          }
          findings.push({
            type: 'pii_detect',
            message:
              `Found ${match.description} ${describePlace(piece, match.start)} ` +
              `(confidence ${match.confidence.toFixed(2)}; the value is not repeated here). Remove or mask it.`,
            spans:
              piece.argument === undefined
                ? [{ start: match.start, end: match.end, label: match.category }]
                : [],
          });
        }
      }
      return findings;
    },
  };
}
