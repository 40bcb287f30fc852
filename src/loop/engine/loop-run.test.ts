import { describe, expect, it } from 'vitest';
import type { DeterministicEvaluatorSpec, LoopSpec } from '../../lss/loop-spec.js';
import { scriptedHumanGate } from '../human-gate.js';
import { eventsOf, runTestLoop, testProgram } from './__fixtures__/engine-harness.js';
import { InvalidTaskInputsError } from './loop-run.js';

describe('LoopRun: iterations, rewards and termination', () => {
  it('stops on success; each reward is the change of the primary metric, so the return is the final value', async () => {
    const { outcomes, events } = await runTestLoop(testProgram(), {
      answers: ['quality 0.5', 'quality 0.7', 'quality 0.9'],
    });
    expect(outcomes.map((o) => o.primary)).toEqual([0.5, 0.7, 0.9]);
    expect(outcomes.map((o) => o.reward)).toEqual([0.5, expect.closeTo(0.2, 12), expect.closeTo(0.2, 12)]);
    expect(outcomes.reduce((sum, o) => sum + o.reward, 0)).toBeCloseTo(0.9, 12);
    expect(outcomes.at(-1)).toMatchObject({ terminated: true, truncated: false, reason: 'success' });
    expect(eventsOf(events, 'episode-end')[0]).toMatchObject({
      reason: 'success',
      outcome: 'success',
      iterations: 3,
    });
    expect(events.map((event) => event.seq)).toEqual(events.map((_, index) => index));
  });

  it('needs `consecutive` successes in a row', async () => {
    const program = testProgram((spec) => {
      spec.termination_conditions.success![0]!.consecutive = 2;
    });
    const { outcomes } = await runTestLoop(program, {
      answers: ['quality 0.9', 'quality 0.5', 'quality 0.85', 'quality 0.95'],
    });
    expect(outcomes.map((o) => o.reason)).toEqual([undefined, undefined, undefined, 'success']);
  });

  it.each([
    ['lt', 0.3, ['quality 0.5', 'quality 0.2'], 2],
    ['lte', 0.5, ['quality 0.6', 'quality 0.5'], 2],
    ['gt', 0.5, ['quality 0.5', 'quality 0.6'], 2],
    ['eq', 0.4, ['quality 0.5', 'quality 0.4'], 2],
  ] as const)('compares with %s', async (operator, value, answers, iterations) => {
    const program = testProgram((spec) => {
      spec.termination_conditions.success = [{ metric: 'quality', operator, value }];
    });
    const { outcomes } = await runTestLoop(program, { answers });
    expect(outcomes).toHaveLength(iterations);
    expect(outcomes.at(-1)?.reason).toBe('success');
  });

  it('truncates at the iteration bound', async () => {
    const { outcomes } = await runTestLoop(testProgram(), { answers: ['quality 0.1'] });
    expect(outcomes).toHaveLength(5);
    expect(outcomes.at(-1)).toMatchObject({ terminated: false, truncated: true, reason: 'max_iterations' });
  });

  it('stops a stalled loop', async () => {
    const program = testProgram((spec) => {
      spec.termination_conditions.stall = [
        { metric: 'quality', window_iterations: 2, min_improvement: 0.1, action: 'halt' },
      ];
    });
    const { outcomes } = await runTestLoop(program, {
      answers: ['quality 0.3', 'quality 0.35', 'quality 0.38'],
    });
    expect(outcomes.map((o) => o.reason)).toEqual([undefined, undefined, 'stall']);
    expect(outcomes.at(-1)?.terminated).toBe(true);
  });

  it('stops after consecutive evaluator errors', async () => {
    const program = testProgram((spec) => {
      (spec.evaluators[0] as DeterministicEvaluatorSpec).implementation = 'evaluators.missing';
      spec.termination_conditions.failure!.push({ type: 'evaluator_error', consecutive: 2, action: 'halt' });
    });
    const { outcomes, events } = await runTestLoop(program, { answers: ['quality 0.9'] });
    expect(outcomes.map((o) => o.reason)).toEqual([undefined, 'evaluator_error']);
    expect(eventsOf(events, 'evaluator-error')[0]?.message).toContain('no evaluator evaluators.missing');
  });

  it('asks a person when a failure rule escalates, and stops when they reject', async () => {
    const program = testProgram((spec) => {
      (spec.evaluators[0] as DeterministicEvaluatorSpec).implementation = 'evaluators.missing';
      spec.termination_conditions.failure!.push({ type: 'evaluator_error', action: 'escalate_human' });
    });
    const { outcomes, events } = await runTestLoop(program, {
      answers: ['quality 0.9'],
      humanGate: scriptedHumanGate(['approve', 'reject']),
    });
    expect(outcomes.map((o) => o.reason)).toEqual([undefined, 'escalated']);
    expect(eventsOf(events, 'human-decision').map((e) => e.decision)).toEqual(['approve', 'reject']);
  });

  it('stops when a human evaluator rejects and a rule says so', async () => {
    const program = testProgram((spec) => {
      spec.evaluators.push({
        id: 'reviewer',
        type: 'human',
        runs_after: ['drafter'],
        timeout_seconds: 600,
      });
      spec.termination_conditions.failure!.push({ type: 'human_rejected', action: 'halt' });
    });
    const { outcomes } = await runTestLoop(program, {
      answers: ['quality 0.5'],
      humanGate: scriptedHumanGate(['approve', 'reject']),
    });
    expect(outcomes.map((o) => o.reason)).toEqual([undefined, 'human_rejected']);
  });

  it('refuses task inputs that do not fit inputs.schema, and applies defaults', async () => {
    await expect(runTestLoop(testProgram(), { answers: ['x'], task: { inputs: {} } })).rejects.toThrow(
      InvalidTaskInputsError,
    );
    await expect(
      runTestLoop(testProgram(), { answers: ['x'], task: { inputs: { topic: 'a', tone: 'loud' } } }),
    ).rejects.toThrow(/tone/);
    const { events } = await runTestLoop(testProgram(), { answers: ['quality 0.9'] });
    expect(eventsOf(events, 'episode-start')[0]?.inputs).toEqual({ topic: 'tides', tone: 'plain' });
  });

  it('gives the same events for the same seed', async () => {
    const program = testProgram();
    const first = await runTestLoop(program, { answers: ['quality 0.5', 'quality 0.9'], seed: 3 });
    const second = await runTestLoop(program, { answers: ['quality 0.5', 'quality 0.9'], seed: 3 });
    expect(JSON.stringify(second.events)).toBe(JSON.stringify(first.events));
  });
});

describe('LoopRun: feedback and optimization', () => {
  it('routes the named fields to the next prompt, only when `when` holds', async () => {
    const program = testProgram((spec) => {
      spec.feedback_channels[0]!.when = 'score < 0.6';
    });
    const { model, events } = await runTestLoop(program, {
      answers: ['quality 0.5', 'quality 0.7', 'quality 0.9'],
    });
    const prompts = model.calls.map((call) => call.messages.at(-1)?.content ?? '');
    expect(prompts[0]).not.toContain('Feedback');
    expect(prompts[1]).toContain('score: 0.5');
    expect(prompts[1]).toContain('raise quality above 0.5');
    expect(prompts[2]).not.toContain('Feedback');
    expect(eventsOf(events, 'feedback').map((e) => e.sent)).toEqual([true, false]);
  });

  it('cuts feedback to max_tokens', async () => {
    const program = testProgram((spec) => {
      spec.feedback_channels[0]!.max_tokens = 3;
    });
    const { events } = await runTestLoop(program, { answers: ['quality 0.5', 'quality 0.9'] });
    expect(eventsOf(events, 'feedback')[0]?.content.length).toBeLessThanOrEqual(12);
  });

  it('refines the target worker from optimizer feedback and rolls back when the metric drops', async () => {
    const program = testProgram((spec) => {
      spec.feedback_channels.push({
        id: 'to_optimizer',
        source: 'evaluators.grader',
        destination: 'optimization_strategy',
        format: 'structured',
        fields: ['remediation_hints'],
      });
      spec.optimization_strategy.rollback = { on_metric_drop: 0.1 };
    });
    const { model, events } = await runTestLoop(program, {
      answers: ['quality 0.6', 'quality 0.3', 'quality 0.9'],
    });
    const systems = model.calls.map((call) => call.messages[0]?.content ?? '');
    expect(systems[0]).not.toContain('Refinements');
    expect(systems[1]).toContain('Refinements:\n- raise quality above 0.6');
    const optimization = eventsOf(events, 'optimization').map((e) => e.action);
    expect(optimization).toEqual(['refine', 'rollback', 'refine']);
  });
});

describe('LoopRun: workers', () => {
  const threeWorkers = (spec: LoopSpec): void => {
    spec.workers.push(
      {
        id: 'critic',
        role: 'Criticize the draft.',
        model: { provider: 'openai', name: 'gpt-4.1-mini' },
        depends_on: ['drafter'],
        inputs: [{ from: 'workers.drafter' }],
        outputs: { name: 'Critique', format: 'text' },
      },
      {
        id: 'checker',
        role: 'Check the draft.',
        model: { provider: 'openai', name: 'gpt-4.1-mini' },
        depends_on: ['drafter'],
        inputs: [{ from: 'workers.drafter' }],
        outputs: { name: 'Check', format: 'json' },
      },
    );
  };

  it('runs workers in dependency order and gives each the outputs it reads', async () => {
    const { model, events } = await runTestLoop(testProgram(threeWorkers), {
      answers: ({ callerId }) =>
        callerId === 'drafter' ? 'quality 0.9 DRAFT' : callerId === 'checker' ? '{"ok": true}' : 'fine',
    });
    const order = eventsOf(events, 'worker-output').map((e) => e.workerId);
    expect(order).toEqual(['drafter', 'critic', 'checker']);
    const criticPrompt = model.calls.find((call) => call.purpose?.id === 'critic')?.messages.at(-1)?.content;
    expect(criticPrompt).toContain('## workers.drafter\nquality 0.9 DRAFT');
  });

  it('hands a worker the outputs of the workers it depends on, after its declared inputs', async () => {
    const program = testProgram((spec) => {
      spec.workers.push({
        id: 'editor',
        role: 'Edit the draft.',
        model: { provider: 'openai', name: 'gpt-4.1-mini' },
        depends_on: ['drafter'],
        inputs: [{ from: 'inputs.topic' }],
        outputs: { name: 'Edited', format: 'text' },
      });
    });
    const { model } = await runTestLoop(program, {
      answers: ({ callerId }) => (callerId === 'drafter' ? 'quality 0.9 DRAFT' : 'edited'),
    });
    const editorPrompt = model.calls.find((call) => call.purpose?.id === 'editor')?.messages.at(-1)?.content;
    expect(editorPrompt).toMatch(/## inputs\.topic\n[\s\S]*## workers\.drafter\nquality 0\.9 DRAFT/);
    // A worker that names its dependency among its inputs gets it once.
    const { model: named } = await runTestLoop(testProgram(threeWorkers), {
      answers: ({ callerId }) => (callerId === 'checker' ? '{"ok": true}' : 'quality 0.9 DRAFT'),
    });
    const criticPrompt = named.calls.find((call) => call.purpose?.id === 'critic')?.messages.at(-1)?.content;
    expect(criticPrompt?.split('## workers.drafter')).toHaveLength(2);
  });

  it('retries after a model error and after an output of the wrong format, telling the model why', async () => {
    const program = testProgram((spec) => {
      threeWorkers(spec);
      spec.workers[2]!.retries = 2;
    });
    const { model, events } = await runTestLoop(program, {
      answers: ({ callerId, callerIndex }) => {
        if (callerId !== 'checker') return 'quality 0.9';
        if (callerIndex === 0) return new Error('503 from the provider');
        if (callerIndex === 1) return 'not json';
        return '{"ok": true}';
      },
    });
    const errors = eventsOf(events, 'worker-error');
    expect(errors.map((e) => [e.code, e.willRetry])).toEqual([
      ['model-error', true],
      ['format', true],
    ]);
    const retryPrompt = model.calls
      .filter((call) => call.purpose?.id === 'checker')[2]
      ?.messages.at(-1)?.content;
    expect(retryPrompt).toContain('could not be used');
    expect(eventsOf(events, 'worker-output').some((e) => e.workerId === 'checker')).toBe(true);
  });

  it('fails a worker that answers after its timeout, and a timeout rule stops the loop', async () => {
    const program = testProgram((spec) => {
      spec.workers[0]!.timeout_seconds = 5;
      spec.termination_conditions.failure!.push({ type: 'timeout', action: 'halt' });
    });
    const { outcomes, events } = await runTestLoop(program, {
      answers: [{ text: 'quality 0.9', latencySeconds: 9 }],
    });
    expect(eventsOf(events, 'worker-error')[0]).toMatchObject({ code: 'timeout', willRetry: false });
    expect(outcomes[0]?.reason).toBe('timeout');
  });

  it('stops calling a worker whose budget is spent', async () => {
    const program = testProgram((spec) => {
      spec.workers[0]!.cost_budget_usd = 0.001;
    });
    const { events } = await runTestLoop(program, {
      answers: [{ text: 'quality 0.5', usage: { inputTokens: 10_000, outputTokens: 0 } }],
    });
    expect(eventsOf(events, 'worker-error')[0]).toMatchObject({ code: 'budget', iteration: 2 });
  });

  it('uses the agent’s output instead of the model when one is given', async () => {
    const { outcomes, model, events } = await runTestLoop(testProgram(), {
      answers: ['quality 0.1'],
      overrides: (iteration) => (iteration === 2 ? new Map([['drafter', 'quality 0.95']]) : undefined),
    });
    expect(outcomes.map((o) => o.primary)).toEqual([0.1, 0.95]);
    expect(model.calls).toHaveLength(1);
    expect(eventsOf(events, 'worker-output').map((e) => e.source)).toEqual(['model', 'action']);
  });

  it('runs allowed tools and blocks others', async () => {
    const program = testProgram((spec) => {
      spec.workers[0]!.tools = ['lookup'];
    });
    const { events, model } = await runTestLoop(program, {
      answers: ({ callerIndex }) =>
        callerIndex === 0
          ? {
              toolCalls: [
                { id: '1', name: 'lookup', arguments: { q: 'tides' } },
                { id: '2', name: 'shell', arguments: { command: 'rm -rf /' } },
              ],
            }
          : 'quality 0.9',
      tools: [
        {
          definition: { name: 'lookup', description: 'Look up', parameters: {} },
          run: ({ q }) => `facts about ${String(q)}`,
        },
        { definition: { name: 'shell', description: 'Run', parameters: {} }, run: () => 'ran' },
      ],
    });
    expect(eventsOf(events, 'tool-call').map((e) => [e.name, e.outcome])).toEqual([
      ['lookup', 'ok'],
      ['shell', 'blocked'],
    ]);
    const second = model.calls[1]?.messages ?? [];
    expect(second.filter((m) => m.role === 'tool').map((m) => m.content)).toEqual([
      'facts about tides',
      expect.stringContaining('not one of this worker'),
    ]);
  });

  it('halts on cost: on_exceed halt truncates the episode', async () => {
    const program = testProgram((spec) => {
      spec.cost_limits = { per_iteration_usd: 10, cumulative_usd: 0.01, on_exceed: { action: 'halt' } };
    });
    const { outcomes, events } = await runTestLoop(program, {
      answers: [{ text: 'quality 0.1', usage: { inputTokens: 20_000, outputTokens: 0 } }],
    });
    expect(outcomes.map((o) => o.reason)).toEqual([undefined, 'cost_exceeded']);
    expect(outcomes.at(-1)?.truncated).toBe(true);
    expect(eventsOf(events, 'cost').some((e) => e.action === 'halt' && e.limit === 'cumulative')).toBe(true);
  });
});
