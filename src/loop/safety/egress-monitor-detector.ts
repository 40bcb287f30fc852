// `egress_monitor`: network destinations outside the allowed domains, on private networks or at cloud metadata
// services, in a text or in a tool call's arguments.
import type { SafetyConstraintProgram } from '../../lss/compile/loop-program.js';
import { findDestinations, hostOf, type Destination } from './find-destinations.js';
import {
  isInRange,
  isMetadataIpAddress,
  isPrivateIpAddress,
  parseIpAddress,
  parseIpRange,
  type IpRange,
} from './ip-address.js';
import { configBoolean, configStringList } from './safety-config.js';
import type { SafetyDetector, SafetyFinding } from './safety-detector.js';
import { describePlace, stringLeaves, type TextUnderCheck } from './texts-under-check.js';

/** Host names of cloud metadata services (their addresses are in `METADATA_IP_ADDRESSES`). */
export const METADATA_HOST_NAMES: readonly string[] = [
  'metadata.google.internal',
  'metadata',
  'metadata.goog',
];

/** Argument names whose whole value is a destination (`{ url: 'arxiv.org/abs/1' }`). */
const HOST_ARGUMENT =
  /^(?:url|uri|href|link|host|hostname|domain|endpoint|server|address|target|origin|base_?url|ip)$/i;

/** The domain allowlist: names (subdomains included; `*.edu` and `edu` are the same) and IP ranges. */
interface Allowlist {
  names: string[];
  ranges: IpRange[];
  any: boolean;
}

function readAllowlist(constraint: SafetyConstraintProgram): Allowlist | undefined {
  const entries = configStringList(constraint, 'allowed_domains');
  if (entries === undefined) return undefined;
  const allowlist: Allowlist = { names: [], ranges: [], any: false };
  for (const entry of entries) {
    const cleaned = entry.trim().toLowerCase();
    const range = parseIpRange(cleaned);
    if (cleaned === '*') allowlist.any = true;
    else if (range !== undefined) allowlist.ranges.push(range);
    else allowlist.names.push(cleaned.replace(/^\*?\./, '').replace(/\.$/, ''));
  }
  return allowlist;
}

function isAllowed(host: string, allowlist: Allowlist): boolean {
  if (allowlist.any) return true;
  const address = parseIpAddress(host);
  if (address !== undefined) return allowlist.ranges.some((range) => isInRange(address, range));
  return allowlist.names.some((name) => host === name || host.endsWith(`.${name}`));
}

/** Why a destination is refused, if it is: a span label and the reason in words. */
function refusal(
  destination: Destination,
  rules: { allowlist: Allowlist | undefined; blockPrivate: boolean; blockMetadata: boolean },
): { label: string; reason: string } | undefined {
  const { host } = destination;
  const address = parseIpAddress(host);
  const metadata =
    METADATA_HOST_NAMES.includes(host) || (address !== undefined && isMetadataIpAddress(address));
  if (rules.blockMetadata && metadata)
    return { label: 'metadata_endpoint', reason: 'is a cloud metadata endpoint' };
  const local = host === 'localhost' || host.endsWith('.localhost');
  if (rules.blockPrivate && (local || (address !== undefined && isPrivateIpAddress(address)))) {
    return { label: 'private_ip', reason: 'is a private or local address' };
  }
  if (rules.allowlist !== undefined && destination.kind === 'url' && !isAllowed(host, rules.allowlist)) {
    return { label: 'domain_not_allowed', reason: 'is not in allowed_domains' };
  }
  return undefined;
}

/**
 * The `egress_monitor` detector. It reads the URLs, `www.` addresses, IP addresses and local names in the check's
 * text and in every string argument of its tool call (an argument named like `url`, `host` or `endpoint` is a
 * destination as a whole, `arxiv.org` included).
 *
 * Config:
 * - `allowed_domains`: the only domains URLs may reach; a domain allows its subdomains (`arxiv.org` allows
 *   `export.arxiv.org`; `*.edu` is read as `edu`); IP addresses and CIDR ranges may be listed; `*` allows all.
 *   Absent: no domain restriction. Bare IP addresses in running text are not held to it (they may be version
 *   numbers), only to the two rules below.
 * - `block_private_ip` (default `true`): private and local addresses (see `PRIVATE_IP_RANGES`) and `localhost`.
 * - `block_metadata_endpoints` (default `true`): `169.254.169.254`, `fd00:ec2::254`, `metadata.google.internal`
 *   and the others of `METADATA_IP_ADDRESSES` and {@link METADATA_HOST_NAMES}.
 *
 * Hosts are normalized as a URL parser does (`http://0x7f.1` is `127.0.0.1`, `[::ffff:a9fe:a9fe]` is
 * `169.254.169.254`), but names are not resolved (no DNS): a public name that resolves to a private address passes.
 *
 * @example
 * ```ts
 * createEgressMonitorDetector().inspect({ ...check, text: 'GET http://169.254.169.254/latest/meta-data' });
 * // [{ type: 'egress_monitor', message: 'Host `169.254.169.254` at line 1, column 5 is a cloud metadata endpoint.',
 * //    spans: [{ start: 4, end: 43, label: 'metadata_endpoint' }] }]
 * ```
 */
export function createEgressMonitorDetector(): SafetyDetector {
  return {
    type: 'egress_monitor',
    scopes: ['pre_worker', 'post_worker', 'pre_output'],
    inspect(check) {
      const rules = {
        allowlist: readAllowlist(check.constraint),
        blockPrivate: configBoolean(check.constraint, 'block_private_ip', true),
        blockMetadata: configBoolean(check.constraint, 'block_metadata_endpoints', true),
      };
      const findings: SafetyFinding[] = [];
      const report = (piece: TextUnderCheck, destination: Destination): void => {
        const refused = refusal(destination, rules);
        if (refused === undefined) return;
        findings.push({
          type: 'egress_monitor',
          message: `Host \`${destination.host}\` ${describePlace(piece, destination.start)} ${refused.reason}.`,
          spans:
            piece.argument === undefined
              ? [{ start: destination.start, end: destination.end, label: refused.label }]
              : [],
        });
      };
      if (check.text !== undefined) {
        const piece = { text: check.text, argument: undefined, toolName: undefined };
        for (const destination of findDestinations(check.text)) report(piece, destination);
      }
      if (check.toolCall !== undefined) {
        for (const leaf of stringLeaves(check.toolCall.arguments, [])) {
          const piece = { text: leaf.value, argument: leaf.path, toolName: check.toolCall.name };
          const name =
            leaf.path
              .split('.')
              .filter((part) => !/^\d+$/.test(part))
              .at(-1) ?? '';
          const whole = HOST_ARGUMENT.test(name) ? hostOf(leaf.value) : undefined;
          const destinations: Destination[] =
            whole !== undefined
              ? [{ host: whole, start: 0, end: leaf.value.length, kind: 'url' }]
              : findDestinations(leaf.value);
          for (const destination of destinations) report(piece, destination);
        }
      }
      return findings;
    },
  };
}
