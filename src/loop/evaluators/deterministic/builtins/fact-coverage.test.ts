import { describe, expect, it } from 'vitest';
import type { ReferenceFact, TaskSource } from '../../../tasks/loop-task.js';
import { makeTask, runEvaluator } from '../__fixtures__/evaluation-context.js';
import { MissingTaskMaterialError } from '../deterministic-evaluator-errors.js';
import { factCoverage } from './fact-coverage.js';

const referenceFacts: ReferenceFact[] = [
  {
    id: 'F1',
    statement: 'Pilot production starts in 2027-2028.',
    keywords: [
      ['2027', '2028'],
      ['pilot', 'sample'],
    ],
    sourceIds: ['S1'],
    weight: 2,
  },
  {
    id: 'F2',
    statement: 'Costs stay above lithium-ion until 2030.',
    keywords: [['cost', 'price'], ['2030']],
    sourceIds: ['S2'],
  },
  { id: 'F3', statement: 'Sulfide electrolytes lead.', keywords: [['sulfide']], sourceIds: ['S1', 'S2'] },
];
const sources: TaskSource[] = [
  { id: 'S1', title: 'Roadmap', text: '' },
  { id: 'S2', title: 'Costs', text: '' },
];
const task = makeTask({ referenceFacts, sources });

describe('evaluators.fact_coverage', () => {
  it('scores the weighted share of facts whose keyword groups all match', async () => {
    const verdict = await runEvaluator(factCoverage, {
      outputs: ['Sample cells ship in 2028; SULFIDE designs lead. Costs fall.'],
      task,
    });
    expect(verdict.score).toBeCloseTo(3 / 4);
    expect(verdict.failureCodes).toEqual(['missing_fact']);
    expect(verdict.remediationHints).toEqual(['Cover: Costs stay above lithium-ion until 2030.']);
    expect(verdict.details).toEqual({ covered: 2, facts: 3, missing: ['F2'] });
  });

  it('lists missing facts heaviest first', async () => {
    const verdict = await runEvaluator(factCoverage, { outputs: ['nothing relevant'], task });
    expect(verdict.score).toBe(0);
    expect(verdict.remediationHints[0]).toBe('Cover: Pilot production starts in 2027-2028.');
  });

  it('with require_citation, counts a fact only when a supporting source is cited', async () => {
    const text = 'Pilot lines in 2027 [S2]. Price parity by 2030 [S2]. Sulfide leads.';
    const verdict = await runEvaluator(factCoverage, {
      outputs: [text],
      task,
      parameters: { require_citation: true },
    });
    expect(verdict.details).toMatchObject({ missing: ['F1'] });
    expect(verdict.remediationHints).toEqual(['Cover, citing S1: Pilot production starts in 2027-2028.']);
    const threshold = await runEvaluator(factCoverage, {
      outputs: [text],
      task,
      parameters: { pass_threshold: 0.5 },
    });
    expect(threshold.passed).toBe(true);
  });

  it('needs reference facts', async () => {
    await expect(runEvaluator(factCoverage, { outputs: ['x'] })).rejects.toThrow(MissingTaskMaterialError);
  });
});
