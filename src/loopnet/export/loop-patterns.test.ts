import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { LoopProgram } from '../../lss/compile/loop-program.js';
import { loadLoopProgramSync } from '../../lss/load-loop-program.js';
import { loopbenchDataDirectory } from '../../loop/tasks/data-directory.js';
import { declaredPatterns, loopPatterns } from './loop-patterns.js';

const research = loadLoopProgramSync(join(loopbenchDataDirectory('research-synthesis-v1'), 'spec.yaml'));

describe('loopPatterns', () => {
  it('puts the declared slugs first, ignoring unknown ones, then the shape rules', () => {
    const declared: LoopProgram = {
      ...research,
      extensions: {
        extensions: { patterns: ['simulation-loop', 'not-a-pattern'] },
        x_pattern: 'debate-loop',
      },
    };
    expect(declaredPatterns(declared)).toEqual(['simulation-loop', 'debate-loop']);
    expect(loopPatterns(declared)).toEqual([
      'simulation-loop',
      'debate-loop',
      'research-loop',
      'critique-loop',
    ]);
  });

  it('reads people, memory and optimizers from the shape, and names a shapeless loop a reflection loop', () => {
    const shaped: LoopProgram = {
      ...research,
      optimization: {
        ...research.optimization,
        type: 'parameter_search',
        humanGateOn: { risk_tier: 'high' },
      },
      memory: { ...research.memory, type: 'persistent' },
    };
    expect(loopPatterns(shaped)).toEqual([
      'human-in-the-loop',
      'research-loop',
      'memory-augmented-loop',
      'optimization-loop',
      'critique-loop',
    ]);
    const bare: LoopProgram = { ...research, evaluators: [], feedback: [] };
    expect(loopPatterns(bare)).toEqual(['reflection-loop']);
  });
});
