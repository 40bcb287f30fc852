// The services a loop episode uses, with LoopGym's built-ins as defaults.
import { DEFAULT_PRICE_TABLE } from '../models/price-table.js';
import type { LoopServices } from './engine/loop-run.js';
import { createDefaultEvaluatorRegistry } from './evaluators/deterministic/create-default-evaluator-registry.js';
import { GraderCache } from './evaluators/grader-cache.js';
import { scriptedHumanGate } from './human-gate.js';
import { InMemoryMemoryBackend } from './loop-memory.js';
import { tagsFromValues } from './safety/human-gate-detector.js';
import { createSafetyDetectorRegistry } from './safety/safety-detector-registry.js';
import { ToolRegistry } from './tool-registry.js';

/** One grader cache for the whole process unless a run asks for its own. */
const sharedGraderCache = new GraderCache();

/**
 * Services for loop episodes: the built-in deterministic evaluators and safety detectors (`human_gate` reads its
 * tags from the task's inputs, e.g. `risk_tier: high` → `risk_tier_high`), no tools, a human gate that approves
 * everything, the default price table, a process-wide grader cache, and `persistent` memory kept in this process for
 * as long as these services live (pass the run store's `memoryBackend()` to keep it across processes). Any part can
 * be replaced.
 *
 * @example
 * ```ts
 * const services = createLoopServices({ humanGate: probabilisticHumanGate({ approve: 0.7, seed: 1 }) });
 * ```
 */
export function createLoopServices(overrides: Partial<LoopServices> = {}): LoopServices {
  const tools = overrides.tools ?? new ToolRegistry();
  return {
    evaluators: overrides.evaluators ?? createDefaultEvaluatorRegistry(),
    safetyDetectors:
      overrides.safetyDetectors ??
      createSafetyDetectorRegistry({
        toolSchema: (name) => tools.definitionsFor([name])[0]?.parameters,
        tags: (check) => tagsFromValues(check.run.inputs),
      }),
    tools,
    humanGate: overrides.humanGate ?? scriptedHumanGate([]),
    priceTable: overrides.priceTable ?? DEFAULT_PRICE_TABLE,
    graderCache: overrides.graderCache ?? sharedGraderCache,
    memoryBackend: overrides.memoryBackend ?? new InMemoryMemoryBackend(),
  };
}
