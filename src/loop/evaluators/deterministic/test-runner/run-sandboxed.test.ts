import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runSandboxed, type SandboxedCommand } from './run-sandboxed.js';

let directory: string;
beforeAll(async () => {
  directory = await mkdtemp(join(tmpdir(), 'loopgym-sandbox-'));
});
afterAll(async () => {
  await rm(directory, { recursive: true, force: true });
});

const options = (command: string[], extra: Partial<SandboxedCommand> = {}): SandboxedCommand => ({
  command,
  cwd: directory,
  env: { PATH: process.env['PATH'] ?? '/usr/bin:/bin', ONLY: 'this' },
  timeoutMs: 10_000,
  addressSpaceMb: 512,
  maxOutputBytes: 1000,
  ...extra,
});

describe('runSandboxed', () => {
  it('runs with exactly the environment given, in the directory given', async () => {
    const result = await runSandboxed(
      options(['sh', '-c', 'env | grep -v "^PWD=\\|^SHLVL=\\|^_=" | sort; pwd']),
    );
    expect(result.exitCode).toBe(0);
    expect(result.stdout.split('\n').filter((line) => line !== '')).toEqual([
      'ONLY=this',
      `PATH=${process.env['PATH'] ?? '/usr/bin:/bin'}`,
      directory,
    ]);
  });

  it('reports exit codes and caps output', async () => {
    const result = await runSandboxed(options(['sh', '-c', 'yes x | head -c 100000; echo oops >&2; exit 3']));
    expect(result).toMatchObject({ exitCode: 3, timedOut: false, outputTruncated: true, stderr: 'oops\n' });
    expect(result.stdout.length).toBe(1000);
  });

  it('sets the address-space limit', async () => {
    const result = await runSandboxed(options(['sh', '-c', 'ulimit -v'], { addressSpaceMb: 300 }));
    expect(result.stdout.trim()).toBe(String(300 * 1024));
  });

  it('kills at the timeout', async () => {
    const started = Date.now();
    const result = await runSandboxed(options(['sleep', '30'], { timeoutMs: 300 }));
    expect(result).toMatchObject({ timedOut: true, exitCode: undefined, signal: 'SIGKILL' });
    expect(Date.now() - started).toBeLessThan(5000);
  });
});
