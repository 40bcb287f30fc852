// The detectors of a run, by constraint type: the built-in ones, or the user's in their place.
import { LoopGymError } from '../../core/errors.js';
import type { SafetyConstraintType } from '../../lss/loop-spec.js';
import { createEgressMonitorDetector } from './egress-monitor-detector.js';
import { createHumanGateDetector, type HumanGateOptions } from './human-gate-detector.js';
import { createInjectionDetectDetector } from './injection-detect-detector.js';
import { createOutputBoundsDetector } from './output-bounds-detector.js';
import { createPiiDetectDetector } from './pii-detect-detector.js';
import { createRateLimitDetector } from './rate-limit-detector.js';
import type { SafetyDetector } from './safety-detector.js';
import { createSchemaEnforceDetector, type SchemaEnforceOptions } from './schema-enforce-detector.js';
import { createSecretScanDetector } from './secret-scan-detector.js';
import { createTenantIsolationDetector } from './tenant-isolation-detector.js';
import { createToolAllowlistDetector, type ToolAllowlistOptions } from './tool-allowlist-detector.js';

/** What the built-in detectors need from the engine: tool schemas, schema files, run tags. */
export type SafetyDetectorRegistryOptions = ToolAllowlistOptions & SchemaEnforceOptions & HumanGateOptions;

/**
 * Detectors by constraint type, one per type.
 *
 * @example
 * ```ts
 * const registry = new SafetyDetectorRegistry([createSecretScanDetector()]);
 * registry.get('secret_scan')?.inspect(check);
 * ```
 */
export class SafetyDetectorRegistry {
  private readonly detectors = new Map<SafetyConstraintType, SafetyDetector>();

  constructor(detectors: Iterable<SafetyDetector> = []) {
    for (const detector of detectors) this.register(detector);
  }

  /**
   * Adds a detector. A type that already has one is refused unless `replace` is set (so that a built-in is not
   * swapped by accident).
   */
  register(detector: SafetyDetector, options: { replace?: boolean } = {}): this {
    if (this.detectors.has(detector.type) && options.replace !== true) {
      throw new LoopGymError(
        `A detector for \`${detector.type}\` is already registered. Pass { replace: true } to use yours instead.`,
        { code: 'duplicate-safety-detector' },
      );
    }
    this.detectors.set(detector.type, detector);
    return this;
  }

  has(type: SafetyConstraintType): boolean {
    return this.detectors.has(type);
  }

  get(type: SafetyConstraintType): SafetyDetector | undefined {
    return this.detectors.get(type);
  }

  /** The detector of a type, or an error that says how to provide one. */
  require(type: SafetyConstraintType): SafetyDetector {
    const detector = this.detectors.get(type);
    if (detector === undefined) {
      throw new LoopGymError(
        `No safety detector is registered for \`${type}\`. Register one with registry.register(detector).`,
        { code: 'unknown-safety-detector' },
      );
    }
    return detector;
  }

  /** The registered types, sorted. */
  types(): SafetyConstraintType[] {
    return [...this.detectors.keys()].sort();
  }
}

/**
 * A registry with the built-in detector of every constraint type. The options reach the detectors that need them:
 * `toolSchema` (`tool_allowlist` with `validate_args_schema`), `resolveSchema` (`schema_enforce` with `schema_ref`
 * or the worker's output schema) and `tags` (`human_gate` with `required_for`).
 *
 * @example
 * ```ts
 * const registry = createSafetyDetectorRegistry({ toolSchema: (name) => tools.get(name)?.definition.parameters });
 * registry.require('tool_allowlist').inspect(check);
 * registry.register(myInjectionClassifier, { replace: true });
 * ```
 */
export function createSafetyDetectorRegistry(
  options: SafetyDetectorRegistryOptions = {},
): SafetyDetectorRegistry {
  return new SafetyDetectorRegistry([
    createInjectionDetectDetector(),
    createSecretScanDetector(),
    createPiiDetectDetector(),
    createEgressMonitorDetector(),
    createToolAllowlistDetector({ toolSchema: options.toolSchema }),
    createSchemaEnforceDetector({ resolveSchema: options.resolveSchema }),
    createHumanGateDetector({ tags: options.tags }),
    createTenantIsolationDetector(),
    createOutputBoundsDetector(),
    createRateLimitDetector(),
  ]);
}
