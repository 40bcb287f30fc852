// A `human_gate` safety constraint asks the human gate whatever its action: approved, the step goes on; rejected,
// what was checked is dropped and counts as a human rejection.
import { describe, expect, it } from 'vitest';
import type { SafetyAction } from '../../lss/loop-spec.js';
import { scriptedHumanGate } from '../human-gate.js';
import { eventsOf, flagWordDetector, runTestLoop, testProgram } from './__fixtures__/engine-harness.js';

function gated(action: SafetyAction, humanRejectedRule: boolean) {
  return testProgram((spec) => {
    spec.safety_constraints = [
      { id: 'gate', type: 'human_gate', scope: 'post_worker', applies_to: ['drafter'], action },
    ];
    if (humanRejectedRule) {
      spec.termination_conditions.failure = [
        ...(spec.termination_conditions.failure ?? []),
        { type: 'human_rejected', action: 'halt' },
      ];
    }
  });
}

// Flags every output (each contains "quality"), as the human_gate detector does for a gated worker.
const detectors = [flagWordDetector('human_gate', 'quality')];

describe('SafetyGuard: human_gate', () => {
  it.each(['halt', 'quarantine', 'warn'] as const)(
    'with action %s, an approval lets the output through',
    async (action) => {
      const { outcomes, events } = await runTestLoop(gated(action, true), {
        answers: ['quality 0.9'],
        detectors,
        humanGate: scriptedHumanGate(['approve']),
      });
      expect(outcomes.map((outcome) => outcome.reason)).toEqual(['success']);
      expect(eventsOf(events, 'human-decision')).toEqual([
        expect.objectContaining({ gateId: 'gate', decision: 'approve' }),
      ]);
      expect(eventsOf(events, 'safety-event')).toEqual([expect.objectContaining({ outcome: 'approved' })]);
    },
  );

  it('a rejection drops the output and ends the loop by its human_rejected rule, not as a safety violation', async () => {
    const { outcomes, events } = await runTestLoop(gated('halt', true), {
      answers: ['quality 0.5', 'quality 0.9'],
      detectors,
      humanGate: scriptedHumanGate(['approve', 'reject']),
    });
    expect(outcomes.map((outcome) => outcome.reason)).toEqual([undefined, 'human_rejected']);
    expect(outcomes[1]?.outputs.has('drafter')).toBe(false);
    expect(eventsOf(events, 'safety-event').map((event) => event.outcome)).toEqual(['approved', 'rejected']);
  });

  it('without a human_rejected rule, a rejected output is dropped and the loop goes on', async () => {
    const { outcomes } = await runTestLoop(gated('halt', false), {
      answers: ['quality 0.9', 'quality 0.9'],
      detectors,
      humanGate: scriptedHumanGate(['reject', 'approve']),
    });
    expect(outcomes.map((outcome) => outcome.reason)).toEqual([undefined, 'success']);
  });
});
