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

  it('says clearly that the replay backend is not in this version, and refuses a bad --model', async () => {
    const replay = await cli('run', 'loopbench/code-repair-v1', '--backend', 'replay');
    expect(replay.code).toBe(1);
    expect(replay.err).toContain('replay backend is not available');
    const model = await cli('run', 'loopbench/code-repair-v1', '--model', 'gpt-4.1');
    expect(model.code).toBe(1);
    expect(model.err).toContain('provider:model');
  });

  it('runs simulated models of other names with --model in sim', async () => {
    const { code, out } = await cli(
      'run',
      'loopbench/code-repair-v1',
      '--seed',
      '0',
      '--model',
      'sim:gpt-4.1-nano',
      '--json',
    );
    expect(code).toBe(0);
    expect(out).toContain('"modelId":"sim:gpt-4.1-nano"');
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
