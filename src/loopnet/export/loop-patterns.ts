// The LoopNet pattern slugs of a loop: those its spec declares, else those its shape shows.
import type { LoopProgram } from '../../lss/compile/loop-program.js';
import { PATTERN_SLUGS, type PatternSlug } from '../loopnet-record.js';

const IS_PATTERN = new Set<string>(PATTERN_SLUGS);

/** Words of evaluator implementations, rubric dimensions and tools that mark a gather-and-synthesize loop. */
const RESEARCH_WORDS = /citation|source|fact|coverage|evidence|search|retriev|browse|fetch/i;

/** One shape rule: the pattern and whether a program has its shape. Listed outermost first. */
interface PatternRule {
  slug: PatternSlug;
  holds(program: LoopProgram): boolean;
}

/**
 * The shape rules, outermost first (the order loop-ids.md asks records to list patterns in):
 *
 * - `safety-constrained-loop`: the spec declares safety constraints.
 * - `human-in-the-loop`: a human evaluator, a `human_gate` constraint or `escalate_human` action (in a constraint or
 *   a termination rule), a `manual` optimizer, or `human_gate_on`.
 * - `multi-agent-coordination`: three or more workers, or a worker that merges two or more workers' outputs.
 * - `debate-loop`: a worker merges two or more workers, one of which answers another (an exchange, then a judge).
 * - `planning-loop`: a worker whose output name or id says plan feeds another worker.
 * - `research-loop`: an evaluator, rubric dimension or tool about citations, sources, facts, coverage, evidence or
 *   retrieval.
 * - `memory-augmented-loop`: persistent memory, or a worker reading memory.
 * - `optimization-loop`: a `parameter_search` optimizer.
 * - `recursive-improvement-loop`: a `structural` optimizer (the loop edits its own structure).
 * - `verification-loop`: a deterministic evaluator feeds back (to a worker or the optimizer).
 * - `critique-loop`: a rubric judge's verdict feeds back to a worker.
 * - `reflection-loop`: evaluation feeds the optimizer, which refines the worker's own instructions.
 *
 * @example
 * ```ts
 * PATTERN_RULES.map((rule) => rule.slug);
 * ```
 */
export const PATTERN_RULES: readonly PatternRule[] = Object.freeze([
  { slug: 'safety-constrained-loop', holds: (program) => program.safety.constraints.length > 0 },
  {
    slug: 'human-in-the-loop',
    holds: (program) =>
      program.evaluators.some((evaluator) => evaluator.type === 'human') ||
      program.safety.constraints.some(
        (constraint) => constraint.type === 'human_gate' || constraint.action === 'escalate_human',
      ) ||
      program.termination.failure.some((rule) => rule.action === 'escalate_human') ||
      program.termination.stall.some((rule) => rule.action === 'escalate_human') ||
      program.optimization.type === 'manual' ||
      program.optimization.humanGateOn !== undefined,
  },
  {
    slug: 'multi-agent-coordination',
    holds: (program) => program.workers.length >= 3 || mergingWorkers(program).length > 0,
  },
  {
    slug: 'debate-loop',
    holds: (program) =>
      mergingWorkers(program).some((merged) =>
        merged.some((id) =>
          program.workers
            .find((worker) => worker.id === id)
            ?.dependsOn.some((other) => merged.includes(other)),
        ),
      ),
  },
  {
    slug: 'planning-loop',
    holds: (program) =>
      program.workers.some(
        (worker) =>
          /plan/i.test(`${worker.id} ${worker.output.name}`) &&
          program.workers.some((other) => other.dependsOn.includes(worker.id)),
      ),
  },
  {
    slug: 'research-loop',
    holds: (program) =>
      program.evaluators.some(
        (evaluator) =>
          (evaluator.type === 'deterministic' && RESEARCH_WORDS.test(evaluator.implementation)) ||
          (evaluator.type === 'llm_rubric' &&
            evaluator.dimensions.some((dimension) => RESEARCH_WORDS.test(dimension.name))),
      ) || program.workers.some((worker) => worker.tools.some((tool) => RESEARCH_WORDS.test(tool))),
  },
  {
    slug: 'memory-augmented-loop',
    holds: (program) =>
      program.memory.type === 'persistent' ||
      program.workers.some((worker) => worker.inputs.some((input) => input.kind === 'memory')),
  },
  { slug: 'optimization-loop', holds: (program) => program.optimization.type === 'parameter_search' },
  { slug: 'recursive-improvement-loop', holds: (program) => program.optimization.type === 'structural' },
  {
    slug: 'verification-loop',
    holds: (program) =>
      program.evaluators.some(
        (evaluator) => evaluator.type === 'deterministic' && evaluator.feedbackChannels.length > 0,
      ),
  },
  {
    slug: 'critique-loop',
    holds: (program) =>
      program.feedback.some(
        (route) =>
          route.destination.kind === 'worker' &&
          route.source.kind === 'evaluator' &&
          program.evaluators.find((evaluator) => evaluator.id === route.source.id)?.type === 'llm_rubric',
      ),
  },
  {
    slug: 'reflection-loop',
    holds: (program) =>
      program.feedback.some(
        (route) => route.source.kind === 'evaluator' && route.destination.kind === 'optimizer',
      ),
  },
]);

/**
 * The pattern slugs of a loop, outermost first. Slugs the spec declares (`extensions.patterns` or
 * `extensions.pattern`, as LoopNet's own records and loop-ids.md write them, or `x_patterns`/`x_pattern`) come
 * first, in their order; unknown slugs among them are ignored. Then every {@link PATTERN_RULES} rule that holds.
 * A loop no rule describes is a `reflection-loop` (it iterates on its own output under evaluation), since a record
 * names at least one pattern.
 *
 * @example
 * ```ts
 * loopPatterns(program); // ['safety-constrained-loop', 'verification-loop', 'reflection-loop']
 * ```
 */
export function loopPatterns(program: LoopProgram): PatternSlug[] {
  const found = new Set<PatternSlug>(declaredPatterns(program));
  for (const rule of PATTERN_RULES) if (rule.holds(program)) found.add(rule.slug);
  if (found.size === 0) found.add('reflection-loop');
  return [...found];
}

/**
 * The known pattern slugs a spec declares in its extensions, in order.
 *
 * @example
 * ```ts
 * declaredPatterns(program); // ['debate-loop']
 * ```
 */
export function declaredPatterns(program: LoopProgram): PatternSlug[] {
  const extensions = program.extensions;
  const block = extensions['extensions'];
  const sources: unknown[] = [extensions['x_patterns'], extensions['x_pattern']];
  if (block !== null && typeof block === 'object') {
    const record = block as Record<string, unknown>;
    sources.unshift(record['patterns'], record['pattern']);
  }
  const slugs: PatternSlug[] = [];
  for (const source of sources) {
    const values = Array.isArray(source) ? (source as unknown[]) : [source];
    for (const value of values) {
      if (typeof value === 'string' && IS_PATTERN.has(value) && !slugs.includes(value as PatternSlug))
        slugs.push(value as PatternSlug);
    }
  }
  return slugs;
}

/** For each worker that reads two or more workers' outputs, the ids it merges. */
function mergingWorkers(program: LoopProgram): string[][] {
  return program.workers
    .map((worker) => [
      ...new Set([
        ...worker.dependsOn,
        ...worker.inputs.flatMap((input) => (input.kind === 'worker' ? [input.workerId] : [])),
      ]),
    ])
    .filter((merged) => merged.length >= 2);
}
