import { describe, expect, it } from 'vitest';
import type { LoopSpec } from '../../loop-spec.js';
import { baseSpec, changed } from './__fixtures__/base-spec.js';
import { checkTerminationBound } from './check-termination-bound.js';

function withoutMaxIterations(spec: LoopSpec): void {
  spec.termination_conditions.failure = [{ type: 'safety_violation', action: 'halt' }];
}

describe('checkTerminationBound', () => {
  it('finds nothing when a `max_iterations` failure condition bounds the loop', () => {
    expect(checkTerminationBound(baseSpec())).toEqual([]);
    const spec = changed((s) => {
      s.termination_conditions.failure!.push({ type: 'max_iterations', value: 3, action: 'escalate_human' });
      delete (s.optimization_strategy as { max_steps?: number }).max_steps;
      s.cost_limits.on_exceed.action = 'warn';
    });
    expect(checkTerminationBound(spec)).toEqual([]);
  });

  it('reports a loop that nothing bounds', () => {
    const spec = changed((s) => {
      withoutMaxIterations(s);
      delete (s.optimization_strategy as { max_steps?: number }).max_steps;
      s.cost_limits.on_exceed.action = 'warn';
    });
    expect(checkTerminationBound(spec)).toEqual([
      {
        severity: 'error',
        rule: 'termination-bound',
        message:
          'Nothing bounds the loop: no `max_iterations` failure condition, no `optimization_strategy.max_steps`, and no positive `cost_limits.cumulative_usd` that halts when exceeded.',
        path: ['termination_conditions'],
        anchor: 'key',
        fix: 'Add `- { type: max_iterations, value: 10, action: halt }` to `termination_conditions.failure`.',
      },
    ]);
  });

  it('does not count a cost limit of zero, one that only warns, or a `max_iterations` without a usable value', () => {
    for (const change of [
      (s: LoopSpec) => (s.cost_limits.cumulative_usd = 0),
      (s: LoopSpec) => (s.cost_limits.on_exceed.action = 'throttle'),
    ]) {
      const spec = changed((s) => {
        s.termination_conditions.failure = [{ type: 'max_iterations', value: 0 }, { type: 'max_iterations' }];
        delete (s.optimization_strategy as { max_steps?: number }).max_steps;
        change(s);
      });
      expect(checkTerminationBound(spec).map((problem) => problem.severity)).toEqual(['error']);
    }
  });

  it('warns when only `optimization_strategy.max_steps` bounds the iterations, suggesting the same bound', () => {
    const spec = changed((s) => {
      withoutMaxIterations(s);
      s.cost_limits.on_exceed.action = 'warn';
    });
    expect(checkTerminationBound(spec)).toEqual([
      expect.objectContaining({
        severity: 'warning',
        message:
          'There is no `max_iterations` failure condition; the loop stops only after `optimization_strategy.max_steps` (5) iterations.',
        fix: 'Add `- { type: max_iterations, value: 5, action: halt }` to `termination_conditions.failure`.',
      }),
    ]);
  });

  it('warns when the steps and the halting cost limit are the only bounds', () => {
    const [problem] = checkTerminationBound(changed(withoutMaxIterations));
    expect(problem!.severity).toBe('warning');
    expect(problem!.message).toBe(
      'There is no `max_iterations` failure condition; the loop stops only after `optimization_strategy.max_steps` (5) iterations or when it has spent `cost_limits.cumulative_usd` ($2).',
    );
    const costOnly = changed((s) => {
      withoutMaxIterations(s);
      delete (s.optimization_strategy as { max_steps?: number }).max_steps;
    });
    expect(checkTerminationBound(costOnly)[0]!.message).toBe(
      'There is no `max_iterations` failure condition; the loop stops only when it has spent `cost_limits.cumulative_usd` ($2).',
    );
  });

  it('points at the document when `termination_conditions` is missing, and never throws', () => {
    expect(checkTerminationBound({})[0]).toMatchObject({ severity: 'error', path: [] });
    expect(checkTerminationBound({ termination_conditions: { failure: 'max_iterations' } })[0]!.path).toEqual(
      ['termination_conditions'],
    );
    for (const document of [undefined, null, [], 'x', { optimization_strategy: { max_steps: '5' } }]) {
      expect(checkTerminationBound(document)[0]!.severity).toBe('error');
    }
  });
});
