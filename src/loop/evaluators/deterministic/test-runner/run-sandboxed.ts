// Runs a command in a child process with a clean environment, a wall-clock limit, a memory limit and capped output.
import { spawn } from 'node:child_process';

/** What to run and under which limits. */
export interface SandboxedCommand {
  /** The program and its arguments (no shell). */
  command: readonly string[];
  cwd: string;
  /** The whole environment of the child (nothing is inherited). */
  env: Readonly<Record<string, string>>;
  timeoutMs: number;
  /** The address-space limit in megabytes (`ulimit -v`). */
  addressSpaceMb: number;
  /** The most bytes kept of stdout and of stderr (the rest is read and dropped). */
  maxOutputBytes: number;
  signal?: AbortSignal | undefined;
}

/** How a sandboxed command ended. */
export interface SandboxedResult {
  /** The exit code, or `undefined` when the process was killed by a signal. */
  exitCode: number | undefined;
  signal: string | undefined;
  timedOut: boolean;
  stdout: string;
  stderr: string;
  /** Some output was dropped for being over `maxOutputBytes`. */
  outputTruncated: boolean;
}

/** How long to wait for the output pipes to close after the process group was killed. */
const DRAIN_MS = 2000;

/**
 * Runs `command` through `sh -c` that sets `ulimit -v` (and no core files) and then `exec`s it, in its own process
 * group. At `timeoutMs`, or when `signal` aborts, the whole group (the command and everything it started) gets
 * SIGKILL; the group is killed again after the command exits, so no child outlives it. Output beyond
 * `maxOutputBytes` per stream is dropped. Rejects only when `signal` aborts (with its reason) or the shell cannot
 * start.
 *
 * @example
 * ```ts
 * const result = await runSandboxed({
 *   command: ['python3', '-c', 'print(1)'], cwd: '/tmp/x', env: { PATH: '/usr/bin:/bin' },
 *   timeoutMs: 5000, addressSpaceMb: 512, maxOutputBytes: 65536,
 * }); // { exitCode: 0, stdout: '1\n', timedOut: false, … }
 * ```
 */
export function runSandboxed(options: SandboxedCommand): Promise<SandboxedResult> {
  const kilobytes = Math.max(1, Math.floor(options.addressSpaceMb * 1024));
  const script = 'ulimit -c 0 2>/dev/null; ulimit -v "$1" || exit 126; shift; exec "$@"';
  return new Promise((resolve, reject) => {
    options.signal?.throwIfAborted();
    const child = spawn('sh', ['-c', script, 'sandbox', String(kilobytes), ...options.command], {
      cwd: options.cwd,
      env: { ...options.env },
      detached: true,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const stdout = new CappedBuffer(options.maxOutputBytes);
    const stderr = new CappedBuffer(options.maxOutputBytes);
    child.stdout.on('data', (chunk: Buffer) => stdout.add(chunk));
    child.stderr.on('data', (chunk: Buffer) => stderr.add(chunk));
    let timedOut = false;
    let exit: { code: number | null; signal: NodeJS.Signals | null } | undefined;
    let settled = false;
    let drainTimer: NodeJS.Timeout | undefined;
    const killGroup = (): void => {
      if (child.pid === undefined) return;
      try {
        process.kill(-child.pid, 'SIGKILL');
      } catch {
        // The group is gone already.
      }
    };
    const timer = setTimeout(() => {
      timedOut = true;
      killGroup();
    }, options.timeoutMs);
    const onAbort = (): void => killGroup();
    options.signal?.addEventListener('abort', onAbort, { once: true });
    const finish = (): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      clearTimeout(drainTimer);
      options.signal?.removeEventListener('abort', onAbort);
      child.stdout.destroy();
      child.stderr.destroy();
      if (options.signal?.aborted === true) {
        reject(options.signal.reason as Error);
        return;
      }
      resolve({
        exitCode: exit?.code ?? undefined,
        signal: exit?.signal ?? undefined,
        timedOut,
        stdout: stdout.text(),
        stderr: stderr.text(),
        outputTruncated: stdout.truncated || stderr.truncated,
      });
    };
    child.on('error', (error) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      options.signal?.removeEventListener('abort', onAbort);
      reject(error);
    });
    child.on('exit', (code, signal) => {
      exit = { code, signal };
      killGroup();
      drainTimer = setTimeout(finish, DRAIN_MS);
    });
    child.on('close', finish);
  });
}

/** Keeps the first `limit` bytes written to it and counts the rest. */
class CappedBuffer {
  readonly #chunks: Buffer[] = [];
  #size = 0;
  truncated = false;

  constructor(readonly limit: number) {}

  add(chunk: Buffer): void {
    const room = this.limit - this.#size;
    if (room <= 0) {
      this.truncated = true;
      return;
    }
    const kept = chunk.length > room ? chunk.subarray(0, room) : chunk;
    if (kept.length < chunk.length) this.truncated = true;
    this.#chunks.push(kept);
    this.#size += kept.length;
  }

  text(): string {
    return Buffer.concat(this.#chunks).toString('utf8');
  }
}
