import { describe, expect, it } from 'vitest';
import { captureCli as cli } from '../capture-cli.js';

const minimalSpec = new URL('../../lss/__fixtures__/specs/loop-core/minimal-loop.yaml', import.meta.url)
  .pathname;

describe('loopgym run on loops', () => {
  it('prints each iteration as it ends and the outcome', async () => {
    const { code, out } = await cli('run', 'loopbench/code-repair-v1', '--task', 'cr-001', '--seed', '0');
    expect(code).toBe(0);
    expect(out).toMatch(/^loopbench\/code-repair-v1 · task cr-001 · seed 0$/m);
    expect(out).toMatch(
      /^ {2}iteration 1: implementer ✓ · test_runner [\d.]+ · quality_rubric [\d.]+ · primary [\d.]+ \(\+[\d.]+\) · \$/m,
    );
    expect(out).toMatch(/→ (success|max_iterations|stall) after \d+ iterations?: return [\d.]+/);
  });

  it('prints the whole event stream as JSON lines with --json', async () => {
    const { code, out } = await cli('run', 'loopbench/research-synthesis-v1', '--seed', '2', '--json');
    expect(code).toBe(0);
    const lines = out
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as { type: string; seq?: number });
    expect(lines[0]?.type).toBe('episode-start');
    expect(lines.at(-2)?.type).toBe('episode-end');
    expect(lines.at(-1)?.type).toBe('episode-summary');
    expect(lines.slice(0, -1).map((line) => line.seq)).toEqual(lines.slice(0, -1).map((_, index) => index));
  });

  it('runs any spec file on its examples, several episodes with a summary', async () => {
    const { code, out } = await cli('run', minimalSpec, '-n', '2', '--seed', '0');
    expect(code).toBe(0);
    expect(out).toContain('task example-1');
    expect(out).toMatch(/2 episodes: mean return [\d.]+, success \d\/2/);
  });

  it('answers human gates as --human says, and refuses a bad mode', async () => {
    expect((await cli('run', 'loopbench/code-repair-v1', '--seed', '0', '--human', 'reject')).code).toBe(0);
    const bad = await cli('run', 'loopbench/code-repair-v1', '--human', 'sometimes');
    expect(bad.code).toBe(1);
    expect(bad.err).toContain('--human must be approve, reject, prompt or a probability');
  });

  it('says clearly that the live backend is not in this version', async () => {
    const { code, err } = await cli('run', 'loopbench/code-repair-v1', '--backend', 'live');
    expect(code).toBe(1);
    expect(err).toContain('live backend is not available');
  });

  it('reports an invalid spec with its problems', async () => {
    const composition = new URL(
      '../../lss/__fixtures__/specs/compositions/scenario-swarm-rehearsal.yaml',
      import.meta.url,
    ).pathname;
    const { code, err } = await cli('run', composition);
    expect(code).toBe(1);
    expect(err).toContain('consensus_rubric');
  });
});
