// The progress of `loopgym eval` on stderr.
import { SingleBar } from 'cli-progress';
import type { EvalProgress } from '../eval/eval-progress.js';
import type { CliIo } from './cli-io.js';

/**
 * Progress on stderr: a bar on a terminal, else a plain line every few seconds (and at the end; with `json`, only
 * at the end).
 *
 * @example
 * ```ts
 * const progress = evalProgressReporter(io, false);
 * progress.update({ done: 3, total: 10, meanReturn: 0.5, tokens: 1200, costUsd: 0.01, errors: 0, etaSeconds: 12 });
 * progress.stop();
 * ```
 */
export function evalProgressReporter(
  io: CliIo,
  json: boolean,
): { update: (p: EvalProgress) => void; stop: () => void } {
  if (io.interactive) {
    const bar = new SingleBar({
      format:
        'episodes {bar} {value}/{total}  mean return {mean}  tokens {tokens}  cost {cost}  ETA {eta_formatted}',
      hideCursor: true,
      etaBuffer: 50,
    });
    let started = false;
    return {
      update: (p) => {
        const payload = {
          mean: formatMean(p.meanReturn),
          tokens: p.tokens,
          cost: `$${p.costUsd.toFixed(4)}`,
        };
        if (!started) {
          bar.start(p.total, p.done, payload);
          started = true;
        } else bar.update(p.done, payload);
      },
      stop: () => {
        if (started) bar.stop();
      },
    };
  }
  let last = 0;
  let pending: EvalProgress | undefined;
  const line = (p: EvalProgress): string =>
    `${p.done}/${p.total} episodes, mean return ${formatMean(p.meanReturn)}, ${p.tokens} tokens, ` +
    `$${p.costUsd.toFixed(4)}, ${p.errors} errors, ETA ${p.etaSeconds === null ? '?' : `${Math.round(p.etaSeconds)} s`}`;
  return {
    update: (p) => {
      pending = p;
      const now = performance.now();
      if (p.done === p.total || now - last >= 2000) {
        last = now;
        pending = undefined;
        if (!json || p.done === p.total) io.err(line(p));
      }
    },
    stop: () => {
      if (pending !== undefined && pending.done > 0) io.err(line(pending));
    },
  };
}

function formatMean(value: number | null): string {
  return value === null ? '—' : Number(value.toFixed(3)).toString();
}
