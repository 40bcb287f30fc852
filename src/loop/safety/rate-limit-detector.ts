// `rate_limit`: too many model or tool calls, per minute or per run, from the run's call log.
import { configNumber } from './safety-config.js';
import type { SafetyCheck, SafetyDetector, SafetyFinding } from './safety-detector.js';

/** The sliding window of the per-minute limits, in run seconds. */
const WINDOW_SECONDS = 60;

/** Calls in the window `(now - 60, now]`. */
function inLastMinute(times: readonly number[], now: number): number {
  return times.filter((time) => time > now - WINDOW_SECONDS && time <= now).length;
}

/**
 * The `rate_limit` detector. It counts the calls of `SafetyCheck.callLog` (times in run seconds) against
 * `run.elapsedSeconds`, over a sliding window of the last 60 seconds.
 *
 * At `pre_worker` the call about to be made is not in the log yet, so it is counted too: a worker call when
 * `workerId` is set, and a tool call when `toolCall` is set (a check for a tool call counts only the tool call, not
 * another worker call). At other scopes the log is taken as complete.
 *
 * Config:
 * - `max_calls_per_minute`: model calls of the checked worker in the last minute.
 * - `max_tool_calls_per_minute`: tool calls in the last minute, all tools and workers together (the log does not
 *   say which worker made a tool call).
 * - `max_calls_per_run`: model calls of all workers since the run started.
 *
 * @example
 * ```ts
 * createRateLimitDetector().inspect({ ...check, workerId: 'writer', run: { …, elapsedSeconds: 30 },
 *   callLog: { worker: { writer: [1, 2, 3] }, tool: {} }, constraint: { …, config: { max_calls_per_minute: 3 } } });
 * // [{ type: 'rate_limit', message: 'Worker `writer` would make 4 model calls in the last minute; …', spans: [] }]
 * ```
 */
export function createRateLimitDetector(): SafetyDetector {
  return {
    type: 'rate_limit',
    scopes: ['pre_worker', 'post_worker'],
    inspect(check) {
      const findings: SafetyFinding[] = [];
      const limit = (key: string): number | undefined =>
        configNumber(check.constraint, key, undefined, { minimum: 0, integer: true });
      const pending = pendingCalls(check);
      const now = check.run.elapsedSeconds;
      const verb = pending.worker + pending.tool > 0 ? 'would make' : 'made';

      const perMinute = limit('max_calls_per_minute');
      if (perMinute !== undefined && check.workerId !== undefined) {
        const calls = inLastMinute(check.callLog.worker[check.workerId] ?? [], now) + pending.worker;
        if (calls > perMinute) {
          findings.push(
            finding(
              `Worker \`${check.workerId}\` ${verb} ${calls} model calls in the last minute`,
              perMinute,
              'max_calls_per_minute',
            ),
          );
        }
      }
      const toolsPerMinute = limit('max_tool_calls_per_minute');
      if (toolsPerMinute !== undefined) {
        const logged = Object.values(check.callLog.tool).reduce(
          (sum, times) => sum + inLastMinute(times, now),
          0,
        );
        const calls = logged + pending.tool;
        if (calls > toolsPerMinute) {
          findings.push(
            finding(
              `The run ${verb} ${calls} tool calls in the last minute`,
              toolsPerMinute,
              'max_tool_calls_per_minute',
            ),
          );
        }
      }
      const perRun = limit('max_calls_per_run');
      if (perRun !== undefined) {
        const logged = Object.values(check.callLog.worker).reduce(
          (sum, times) => sum + times.filter((time) => time <= now).length,
          0,
        );
        const calls = logged + pending.worker;
        if (calls > perRun) {
          findings.push(finding(`The run ${verb} ${calls} model calls`, perRun, 'max_calls_per_run'));
        }
      }
      return findings;
    },
  };
}

/** The calls a `pre_worker` check is about (not yet in the log). */
function pendingCalls(check: SafetyCheck): { worker: number; tool: number } {
  if (check.scope !== 'pre_worker') return { worker: 0, tool: 0 };
  if (check.toolCall !== undefined) return { worker: 0, tool: 1 };
  return { worker: check.workerId === undefined ? 0 : 1, tool: 0 };
}

function finding(what: string, limit: number, key: string): SafetyFinding {
  return {
    type: 'rate_limit',
    message: `${what}; at most ${limit} ${limit === 1 ? 'is' : 'are'} allowed (${key}). Wait, or raise the limit.`,
    spans: [],
  };
}
