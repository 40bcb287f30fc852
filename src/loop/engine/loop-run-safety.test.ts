import { describe, expect, it } from 'vitest';
import type { SafetyAction, SafetyConstraintSpec, SafetyScope } from '../../lss/loop-spec.js';
import { scriptedHumanGate } from '../human-gate.js';
import { eventsOf, flagWordDetector, runTestLoop, testProgram } from './__fixtures__/engine-harness.js';

function withConstraint(
  action: SafetyAction,
  scope: SafetyScope = 'post_worker',
  extra: Partial<SafetyConstraintSpec> = {},
) {
  return testProgram((spec) => {
    spec.safety_constraints = [
      { id: 'guard', type: 'secret_scan', scope, applies_to: ['drafter'], action, ...extra },
    ];
  });
}

const detectors = [flagWordDetector('secret_scan')];

describe('LoopRun: safety actions', () => {
  it('halt stops the loop as a safety violation', async () => {
    const { outcomes, events } = await runTestLoop(withConstraint('halt'), {
      answers: ['quality 0.5', 'quality 0.6 SECRET'],
      detectors,
    });
    expect(outcomes.map((o) => o.reason)).toEqual([undefined, 'safety_violation']);
    expect(outcomes.at(-1)?.terminated).toBe(true);
    expect(eventsOf(events, 'safety-event')).toEqual([
      expect.objectContaining({
        constraintId: 'guard',
        action: 'halt',
        outcome: 'halted',
        findings: ['found SECRET'],
      }),
    ]);
    // The halted output is never judged.
    expect(eventsOf(events, 'evaluator-score')).toHaveLength(1);
  });

  it('quarantine drops the output and the loop goes on', async () => {
    const { outcomes, events } = await runTestLoop(withConstraint('quarantine'), {
      answers: ['quality 0.6 SECRET', 'quality 0.9'],
      detectors,
    });
    expect(outcomes.map((o) => o.reason)).toEqual([undefined, 'success']);
    expect(outcomes[0]?.outputs.has('drafter')).toBe(false);
    expect(eventsOf(events, 'evaluator-error')[0]?.message).toContain('produced no output');
  });

  it('strip redacts what was found and keeps the rest', async () => {
    const { outcomes } = await runTestLoop(withConstraint('strip'), {
      answers: ['quality 0.9 key SECRET here'],
      detectors,
    });
    expect(outcomes[0]?.outputs.get('drafter')?.raw).toBe('quality 0.9 key [REDACTED:secret] here');
    expect(outcomes[0]?.reason).toBe('success');
  });

  it('warn records the finding and changes nothing', async () => {
    const { outcomes, events } = await runTestLoop(withConstraint('warn'), {
      answers: ['quality 0.9 SECRET'],
      detectors,
    });
    expect(outcomes[0]?.outputs.get('drafter')?.raw).toBe('quality 0.9 SECRET');
    expect(eventsOf(events, 'safety-event')[0]?.outcome).toBe('warned');
  });

  it('escalate_human goes on when a person approves and drops the output when they reject', async () => {
    const approved = await runTestLoop(withConstraint('escalate_human'), {
      answers: ['quality 0.9 SECRET'],
      detectors,
      humanGate: scriptedHumanGate(['approve']),
    });
    expect(approved.outcomes[0]?.reason).toBe('success');
    const rejected = await runTestLoop(withConstraint('escalate_human'), {
      answers: ['quality 0.9 SECRET', 'quality 0.9'],
      detectors,
      humanGate: scriptedHumanGate(['reject', 'approve']),
    });
    expect(rejected.outcomes[0]?.outputs.has('drafter')).toBe(false);
    expect(eventsOf(rejected.events, 'human-decision')[0]).toMatchObject({
      gateId: 'guard',
      decision: 'reject',
    });
    expect(rejected.outcomes.at(-1)?.reason).toBe('success');
  });

  it('checks prompts before a worker runs (pre_worker)', async () => {
    const { outcomes, model } = await runTestLoop(withConstraint('halt', 'pre_worker'), {
      answers: ['quality 0.9'],
      detectors,
      task: { inputs: { topic: 'the SECRET plan' } },
    });
    expect(model.calls).toHaveLength(0);
    expect(outcomes[0]?.reason).toBe('safety_violation');
  });

  it('checks tool calls before they run, and blocks them', async () => {
    const program = testProgram((spec) => {
      spec.workers[0]!.tools = ['lookup'];
      spec.safety_constraints = [
        {
          id: 'egress',
          type: 'egress_monitor',
          scope: 'pre_worker',
          applies_to: ['drafter'],
          action: 'quarantine',
        },
      ];
    });
    let ran = false;
    const { events } = await runTestLoop(program, {
      answers: ({ callerIndex }) =>
        callerIndex === 0
          ? { toolCalls: [{ id: '1', name: 'lookup', arguments: { q: 'SECRET' } }] }
          : 'quality 0.9',
      detectors: [flagWordDetector('egress_monitor')],
      tools: [
        {
          definition: { name: 'lookup', description: 'Look up', parameters: {} },
          run: () => {
            ran = true;
            return 'x';
          },
        },
      ],
    });
    expect(ran).toBe(false);
    expect(eventsOf(events, 'tool-call')[0]).toMatchObject({ name: 'lookup', outcome: 'blocked' });
  });

  it('checks outputs before they leave the loop (pre_output) and before a judge reads them (pre_evaluator)', async () => {
    const output = await runTestLoop(withConstraint('halt', 'pre_output'), {
      answers: ['quality 0.9 SECRET'],
      detectors,
    });
    expect(output.outcomes[0]?.reason).toBe('safety_violation');
    const judged = await runTestLoop(withConstraint('quarantine', 'pre_evaluator'), {
      answers: ['quality 0.9 SECRET', 'quality 0.9'],
      detectors,
    });
    expect(eventsOf(judged.events, 'evaluator-error')[0]?.message).toContain('withheld');
    expect(judged.outcomes.at(-1)?.reason).toBe('success');
  });

  it('applies on_error when a detector fails', async () => {
    const failing = {
      type: 'secret_scan' as const,
      scopes: [],
      inspect: () => {
        throw new Error('no model');
      },
    };
    const halt = await runTestLoop(withConstraint('warn', 'post_worker', { on_error: 'halt' }), {
      answers: ['quality 0.9'],
      detectors: [failing],
    });
    expect(halt.outcomes[0]?.reason).toBe('safety_violation');
    expect(eventsOf(halt.events, 'safety-event')[0]).toMatchObject({ outcome: 'detector-error' });
    const warn = await runTestLoop(withConstraint('halt', 'post_worker', { on_error: 'warn' }), {
      answers: ['quality 0.9'],
      detectors: [failing],
    });
    expect(warn.outcomes[0]?.reason).toBe('success');
  });

  it('a constraint that does not apply to the worker is not checked', async () => {
    const program = testProgram((spec) => {
      spec.workers.push({
        id: 'other',
        role: 'Something else.',
        model: { provider: 'openai', name: 'gpt-4.1-mini' },
        inputs: [{ from: 'inputs.topic' }],
        outputs: { name: 'Other', format: 'text' },
      });
      spec.safety_constraints = [
        { id: 'guard', type: 'secret_scan', scope: 'post_worker', applies_to: ['other'], action: 'halt' },
      ];
    });
    const { outcomes } = await runTestLoop(program, {
      answers: ({ callerId }) => (callerId === 'drafter' ? 'quality 0.9 SECRET' : 'clean'),
      detectors,
    });
    expect(outcomes[0]?.reason).toBe('success');
  });
});

describe('LoopRun: memory', () => {
  const memoryProgram = (type: 'ephemeral' | 'session') =>
    testProgram((spec) => {
      spec.memory = {
        type,
        write_policy: { allowed_writers: ['drafter'] },
        read_policy: { reader: ['draft'] },
      };
      spec.workers.push({
        id: 'reader',
        role: 'Read the draft from memory.',
        model: { provider: 'openai', name: 'gpt-4.1-mini' },
        inputs: [{ from: 'memory.draft' }],
        outputs: { name: 'Notes', format: 'text' },
      });
    });

  it('writes an allowed writer’s output under its output name and lets the policy’s readers read it', async () => {
    const { model, events } = await runTestLoop(memoryProgram('session'), {
      answers: ({ callerId, callerIndex }) =>
        callerId === 'drafter' ? `quality 0.${callerIndex + 5} draft` : 'notes',
    });
    expect(eventsOf(events, 'memory-write')[0]).toMatchObject({
      key: 'draft',
      writer: 'drafter',
      outcome: 'written',
    });
    const readerPrompts = model.calls
      .filter((c) => c.purpose?.id === 'reader')
      .map((c) => c.messages.at(-1)?.content ?? '');
    // Reader and drafter are independent (level 0), so the reader sees last iteration's draft.
    expect(readerPrompts[0]).toContain('## memory.draft\n(none: nothing written yet)');
    expect(readerPrompts[1]).toContain('## memory.draft\nquality 0.5 draft');
  });

  it('clears ephemeral memory at each iteration', async () => {
    const { model } = await runTestLoop(memoryProgram('ephemeral'), {
      answers: ({ callerId, callerIndex }) =>
        callerId === 'drafter' ? `quality 0.${callerIndex + 5} draft` : 'notes',
    });
    const readerPrompts = model.calls
      .filter((c) => c.purpose?.id === 'reader')
      .map((c) => c.messages.at(-1)?.content ?? '');
    expect(readerPrompts.every((prompt) => prompt.includes('nothing written yet'))).toBe(true);
  });

  it('denies writers the policy does not name', async () => {
    const program = testProgram((spec) => {
      spec.memory = { type: 'session', write_policy: { allowed_writers: [] } };
      spec.optimization_strategy = { type: 'memory_update', max_steps: 3, config: {} };
      spec.feedback_channels[0]!.destination = 'optimization_strategy';
    });
    const { events } = await runTestLoop(program, { answers: ['quality 0.5', 'quality 0.9'] });
    expect(eventsOf(events, 'memory-write')[0]).toMatchObject({
      key: 'lessons',
      writer: 'optimizer',
      outcome: 'denied',
    });
  });
});

describe('LoopRun: optimization strategies', () => {
  const toOptimizer = (
    type: 'memory_update' | 'parameter_search' | 'manual',
    config: Record<string, unknown> = {},
  ) =>
    testProgram((spec) => {
      spec.memory = { type: 'session', write_policy: { allowed_writers: ['optimizer'] } };
      spec.optimization_strategy = {
        type,
        max_steps: 2,
        config: { refinement_target: 'workers.drafter', ...config },
      };
      spec.feedback_channels[0]!.destination = 'optimization_strategy';
    });

  it('memory_update writes the feedback as lessons', async () => {
    const { events, run } = await runTestLoop(toOptimizer('memory_update'), {
      answers: ['quality 0.5', 'quality 0.9'],
    });
    expect(eventsOf(events, 'optimization')[0]).toMatchObject({ action: 'memory-write' });
    expect(run.episode.memory.snapshot()[0]).toMatchObject({
      key: 'lessons',
      value: ['raise quality above 0.5'],
    });
  });

  it('parameter_search walks the search space and the worker calls use it', async () => {
    const { model } = await runTestLoop(
      toOptimizer('parameter_search', { search_space: { temperature: [0.1, 0.9] } }),
      {
        answers: ['quality 0.5', 'quality 0.6', 'quality 0.9'],
      },
    );
    expect(model.calls.map((call) => call.temperature)).toEqual([undefined, 0.1, 0.9]);
  });

  it('manual asks a person and applies the change only when approved; max_steps bounds the steps', async () => {
    const { events, model } = await runTestLoop(toOptimizer('manual'), {
      answers: ['quality 0.5', 'quality 0.5', 'quality 0.5', 'quality 0.5', 'quality 0.5'],
      humanGate: scriptedHumanGate(['reject', 'approve']),
    });
    expect(eventsOf(events, 'optimization').map((e) => e.action)).toEqual([
      'pause',
      'refine',
      'refine',
      'none',
    ]);
    expect(model.calls[1]?.messages[0]?.content).not.toContain('Refinements');
    expect(model.calls[2]?.messages[0]?.content).toContain('Refinements');
  });
});

describe('LoopRun: evaluation', () => {
  it('combines evaluators with min, and a failing veto fails the iteration', async () => {
    const program = testProgram((spec) => {
      spec.evaluators.push({
        id: 'veto',
        type: 'deterministic',
        runs_after: ['drafter'],
        implementation: 'evaluators.grade',
        aggregation: 'veto',
      });
    });
    const { events } = await runTestLoop(program, { answers: ['quality 0.5', 'quality 0.9'] });
    expect(eventsOf(events, 'metric-values').map((e) => e.overall)).toEqual([
      { score: 0, passed: false },
      { score: 0.9, passed: true },
    ]);
  });
});
