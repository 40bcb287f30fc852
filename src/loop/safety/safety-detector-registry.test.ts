import { describe, expect, it } from 'vitest';
import { compileSpecFile } from '../../lss/compile/compile-spec-file.js';
import type { LoopProgram } from '../../lss/compile/loop-program.js';
import type { SafetyConstraintType } from '../../lss/loop-spec.js';
import { makeCheck } from './__fixtures__/make-check.js';
import { SafetyDetectorRegistry, createSafetyDetectorRegistry } from './safety-detector-registry.js';
import type { SafetyDetector } from './safety-detector.js';

const SPECS = 'src/lss/__fixtures__/specs';
const ALL_TYPES: SafetyConstraintType[] = [
  'egress_monitor',
  'human_gate',
  'injection_detect',
  'output_bounds',
  'pii_detect',
  'rate_limit',
  'schema_enforce',
  'secret_scan',
  'tenant_isolation',
  'tool_allowlist',
];

describe('createSafetyDetectorRegistry', () => {
  it('has a detector for every constraint type', () => {
    const registry = createSafetyDetectorRegistry();
    expect(registry.types()).toEqual(ALL_TYPES);
    for (const type of ALL_TYPES) expect(registry.require(type).type).toBe(type);
  });

  it('lets a user replace a detector, but not by accident', () => {
    const mine: SafetyDetector = { type: 'injection_detect', scopes: ['pre_worker'], inspect: () => [] };
    const registry = createSafetyDetectorRegistry();
    expect(() => registry.register(mine)).toThrow(/already registered\. Pass \{ replace: true \}/);
    expect(registry.register(mine, { replace: true }).get('injection_detect')).toBe(mine);
  });

  it('says how to provide a missing detector', () => {
    const registry = new SafetyDetectorRegistry();
    expect(registry.has('secret_scan')).toBe(false);
    expect(registry.get('secret_scan')).toBeUndefined();
    expect(() => registry.require('secret_scan')).toThrow(
      /No safety detector is registered for `secret_scan`/,
    );
  });

  it('passes its options to the detectors that need them', () => {
    const registry = createSafetyDetectorRegistry({
      toolSchema: () => ({ type: 'object', required: ['query'] }),
      resolveSchema: () => ({ type: 'array' }),
      tags: () => ['risk_tier_high'],
    });
    const toolCall = { name: 'search', arguments: {} };
    expect(
      registry
        .require('tool_allowlist')
        .inspect(
          makeCheck('tool_allowlist', { validate_args_schema: true }, { toolCall, allowedTools: ['search'] }),
        ),
    ).toHaveLength(1);
    expect(
      registry
        .require('schema_enforce')
        .inspect(makeCheck('schema_enforce', { schema_ref: 's.json' }, { text: '{}' })),
    ).toHaveLength(1);
    expect(
      registry.require('human_gate').inspect(makeCheck('human_gate', { required_for: ['risk_tier_high'] })),
    ).toHaveLength(1);
  });
});

describe('the constraints of the real specs', () => {
  const files = [
    'loop-core/minimal-loop.yaml',
    'loop-core/multi-agent-loop.yaml',
    'loop-core/research-loop.yaml',
    'loopbench-envs/hitl-gate-v1/spec.yaml',
    'loopbench-envs/safety-constrained-v1/spec.yaml',
    'submissions/spec-thorough-loop.yaml',
  ];

  it.each(files)(
    '%s: every constraint has a detector for its scope, and a clean check passes',
    async (file) => {
      const program: LoopProgram = (await compileSpecFile(`${SPECS}/${file}`)).program!;
      expect(program.safety.constraints.length).toBeGreaterThan(0);
      const registry = createSafetyDetectorRegistry({
        toolSchema: () => ({ type: 'object' }),
        resolveSchema: () => ({ type: 'object' }),
        tags: () => ['risk_tier_low'],
      });
      for (const constraint of program.safety.constraints) {
        const detector = registry.require(constraint.type);
        expect(detector.scopes).toContain(constraint.scope);
        const worker = program.workers.find((candidate) => candidate.id === constraint.appliesTo[0])!;
        const findings = detector.inspect({
          ...makeCheck(constraint.type, {}, { scope: constraint.scope }),
          constraint,
          workerId: worker.id,
          text: '{"summary": "Solid-state batteries are expected in cars after 2027, per arxiv.org/abs/2401.00001."}',
          toolCall:
            worker.tools[0] === undefined
              ? undefined
              : { name: worker.tools[0], arguments: { query: 'batteries' } },
          memoryWrite:
            constraint.scope === 'pre_memory_write'
              ? { key: 'run:run-1:notes', value: 'batteries' }
              : undefined,
          allowedTools: worker.tools,
        });
        // Only an unconditional human gate speaks on a clean check.
        const expected =
          constraint.type === 'human_gate' && constraint.config.required_for === undefined ? 1 : 0;
        expect(
          findings,
          `${constraint.id}: ${findings.map((finding) => finding.message).join(' | ')}`,
        ).toHaveLength(expected);
      }
    },
  );
});
