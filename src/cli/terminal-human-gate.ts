import { createInterface } from 'node:readline';
import type { HumanGate } from '../loop/human-gate.js';

/**
 * A human gate that asks in the terminal: it prints what is under review and waits for `y` (approve) or `n` (reject,
 * with an optional reason after it, e.g. `n too risky`); no answer within the request's SLA is a timeout.
 *
 * @example
 * ```ts
 * const gate = terminalHumanGate(process.stdin, (text) => process.stderr.write(text));
 * ```
 */
export function terminalHumanGate(input: NodeJS.ReadableStream, write: (text: string) => void): HumanGate {
  const lines = createInterface({ input, terminal: false });
  const pending: ((line: string | undefined) => void)[] = [];
  const buffered: string[] = [];
  let closed = false;
  lines.on('line', (line) => {
    const waiter = pending.shift();
    if (waiter === undefined) buffered.push(line);
    else waiter(line);
  });
  lines.on('close', () => {
    closed = true;
    for (const waiter of pending.splice(0)) waiter(undefined);
  });
  const nextLine = (): Promise<string | undefined> => {
    const line = buffered.shift();
    if (line !== undefined) return Promise.resolve(line);
    if (closed) return Promise.resolve(undefined);
    return new Promise((resolve) => pending.push(resolve));
  };
  return {
    review: async (request, signal) => {
      const started = performance.now();
      write(
        `\n── review requested by ${request.gateId} (iteration ${request.iteration}) ──\n` +
          `${request.instructions === undefined ? '' : `${request.instructions}\n`}${request.subject}\n` +
          `Approve? [y/n, then an optional reason] `,
      );
      for (;;) {
        let timer: NodeJS.Timeout | undefined;
        const timeout = new Promise<'timeout'>((resolve) => {
          timer = setTimeout(() => resolve('timeout'), request.timeoutSeconds * 1000);
        });
        const aborted = new Promise<'timeout'>((resolve) =>
          signal.addEventListener('abort', () => resolve('timeout'), { once: true }),
        );
        const answer = await Promise.race([nextLine(), timeout, aborted]);
        clearTimeout(timer);
        const waitedSeconds = (performance.now() - started) / 1000;
        if (answer === 'timeout' || answer === undefined) {
          write('\n(no answer: timeout)\n');
          return { decision: 'timeout', reason: 'no answer in the terminal', waitedSeconds };
        }
        const [word = '', ...rest] = answer.trim().split(/\s+/);
        const reason = rest.join(' ');
        if (/^y(es)?$/i.test(word))
          return { decision: 'approve', reason: reason || 'approved in the terminal', waitedSeconds };
        if (/^no?$/i.test(word))
          return { decision: 'reject', reason: reason || 'rejected in the terminal', waitedSeconds };
        write('Please answer y or n: ');
      }
    },
  };
}
