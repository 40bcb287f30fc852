import { describe, expect, it } from 'vitest';
import { captureCli as cli } from './capture-cli.js';

describe('loopgym CLI', () => {
  it('lists environments as a table and as JSON', async () => {
    const table = await cli('list');
    expect(table.code).toBe(0);
    expect(table.out).toMatch(/^ID\s+MAX STEPS\s+THRESHOLD\s+DESCRIPTION/);
    expect(table.out).toContain('FrozenLake-v1');
    const json = await cli('list', '--json');
    const rows = JSON.parse(json.out) as { id: string; maxEpisodeSteps: number | null }[];
    expect(rows.find((r) => r.id === 'Taxi-v4')?.maxEpisodeSteps).toBe(200);
  });

  it('describes an environment', async () => {
    const { code, out } = await cli('info', 'FrozenLake-v1');
    expect(code).toBe(0);
    expect(out).toContain('Observation space  Discrete(16)');
    expect(out).toContain('Max episode steps  100');
    expect(out).toMatch(/isSlippery\s+boolean\s+true/);
    const json = JSON.parse((await cli('info', 'Taxi-v4', '--json')).out) as {
      actionSpace: string;
      renderModes: string[];
    };
    expect(json.actionSpace).toBe('Discrete(6)');
    expect(json.renderModes).toContain('ansi');
  });

  it('runs seeded episodes reproducibly and prints a summary', async () => {
    const first = await cli('run', 'FrozenLake-v1', '--episodes', '20', '--seed', '3', '--json');
    const second = await cli('run', 'FrozenLake-v1', '--episodes', '20', '--seed', '3', '--json');
    expect(first.code).toBe(0);
    const a = JSON.parse(first.out) as { episodes: { return: number; length: number }[]; meanReturn: number };
    const b = JSON.parse(second.out) as typeof a;
    expect(a.episodes.map((e) => [e.return, e.length])).toEqual(b.episodes.map((e) => [e.return, e.length]));
    expect(a.episodes).toHaveLength(20);
    const text = await cli('run', 'Taxi-v4', '-n', '2', '-s', '0');
    expect(text.out).toMatch(/^episode 1: return -?\d+/m);
    expect(text.out).toMatch(/2 episodes of Taxi-v4 \(random agent\): mean return/);
  });

  it('renders ansi frames and applies options', async () => {
    const { code, out } = await cli(
      'run',
      'FrozenLake-v1',
      '-n',
      '1',
      '-s',
      '0',
      '--render',
      '-o',
      'isSlippery=false',
      '-o',
      'desc=["SG"]',
    );
    expect(code).toBe(0);
    expect(out).toContain('\u001b[41mS\u001b[0mG');
  });

  it('fails with exit code 1 and a suggestion for an unknown environment', async () => {
    const { code, err } = await cli('run', 'FrozenLak-v1');
    expect(code).toBe(1);
    expect(err).toContain('Did you mean `FrozenLake-v1`');
    expect(err).not.toContain('    at ');
  });

  it('fails with exit code 1 for a bad option and 2 for a usage error', async () => {
    expect((await cli('run', 'FrozenLake-v1', '-o', 'isSlipery=false')).err).toContain(
      'Did you mean `isSlippery`?',
    );
    expect((await cli('run', 'FrozenLake-v1', '--episodes', 'many')).code).toBe(1);
    expect((await cli('run', 'FrozenLake-v1', '--bogus')).code).toBe(2);
    expect((await cli('frobnicate')).code).toBe(2);
  });

  it('shows help with examples', async () => {
    const { code, out } = await cli('run', '--help');
    expect(code).toBe(0);
    expect(out).toContain('Examples:');
  });
});
