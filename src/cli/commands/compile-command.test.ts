import { describe, expect, it } from 'vitest';
import type { LoopProgram } from '../../lss/compile/loop-program.js';
import { captureCli as cli } from '../capture-cli.js';

const specs = new URL('../../lss/__fixtures__/specs/', import.meta.url).pathname;

describe('loopgym compile', () => {
  it('prints the program as JSON', async () => {
    const { code, out } = await cli('compile', `${specs}loop-core/multi-agent-loop.yaml`, '--json');
    expect(code).toBe(0);
    const program = JSON.parse(out) as LoopProgram;
    expect(program.name).toBe('multi-agent-review-loop');
    expect(program.workers.map((worker) => worker.id).slice(0, 2)).toEqual(['planner', 'architect']);
    expect(program.termination.maxIterations).toBe(15);
  });

  it('prints a summary of the plan without --json', async () => {
    const { code, out } = await cli('compile', `${specs}loop-core/multi-agent-loop.yaml`);
    expect(code).toBe(0);
    expect(out).toContain(
      '4. merger [level 2] anthropic:claude-sonnet-4-20250514 after architect, security_reviewer',
    );
    expect(out).toContain('stops after at most 15 iterations');
  });

  it('refuses an invalid spec with its problems and exit code 1', async () => {
    const { code, out, err } = await cli('compile', `${specs}compositions/scenario-swarm-rehearsal.yaml`);
    expect(code).toBe(1);
    expect(out).toBe('');
    expect(err).toContain('consensus_rubric');
    expect(err).toContain('INVALID');
  });

  it('exits 2 for a file that does not exist', async () => {
    expect((await cli('compile', '/nonexistent.yaml')).code).toBe(2);
  });
});
