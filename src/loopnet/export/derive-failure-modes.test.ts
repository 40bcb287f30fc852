import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { LoopProgram } from '../../lss/compile/loop-program.js';
import { loadLoopProgramSync } from '../../lss/load-loop-program.js';
import type { TerminationReason } from '../../loop/events/loop-event.js';
import { loopbenchDataDirectory } from '../../loop/tasks/data-directory.js';
import { validateLoopNetRecord } from '../record-schema.js';
import { episodeEvents, type IterationPlan } from './__fixtures__/episode-events.js';
import { deriveFailureModes, type FailureAnalysis } from './derive-failure-modes.js';
import { readEpisodeFacts } from './episode-facts.js';
import { toLoopNetRecord } from './to-loopnet-record.js';

const codeRepair = loadLoopProgramSync(join(loopbenchDataDirectory('code-repair-v1'), 'spec.yaml'));
const debate = loadLoopProgramSync(join(loopbenchDataDirectory('multi-agent-debate-v1'), 'spec.yaml'));

function analyze(program: LoopProgram, plans: IterationPlan[], reason: TerminationReason): FailureAnalysis {
  return deriveFailureModes(program, readEpisodeFacts(program, episodeEvents(program, plans, reason)));
}

/** Two passing scores of the code-repair evaluators. */
function passing(score: number): NonNullable<IterationPlan['scores']> {
  return [
    { id: 'test_runner', type: 'deterministic', score: 1, passed: true },
    { id: 'quality_rubric', score, passed: score >= 0.8 },
  ];
}

function rising(count: number): IterationPlan[] {
  return Array.from({ length: count }, (_, index) => ({
    primary: 0.3 + 0.05 * index,
    outputs: { implementer: `patch ${index}` },
    scores: passing(0.3 + 0.05 * index),
  }));
}

describe('deriveFailureModes', () => {
  it('a success with passing checks is a success without failure modes', () => {
    const analysis = analyze(
      codeRepair,
      [...rising(2), { primary: 0.85, outputs: { implementer: 'final' }, scores: passing(0.85) }],
      'success',
    );
    expect(analysis).toMatchObject({
      outcome: 'success',
      terminationReason: 'goal_met',
      failureModes: [],
      failureMode: undefined,
    });
  });

  it('keeps the taxonomy slugs evaluators report and drops their other codes', () => {
    const analysis = analyze(
      codeRepair,
      [
        {
          primary: 0.5,
          scores: [
            { id: 'quality_rubric', score: 0.5, passed: false, codes: ['fail.self_grade', 'too_long'] },
          ],
        },
      ],
      'max_iterations',
    );
    expect(analysis.iterationCodes).toEqual([['fail.self_grade']]);
    expect(analysis.failureModes).toEqual(['fail.self_grade']);
  });

  it('F12: a safety violation marks its iteration; a safety halt ends in failure', () => {
    const analysis = analyze(
      codeRepair,
      [...rising(1), { primary: 0.4, safety: [{ constraintId: 'secret-scan', outcome: 'halted' }] }],
      'safety_violation',
    );
    expect(analysis.iterationCodes).toEqual([[], ['fail.safety_bypass']]);
    expect(analysis).toMatchObject({
      outcome: 'failure',
      terminationReason: 'safety_violation',
      failureMode: 'fail.safety_bypass',
    });
    // A detector error and a finding a person approved are not violations.
    const cleared = analyze(
      codeRepair,
      [
        {
          primary: 0.4,
          safety: [
            { constraintId: 'secret-scan', outcome: 'approved' },
            { constraintId: 'secret-scan', outcome: 'detector-error' },
          ],
        },
      ],
      'max_iterations',
    );
    expect(cleared.iterationCodes).toEqual([[]]);
  });

  it('F8: spending past a cost limit marks the iteration; a cost or token halt ends in failure', () => {
    const analysis = analyze(
      codeRepair,
      [
        { primary: 0.3, costUsd: 0.25 },
        { primary: 0.4, costUsd: 0.19 },
        { primary: 0.5, costUsd: 0.19 },
      ],
      'cost_exceeded',
    );
    expect(analysis.iterationCodes).toEqual([['fail.resource_bleed'], [], ['fail.resource_bleed']]);
    expect(analysis).toMatchObject({
      outcome: 'failure',
      terminationReason: 'cost_exceeded',
      failureMode: 'fail.resource_bleed',
    });
    expect(analyze(codeRepair, rising(2), 'token_cap')).toMatchObject({
      outcome: 'failure',
      terminationReason: 'budget_exhausted',
      failureMode: 'fail.resource_bleed',
    });
  });

  it('F1: an iteration no evaluator could judge is open; an evaluator-error end is F1', () => {
    const analysis = analyze(
      codeRepair,
      [...rising(1), { primary: null, evaluatorErrors: ['test_runner', 'quality_rubric'] }],
      'evaluator_error',
    );
    expect(analysis.iterationCodes).toEqual([[], ['fail.open_loop']]);
    expect(analysis).toMatchObject({
      outcome: 'failure',
      terminationReason: 'evaluator_error',
      failureMode: 'fail.open_loop',
    });
  });

  it('F3: an evaluator changing its verdict on an unchanged artifact is drift, and explains a stall', () => {
    const plans: IterationPlan[] = [
      {
        primary: 0.5,
        outputs: { implementer: 'patch' },
        scores: [
          { id: 'test_runner', type: 'deterministic', score: 1, passed: true },
          { id: 'quality_rubric', score: 0.5, passed: false },
        ],
      },
      {
        primary: 0.51,
        outputs: { implementer: 'patch' },
        scores: [
          { id: 'test_runner', type: 'deterministic', score: 0.5, passed: false },
          { id: 'quality_rubric', score: 0.51, passed: false },
        ],
      },
    ];
    const analysis = analyze(codeRepair, plans, 'stall');
    expect(analysis.iterationCodes).toEqual([[], ['fail.evaluator_drift']]);
    expect(analysis).toMatchObject({
      outcome: 'failure',
      terminationReason: 'stall',
      failureMode: 'fail.evaluator_drift',
    });
    // Judge noise (same verdict, a move under 0.05) is not drift.
    const noise = analyze(
      codeRepair,
      [
        plans[0]!,
        {
          ...plans[0]!,
          primary: 0.52,
          scores: [
            { id: 'test_runner', type: 'deterministic', score: 1, passed: true },
            { id: 'quality_rubric', score: 0.52, passed: false },
          ],
        },
      ],
      'stall',
    );
    expect(noise.iterationCodes).toEqual([[], []]);
    expect(noise.outcome).toBe('partial');
  });

  it('F6: outputs rejected before that pass unchanged were falsely failed', () => {
    const analysis = analyze(
      debate,
      [
        {
          primary: 0.8,
          outputs: { advocate: 'a', critic: 'c', judge: 'j' },
          scores: [{ id: 'consensus_rubric', score: 0.8, passed: false }],
        },
        {
          primary: 0.7,
          outputs: { advocate: 'a2', critic: 'c2', judge: 'j2' },
          scores: [{ id: 'consensus_rubric', score: 0.7, passed: false }],
        },
        {
          primary: 0.9,
          outputs: { advocate: 'a', critic: 'c', judge: 'j' },
          scores: [{ id: 'consensus_rubric', score: 0.9, passed: true }],
        },
      ],
      'success',
    );
    expect(analysis.iterationCodes[2]).toContain('fail.false_fail');
    expect(analysis.outcome).toBe('success');
    expect(analysis.failureModes).toContain('fail.false_fail');
  });

  it('F7: a goal that changes direction a second time oscillates, and explains the iteration bound', () => {
    const goals = [0.3, 0.5, 0.4, 0.6, 0.45];
    const analysis = analyze(
      codeRepair,
      goals.map((primary, index) => ({ primary, outputs: { implementer: `p${index}` } })),
      'max_iterations',
    );
    expect(analysis.iterationCodes).toEqual([[], [], [], ['fail.oscillation'], ['fail.oscillation']]);
    expect(analysis).toMatchObject({
      outcome: 'failure',
      terminationReason: 'max_iterations',
      failureMode: 'fail.oscillation',
    });
  });

  it('F11: a rollback, or a second fall right after an optimizer change, is meta-instability', () => {
    const rollback = analyze(
      codeRepair,
      [
        { primary: 0.5, outputs: { implementer: 'a' } },
        { primary: 0.4, outputs: { implementer: 'b' }, optimization: 'rollback' },
        { primary: 0.45, outputs: { implementer: 'c' } },
      ],
      'max_iterations',
    );
    expect(rollback.iterationCodes[1]).toEqual(['fail.meta_instability']);
    const plans: IterationPlan[] = [0.5, 0.4, 0.45, 0.35].map((primary, index) => ({
      primary,
      outputs: { implementer: `p${index}` },
      optimization: 'refine',
    }));
    const falls = analyze(codeRepair, plans, 'stall');
    expect(falls.iterationCodes[1]).toEqual([]);
    expect(falls.iterationCodes[3]).toContain('fail.meta_instability');
  });

  it('F9: a refused memory write is a state conflict', () => {
    const analysis = analyze(codeRepair, [{ primary: 0.5, memory: ['written', 'denied'] }], 'max_iterations');
    expect(analysis.iterationCodes).toEqual([['fail.state_corruption']]);
  });

  it('F10: a multi-worker iteration whose final output never came, and a timeout end, are deadlocks', () => {
    const analysis = analyze(
      debate,
      [
        { primary: 0.5 },
        {
          primary: null,
          outputs: { advocate: 'a' },
          workerErrors: [{ workerId: 'critic', code: 'timeout' }],
        },
      ],
      'timeout',
    );
    expect(analysis.iterationCodes).toEqual([[], ['fail.orchestration_deadlock']]);
    expect(analysis).toMatchObject({
      outcome: 'failure',
      terminationReason: 'timeout',
      failureMode: 'fail.orchestration_deadlock',
    });
  });

  it('F5: a declared success a deterministic check contradicts is a false pass', () => {
    const analysis = analyze(
      codeRepair,
      [
        {
          primary: 0.9,
          scores: [
            { id: 'test_runner', type: 'deterministic', score: 0.67, passed: false },
            { id: 'quality_rubric', score: 0.9, passed: true },
          ],
        },
      ],
      'success',
    );
    expect(analysis).toMatchObject({
      outcome: 'failure',
      terminationReason: 'goal_met',
      failureMode: 'fail.false_pass',
    });
  });

  it('F2: a sole rubric judged by the model of the worker it grades is self-grading (when the loop fails)', () => {
    const plans: IterationPlan[] = [0.3, 0.4, 0.5].map((primary) => ({
      primary,
      outputs: { advocate: 'a', critic: 'c', judge: `verdict ${primary}` },
      scores: [{ id: 'consensus_rubric', score: primary, passed: false }],
    }));
    const analysis = analyze(debate, plans, 'max_iterations');
    expect(analysis).toMatchObject({
      outcome: 'partial',
      failureModes: ['fail.self_grade'],
      failureMode: undefined,
    });
    // The judge's model answering for the judge worker decides, not the spec: another model is no self-grading.
    const events = episodeEvents(
      debate,
      plans.map((plan) => ({ ...plan, models: { judge: 'openai:gpt-4.1' } })),
      'max_iterations',
    );
    expect(deriveFailureModes(debate, readEpisodeFacts(debate, events)).failureModes).toEqual([]);
  });

  it('F4: running into the implicit bound of a spec without max_iterations is τ omission', () => {
    const unbounded: LoopProgram = {
      ...codeRepair,
      termination: { ...codeRepair.termination, maxIterationsSource: 'optimization_strategy.max_steps' },
    };
    expect(analyze(unbounded, rising(6), 'max_iterations')).toMatchObject({
      outcome: 'failure',
      failureMode: 'fail.tau_omission',
    });
    expect(analyze(codeRepair, rising(6), 'max_iterations')).toMatchObject({
      outcome: 'partial',
      failureModes: [],
    });
  });

  it('people stopping the loop is a partial human stop', () => {
    for (const reason of ['human_rejected', 'escalated'] as const) {
      expect(analyze(codeRepair, rising(2), reason)).toMatchObject({
        outcome: 'partial',
        terminationReason: 'human_stop',
      });
    }
  });
});

describe('toLoopNetRecord on made-up episodes', () => {
  it('writes safety events, human interventions and tokens per iteration, and scores a severe halt 0 for safety', () => {
    const events = episodeEvents(
      codeRepair,
      [
        { primary: 0.4, human: [{ decision: 'approve', waitedSeconds: 30 }], tokens: 120 },
        { primary: 0.5, human: [{ decision: 'timeout', waitedSeconds: 60 }], tokens: 80 },
        { primary: 0.6, safety: [{ constraintId: 'secret-scan', outcome: 'halted' }] },
      ],
      'safety_violation',
      { backend: 'live', seed: 7, taskId: 'cr-002' },
    );
    const record = toLoopNetRecord(
      { program: codeRepair, events },
      { createdAt: new Date(0), loopGymVersion: '9.9.9' },
    );
    expect(validateLoopNetRecord(record).valid).toBe(true);
    expect(
      record.trajectory.map((iteration) => [
        iteration.safety_events,
        iteration.human_intervention,
        iteration.tokens,
      ]),
    ).toEqual([
      [0, true, 120],
      [0, false, 80],
      [1, false, 100],
    ]);
    expect(record.les_observed.categories.safety).toBe(0);
    expect(record.source).toBe('community');
    expect(record.metadata.tags).toEqual(
      expect.arrayContaining(['backend:live', 'seed:7', 'task:cr-002', 'loopgym:9.9.9']),
    );
    const text = JSON.stringify(record);
    for (const secret of [
      'the task input text',
      'a hint that must not',
      'an API key',
      'a person said so',
      'model answer text',
    ])
      expect(text).not.toContain(secret);
  });

  it('refuses an unfinished episode and one without iterations, saying why', () => {
    const events = episodeEvents(codeRepair, [{ primary: 0.4 }], 'max_iterations');
    expect(() => toLoopNetRecord({ program: codeRepair, events: events.slice(0, -1) })).toThrow(
      /did not finish/,
    );
    const empty = [events[0]!, { ...events.at(-1)!, seq: 1 }];
    expect(() => toLoopNetRecord({ program: codeRepair, events: empty })).toThrow(
      /before its first iteration/,
    );
  });
});
