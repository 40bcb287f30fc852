// `tenant_isolation`: memory writes outside the run's own key space.
import { SafetyConfigError, configString } from './safety-config.js';
import type { SafetyCheck, SafetyDetector } from './safety-detector.js';

/** The placeholders `required_key_prefix` may use. */
const PLACEHOLDERS: Readonly<Record<string, (check: SafetyCheck) => string | undefined>> = {
  run_id: (check) => check.run.runId,
  worker_id: (check) => check.workerId,
  iteration: (check) => String(check.run.iteration),
};

/**
 * The prefix with its placeholders filled in: `{run_id}`, `{worker_id}`, `{iteration}`.
 *
 * @example
 * ```ts
 * expandKeyPrefix(check, 'run:{run_id}:'); // 'run:run-1:'
 * ```
 */
export function expandKeyPrefix(check: SafetyCheck, template: string): string {
  return template.replace(/\{([^{}]*)\}/g, (_, name: string) => {
    const fill = Object.hasOwn(PLACEHOLDERS, name) ? PLACEHOLDERS[name]!(check) : undefined;
    if (fill === undefined) {
      throw new SafetyConfigError(
        check.constraint,
        'required_key_prefix',
        Object.hasOwn(PLACEHOLDERS, name)
          ? `uses \`{${name}}\`, which this check does not know (no worker). Drop it from the prefix.`
          : `uses \`{${name}}\`, which is not a placeholder. Use ${Object.keys(PLACEHOLDERS)
              .map((known) => `\`{${known}}\``)
              .join(', ')}.`,
      );
    }
    return fill;
  });
}

/**
 * The `tenant_isolation` detector: a memory write whose key does not start with config `required_key_prefix` (after
 * {@link expandKeyPrefix}) is a finding. The prefix is required: without it the check cannot be done, and the
 * engine applies `on_error`.
 *
 * `cross_tenant_read_forbidden` is accepted but not checked here: the contract shows the detector memory writes
 * only; reads are kept in the run's key space by the memory's read policy.
 *
 * @example
 * ```ts
 * createTenantIsolationDetector().inspect({ ...check, memoryWrite: { key: 'notes', value: 'x' } });
 * // [{ type: 'tenant_isolation',
 * //    message: 'Memory key `notes` by worker `writer` does not start with `run:run-1:` …', spans: [] }]
 * ```
 */
export function createTenantIsolationDetector(): SafetyDetector {
  return {
    type: 'tenant_isolation',
    scopes: ['pre_memory_write'],
    inspect(check) {
      const write = check.memoryWrite;
      if (write === undefined) return [];
      const template = configString(check.constraint, 'required_key_prefix');
      if (template === undefined || template === '') {
        throw new SafetyConfigError(
          check.constraint,
          'required_key_prefix',
          'is missing: tenant isolation needs the prefix every memory key must have, such as `run:{run_id}:`.',
        );
      }
      const prefix = expandKeyPrefix(check, template);
      if (write.key.startsWith(prefix)) return [];
      const writer = check.workerId === undefined ? '' : ` by worker \`${check.workerId}\``;
      return [
        {
          type: 'tenant_isolation',
          message:
            `Memory key \`${write.key}\`${writer} does not start with \`${prefix}\` (required_key_prefix ` +
            `\`${template}\`). Write under \`${prefix}…\` so that runs do not share state.`,
          spans: [],
        },
      ];
    },
  };
}
