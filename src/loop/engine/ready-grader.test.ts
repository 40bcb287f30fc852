import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { DeterministicEvaluatorProgram } from '../../lss/compile/loop-program.js';
import { compileSpec } from '../../lss/compile/compile-spec.js';
import type { LoopSpec } from '../../lss/loop-spec.js';
import { parseSpecText } from '../../lss/parse/parse-spec.js';
import { createDefaultEvaluatorRegistry } from '../evaluators/deterministic/create-default-evaluator-registry.js';
import type { DeterministicEvaluator } from '../evaluators/deterministic/deterministic-evaluator.js';
import { GraderCache } from '../evaluators/grader-cache.js';
import { loopbenchDataDirectory } from '../tasks/data-directory.js';
import { loadTaskSetSync } from '../tasks/load-task-set.js';
import { readyGrader } from './ready-grader.js';
import type { EvaluatorLookup } from './run-evaluators.js';

const directory = loopbenchDataDirectory('research-synthesis-v1');
const program = compileSpec(parseSpecText(readFileSync(`${directory}/spec.yaml`, 'utf8')).value as LoopSpec);
const { tasks } = loadTaskSetSync(directory);
const evaluator = program.evaluators.find(
  (candidate): candidate is DeterministicEvaluatorProgram => candidate.type === 'deterministic',
)!;

/** The default registry, counting parameter checks. */
function countingLookup(): EvaluatorLookup & { checks: number } {
  const registry = createDefaultEvaluatorRegistry();
  const lookup = {
    checks: 0,
    get: (name: string) => registry.get(name),
    resolveParameters(
      implementation: DeterministicEvaluator,
      raw: unknown,
      options: { evaluatorId?: string },
    ) {
      lookup.checks++;
      return registry.resolveParameters(implementation, raw, options);
    },
  };
  return lookup;
}

describe('readyGrader', () => {
  it('checks an evaluator’s parameters once per task and lookup, with the same result as a fresh check', () => {
    const lookup = countingLookup();
    const [first, second] = tasks;
    const ready = readyGrader(evaluator, { program, task: first!, evaluators: lookup });
    expect(readyGrader(evaluator, { program, task: first!, evaluators: lookup })).toBe(ready);
    expect(lookup.checks).toBe(1);
    const fresh = countingLookup();
    const again = readyGrader(evaluator, { program, task: first!, evaluators: fresh });
    expect(fresh.checks).toBe(1);
    expect(again.parameters).toEqual(ready.parameters);
    expect(again.keyPrefix).toBe(ready.keyPrefix);
    readyGrader(evaluator, { program, task: second!, evaluators: lookup });
    expect(lookup.checks).toBe(2);
    expect(ready.keyPrefix).toBe(
      GraderCache.digest(
        JSON.stringify([evaluator.implementation, first!.id, first!.root ?? null, ready.parameters]),
      ),
    );
  });

  it('fails each time the parameters do not check (nothing is kept)', () => {
    const registry = createDefaultEvaluatorRegistry();
    let checks = 0;
    const refusing: EvaluatorLookup = {
      get: (name) => registry.get(name),
      resolveParameters: () => {
        checks++;
        throw new Error('bad parameters');
      },
    };
    const place = { program, task: tasks[0]!, evaluators: refusing };
    expect(() => readyGrader(evaluator, place)).toThrow('bad parameters');
    expect(() => readyGrader(evaluator, place)).toThrow('bad parameters');
    expect(checks).toBe(2);
  });
});
