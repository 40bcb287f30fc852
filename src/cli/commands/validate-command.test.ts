import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { captureCli as cli } from '../capture-cli.js';

const specs = new URL('../../lss/__fixtures__/specs/', import.meta.url).pathname;
const composition = join(specs, 'compositions/scenario-swarm-rehearsal.yaml');
const minimal = join(specs, 'loop-core/minimal-loop.yaml');

interface JsonReport {
  valid: boolean;
  strict: boolean;
  files: {
    file: string;
    valid: boolean;
    lssVersion: string;
    errors: number;
    warnings: number;
    problems: {
      severity: string;
      rule: string;
      line: number | null;
      path: (string | number)[];
      fix: string | null;
    }[];
  }[];
}

describe('loopgym validate', () => {
  it('prints VALID and exits 0 when every spec is valid', async () => {
    const { code, out } = await cli('validate', minimal, join(specs, 'loop-core/research-loop.yaml'));
    expect(code).toBe(0);
    expect(out).toContain(`VALID   ${minimal} (LSS 1.0)`);
    expect(out).toContain('2 specs: 2 valid, 0 invalid');
  });

  it('searches directories for specs', async () => {
    const { code, out } = await cli('validate', join(specs, 'loopbench-envs'));
    expect(code).toBe(0);
    expect(out.match(/^VALID /gm)).toHaveLength(7);
  });

  it('prints INVALID with each problem, its line and its fix, and exits 1', async () => {
    const { code, out } = await cli('validate', composition, minimal);
    expect(code).toBe(1);
    expect(out).toContain(`INVALID ${composition} (LSS 1.1; 4 errors, 1 warning)`);
    expect(out).toMatch(
      /scenario-swarm-rehearsal\.yaml:115:15: error \[schema\] composition\.merge\.strategy: .*consensus_rubric/,
    );
    expect(out).toContain('      fix: Use one of `synthesize`, `vote`, `first_pass` or `all_pass`.');
    expect(out).toContain('2 specs: 1 valid, 1 invalid');
  });

  it('gives a machine-readable report with --json', async () => {
    const { code, out } = await cli('validate', composition, '--json');
    expect(code).toBe(1);
    const report = JSON.parse(out) as JsonReport;
    expect(report.valid).toBe(false);
    expect(report.files[0]).toMatchObject({ valid: false, lssVersion: '1.1', errors: 4, warnings: 1 });
    expect(report.files[0]?.problems[0]).toMatchObject({
      severity: 'error',
      rule: 'schema',
      line: 115,
      path: ['composition', 'merge', 'strategy'],
    });
  });

  it('turns warnings into errors with --strict', async () => {
    const spec = join(specs, 'loopbench-envs/composed-swarm-v1/spec.yaml');
    expect((await cli('validate', spec)).code).toBe(0);
    const strict = await cli('validate', spec, '--strict', '--json');
    expect(strict.code).toBe(1);
    const report = JSON.parse(strict.out) as JsonReport;
    expect(report.strict).toBe(true);
    expect(report.files[0]?.problems.map((problem) => problem.severity)).toEqual(['error']);
  });

  it('reports a syntax error with its position', async () => {
    const directory = mkdtempSync(join(tmpdir(), 'loopgym-cli-'));
    const file = join(directory, 'broken.yaml');
    writeFileSync(file, 'loop_name: a\nworkers:\n  - id: x\n    role: [unclosed\n');
    const { code, out } = await cli('validate', file);
    expect(code).toBe(1);
    expect(out).toMatch(/broken\.yaml:\d+:\d+: error \[yaml\]/);
  });

  it('exits 2 on usage errors: no file, a path that does not exist, an unknown flag', async () => {
    expect((await cli('validate')).code).toBe(2);
    const missing = await cli('validate', '/nonexistent/loop.yaml');
    expect(missing.code).toBe(2);
    expect(missing.err).toContain('/nonexistent/loop.yaml: no such file or directory');
    expect((await cli('validate', minimal, '--strcit')).code).toBe(2);
  });
});
