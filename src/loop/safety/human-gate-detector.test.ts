import { describe, expect, it } from 'vitest';
import { makeCheck } from './__fixtures__/make-check.js';
import { createHumanGateDetector, tagsFromValues } from './human-gate-detector.js';
import { SafetyConfigError } from './safety-config.js';

const gate = (config: Record<string, unknown>, text?: string, tags?: string[]) =>
  createHumanGateDetector(tags === undefined ? {} : { tags: () => tags }).inspect(
    makeCheck('human_gate', config, { scope: 'pre_output', text }),
  );

describe('human_gate', () => {
  it('always holds without required_for', () => {
    expect(gate({})).toEqual([
      {
        type: 'human_gate',
        message: 'Human approval is required at pre_output for worker `writer`.',
        spans: [],
      },
    ]);
  });

  it('holds when a tag calls for it, and says which and the deadline', () => {
    expect(gate({ required_for: ['risk_tier_high'], sla_hours: 4 }, undefined, ['risk_tier_high'])).toEqual([
      {
        type: 'human_gate',
        message:
          'Human approval is required at pre_output for worker `writer` (required for risk_tier_high). Review within 4 hours.',
        spans: [],
      },
    ]);
  });

  it('does not hold when no tag calls for it', () => {
    expect(gate({ required_for: ['risk_tier_high'] }, undefined, ['risk_tier_low'])).toEqual([]);
    expect(gate({ required_for: ['risk_tier_high'], tags: ['risk_tier_low'] })).toEqual([]);
  });

  it('reads tags from config and from a JSON output that declares them', () => {
    expect(gate({ required_for: ['risk_tier_high'], tags: ['risk_tier_high'] })).toHaveLength(1);
    expect(gate({ required_for: ['risk_tier_high'] }, '{"risk_tier": "high", "plan": []}', [])).toHaveLength(
      1,
    );
    expect(gate({ required_for: ['requires_approval'] }, '{"requires_approval": true}', [])).toHaveLength(1);
    expect(gate({ required_for: ['risk_tier_high'] }, 'risk_tier: high (plain text)', [])).toEqual([]);
  });

  it('cannot decide required_for without any source of tags', () => {
    expect(() => gate({ required_for: ['risk_tier_high'] })).toThrow(SafetyConfigError);
    expect(() => gate({ required_for: ['risk_tier_high'] })).toThrow(/no tags are known at this check/);
  });
});

describe('tagsFromValues', () => {
  it('makes name_value tags from plain values and keeps a tags list', () => {
    expect(
      tagsFromValues({ risk_tier: 'High', urgent: true, retries: 2, tags: ['finance'], nested: { a: 1 } }),
    ).toEqual(['risk_tier_high', 'urgent_true', 'urgent', 'retries_2', 'finance']);
    expect(tagsFromValues({ 'Risk Level': 'very high!' })).toEqual(['risk_level_very_high']);
  });
});
