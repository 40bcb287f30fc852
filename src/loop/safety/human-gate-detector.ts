// `human_gate`: a step that must wait for a person's approval.
import { SafetyConfigError, configNumber, configStringList } from './safety-config.js';
import type { SafetyCheck, SafetyDetector } from './safety-detector.js';

/** Options of {@link createHumanGateDetector}. */
export interface HumanGateOptions {
  /**
   * The tags of the run at this check, matched against config `required_for`: typically
   * `tagsFromValues(runInputs)` (`risk_tier: high` → `risk_tier_high`). Without this option and without config
   * `tags`, a gate with `required_for` cannot be decided.
   */
  tags?: ((check: SafetyCheck) => Iterable<string>) | undefined;
}

/**
 * Tags from named values: `name_value` for each string, number or `true`/`false` value (lowercase, non-alphanumeric
 * runs as `_`), and `name` alone for `true`; a `tags` list is taken as it is.
 *
 * @example
 * ```ts
 * tagsFromValues({ risk_tier: 'high', urgent: true, tags: ['finance'] });
 * // ['risk_tier_high', 'urgent_true', 'urgent', 'finance']
 * ```
 */
export function tagsFromValues(values: Readonly<Record<string, unknown>>): string[] {
  const clean = (text: string): string =>
    text
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '_')
      .replace(/^_|_$/g, '');
  const tags: string[] = [];
  for (const [name, value] of Object.entries(values)) {
    if (name === 'tags' && Array.isArray(value)) {
      tags.push(...value.filter((tag): tag is string => typeof tag === 'string'));
    } else if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') {
      tags.push(`${clean(name)}_${clean(String(value))}`);
      if (value === true) tags.push(clean(name));
    }
  }
  return tags;
}

/** Tags a JSON-object text declares about itself (`{"risk_tier": "high"}`), else none. */
function tagsOfText(text: string | undefined): string[] {
  if (text === undefined || !text.trimStart().startsWith('{')) return [];
  try {
    const value: unknown = JSON.parse(text);
    return typeof value === 'object' && value !== null && !Array.isArray(value)
      ? tagsFromValues(value as Record<string, unknown>)
      : [];
  } catch {
    return [];
  }
}

/**
 * The `human_gate` detector: a finding (for the engine to apply the action, usually `escalate_human`) whenever the
 * gate's condition holds at its scope.
 *
 * Config:
 * - `required_for`: tags that call for the gate; absent or empty: the gate always holds. The tags are those of the
 *   `tags` option, of config `tags`, and those a JSON-object text declares about itself (`{"risk_tier": "high"}`;
 *   a text can only add tags, never remove the gate). With `required_for` but neither the option nor config `tags`
 *   the gate cannot be decided: a config error, and the engine applies `on_error`.
 * - `sla_hours`: the review deadline, repeated in the message (the engine owns the waiting).
 *
 * @example
 * ```ts
 * createHumanGateDetector().inspect(check);
 * // [{ type: 'human_gate', message: 'Human approval is required at post_worker for worker `executor`.', spans: [] }]
 * ```
 */
export function createHumanGateDetector(options: HumanGateOptions = {}): SafetyDetector {
  return {
    type: 'human_gate',
    scopes: ['pre_worker', 'post_worker', 'pre_output', 'pre_memory_write', 'pre_evaluator'],
    inspect(check) {
      const requiredFor = configStringList(check.constraint, 'required_for') ?? [];
      const configTags = configStringList(check.constraint, 'tags');
      const hours = configNumber(check.constraint, 'sla_hours', undefined, { minimum: 0 });
      let reason = '';
      if (requiredFor.length > 0) {
        if (options.tags === undefined && configTags === undefined) {
          throw new SafetyConfigError(
            check.constraint,
            'required_for',
            'names tags, but no tags are known at this check. List the run’s tags in config `tags`, or give the ' +
              'detector a `tags` source (the engine derives them from the run inputs: `risk_tier: high` → `risk_tier_high`).',
          );
        }
        const tags = new Set([
          ...(options.tags?.(check) ?? []),
          ...(configTags ?? []),
          ...tagsOfText(check.text),
        ]);
        const matched = requiredFor.filter((tag) => tags.has(tag));
        if (matched.length === 0) return [];
        reason = ` (required for ${matched.join(', ')})`;
      }
      const who = check.workerId === undefined ? '' : ` for worker \`${check.workerId}\``;
      const deadline = hours === undefined ? '' : ` Review within ${hours} hour${hours === 1 ? '' : 's'}.`;
      return [
        {
          type: 'human_gate',
          message: `Human approval is required at ${check.scope}${who}${reason}.${deadline}`,
          spans: [],
        },
      ];
    },
  };
}
