// The real, valid LSS documents kept as fixtures, parsed once for the tests of the semantic rules.
import { readFileSync } from 'node:fs';
import { parseSpecText } from '../../../parse/parse-spec.js';

// Relative to the repository root, where vitest runs.
const SPECS = 'src/lss/__fixtures__/specs';

/** Every real spec file: the LoopBench environments, the Loop-Core examples, the submissions and a composition. */
export const REAL_SPEC_FILES: readonly string[] = [
  ...[
    'code-repair-v1',
    'composed-swarm-v1',
    'hitl-gate-v1',
    'multi-agent-debate-v1',
    'rag-retrieval-v1',
    'research-synthesis-v1',
    'safety-constrained-v1',
  ].map((id) => `${SPECS}/loopbench-envs/${id}/spec.yaml`),
  `${SPECS}/loop-core/minimal-loop.yaml`,
  `${SPECS}/loop-core/research-loop.yaml`,
  `${SPECS}/loop-core/multi-agent-loop.yaml`,
  `${SPECS}/submissions/spec-fast-loop.yaml`,
  `${SPECS}/submissions/spec-thorough-loop.yaml`,
  `${SPECS}/compositions/scenario-swarm-rehearsal.yaml`,
];

/**
 * The document of a real spec file, parsed with `parseSpecText` (fails when the file has a syntax problem).
 *
 * @example
 * ```ts
 * const document = realSpec(REAL_SPEC_FILES[0]!);
 * ```
 */
export function realSpec(file: string): unknown {
  const parsed = parseSpecText(readFileSync(file, 'utf8'), { file });
  if (parsed.problems.length > 0) throw new Error(`${file} does not parse: ${parsed.problems[0]!.message}`);
  return parsed.value;
}
