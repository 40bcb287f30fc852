import { describe, expect, it } from 'vitest';
import { baseSpec, changed, summary } from './__fixtures__/base-spec.js';
import { checkOptimizationTargets } from './check-optimization-targets.js';

describe('checkOptimizationTargets', () => {
  it('finds nothing when the optimizer refines declared workers', () => {
    expect(checkOptimizationTargets(baseSpec())).toEqual([]);
    expect(checkOptimizationTargets(changed((spec) => delete spec.optimization_strategy.config))).toEqual([]);
  });

  it('reports an undeclared refinement target', () => {
    const problems = checkOptimizationTargets(
      changed((spec) => (spec.optimization_strategy.config!.refinement_target = 'workers.wirter')),
    );
    expect(problems).toEqual([
      {
        severity: 'error',
        rule: 'reference',
        message: 'The optimizer refines `workers.wirter`, which is not a declared worker.',
        path: ['optimization_strategy', 'config', 'refinement_target'],
        fix: 'Did you mean `workers.writer`?',
      },
    ]);
  });

  it('reports each undeclared secondary target', () => {
    const problems = checkOptimizationTargets(
      changed(
        (spec) =>
          (spec.optimization_strategy.config!.secondary_targets = ['workers.researcher', 'workers.editor']),
      ),
    );
    expect(summary(problems)).toEqual(['error [reference] optimization_strategy.config.secondary_targets.1']);
    expect(problems[0]!.fix).toBe('Use a declared worker: `workers.researcher` or `workers.writer`.');
  });

  it('leaves other shapes to the schema pattern', () => {
    for (const target of ['writer', 'workers.', 'evaluators.judge', 3, null]) {
      const spec: unknown = changed((s) => {
        (s.optimization_strategy as { config: unknown }).config = {
          refinement_target: target,
          secondary_targets: 'x',
        };
      });
      expect(checkOptimizationTargets(spec)).toEqual([]);
    }
    expect(checkOptimizationTargets({ optimization_strategy: { config: [] } })).toEqual([]);
  });
});
