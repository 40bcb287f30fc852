// `loopgym run` on a loop environment: iterations printed as they happen, or the event stream as JSON lines.
import type { Env } from '../../core/env.js';
import type { LoopInfo } from '../../loop/gym/loop-env.js';
import type { LoopAction, LoopObservation } from '../../loop/gym/loop-spaces.js';
import type { CliIo } from '../cli-io.js';
import { formatNumber } from '../format-table.js';

/** What `run` asks of a loop environment. */
export interface RunLoopOptions {
  episodes: number;
  /** Episode i is reset with seed + i. */
  seed: number | undefined;
  taskId: string | undefined;
  /** Print every event as one JSON line instead of the readable report. */
  json: boolean;
  render: boolean;
}

/** The outcome of one loop episode, as `run --json` ends its stream with. */
export interface LoopEpisodeSummary {
  taskId: string;
  seed: number | undefined;
  iterations: number;
  reason: string | undefined;
  return: number;
  primary: number | null;
  costUsd: number;
  tokens: number;
}

/**
 * Runs loop episodes with the loop's own models acting (`step(null)`), printing each iteration as it ends (workers,
 * scores, the primary metric and its change, spend) and each episode's outcome; with `json`, every event as it
 * happens, one JSON object per line, then one `episode-summary` line per episode.
 *
 * @example
 * ```ts
 * await runLoop(env, io, { episodes: 1, seed: 0, taskId: 'cr-001', json: false, render: false });
 * ```
 */
export async function runLoop(
  env: Env<LoopObservation, LoopAction, LoopInfo>,
  io: CliIo,
  options: RunLoopOptions,
): Promise<LoopEpisodeSummary[]> {
  const summaries: LoopEpisodeSummary[] = [];
  for (let episode = 0; episode < options.episodes; episode++) {
    const seed = options.seed === undefined ? undefined : options.seed + episode;
    const { observation, info } = await env.reset({
      seed,
      options: options.taskId === undefined ? undefined : { taskId: options.taskId },
    });
    if (options.json) for (const event of info.events) io.out(JSON.stringify(event));
    else io.out(`${env.spec?.id ?? String(env)} · task ${observation.taskId} · seed ${seed ?? 'random'}`);
    let total = 0;
    for (;;) {
      const step = await env.step(null);
      total += step.reward;
      if (options.json) for (const event of step.info.events) io.out(JSON.stringify(event));
      else io.out(describeIteration(step.info, step.reward));
      if (options.render) {
        const frame = env.render();
        if (typeof frame === 'string') io.out(frame);
      }
      if (step.terminated || step.truncated) {
        const summary: LoopEpisodeSummary = {
          taskId: observation.taskId,
          seed,
          iterations: step.info.iteration,
          reason: step.info.terminationReason,
          return: total,
          primary: step.info.primary,
          costUsd: step.info.costUsd,
          tokens: step.info.tokens,
        };
        summaries.push(summary);
        if (options.json) io.out(JSON.stringify({ type: 'episode-summary', ...summary }));
        else {
          io.out(
            `  → ${summary.reason ?? 'ended'} after ${summary.iterations} iteration${summary.iterations === 1 ? '' : 's'}: ` +
              `return ${formatNumber(summary.return)}, ${dollars(summary.costUsd)}, ${summary.tokens} tokens`,
          );
        }
        break;
      }
    }
  }
  if (!options.json && summaries.length > 1) {
    const mean = summaries.reduce((sum, s) => sum + s.return, 0) / summaries.length;
    const successes = summaries.filter((s) => s.reason === 'success').length;
    io.out(
      `${summaries.length} episodes: mean return ${formatNumber(mean)}, success ${successes}/${summaries.length}, ` +
        `${dollars(summaries.reduce((sum, s) => sum + s.costUsd, 0))} in all`,
    );
  }
  return summaries;
}

function describeIteration(info: LoopInfo, reward: number): string {
  const parts: string[] = [];
  for (const event of info.events) {
    if (event.type === 'worker-output') parts.push(`${event.workerId} ✓`);
    if (event.type === 'worker-error' && !event.willRetry) parts.push(`${event.workerId} ✗ ${event.code}`);
    if (event.type === 'evaluator-score') parts.push(`${event.evaluatorId} ${formatNumber(event.score)}`);
    if (event.type === 'evaluator-error') parts.push(`${event.evaluatorId} error`);
    if (event.type === 'safety-event') parts.push(`safety ${event.constraintId}: ${event.outcome}`);
  }
  const primary = info.primary === null ? '—' : formatNumber(info.primary);
  const change = `${reward >= 0 ? '+' : ''}${formatNumber(reward)}`;
  return `  iteration ${info.iteration}: ${parts.join(' · ')} · primary ${primary} (${change}) · ${dollars(info.costUsd)}`;
}

/** Dollars with three significant digits for small amounts: `$0.000406`, `$1.25`. */
function dollars(usd: number): string {
  if (usd === 0) return '$0';
  return usd >= 1 ? `$${usd.toFixed(2)}` : `$${Number(usd.toPrecision(3))}`;
}
