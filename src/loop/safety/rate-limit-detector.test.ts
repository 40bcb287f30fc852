import { describe, expect, it } from 'vitest';
import type { SafetyCheck } from './safety-detector.js';
import { makeCheck } from './__fixtures__/make-check.js';
import { createRateLimitDetector } from './rate-limit-detector.js';

const detector = createRateLimitDetector();
const check = (config: Record<string, unknown>, overrides: Partial<SafetyCheck>) =>
  makeCheck('rate_limit', config, { scope: 'pre_worker', workerId: 'writer', ...overrides });
const messages = (config: Record<string, unknown>, overrides: Partial<SafetyCheck>) =>
  detector.inspect(check(config, overrides)).map((finding) => finding.message);

describe('rate_limit', () => {
  it('counts the worker’s calls in the last minute plus the one about to be made', () => {
    const callLog = { worker: { writer: [5, 50, 61, 100], reviewer: [100, 100, 100] }, tool: {} };
    const run = { runId: 'r', iteration: 3, elapsedSeconds: 110, inputs: {} };
    // In (50, 110]: 61 and 100, plus the pending call: 3.
    expect(messages({ max_calls_per_minute: 3 }, { callLog, run })).toEqual([]);
    expect(messages({ max_calls_per_minute: 2 }, { callLog, run })).toEqual([
      'Worker `writer` would make 3 model calls in the last minute; at most 2 are allowed (max_calls_per_minute). Wait, or raise the limit.',
    ]);
  });

  it('takes the log as complete after the call', () => {
    const callLog = { worker: { writer: [100, 101, 102] }, tool: {} };
    const run = { runId: 'r', iteration: 3, elapsedSeconds: 102, inputs: {} };
    expect(messages({ max_calls_per_minute: 3 }, { scope: 'post_worker', callLog, run })).toEqual([]);
    expect(messages({ max_calls_per_minute: 2 }, { scope: 'post_worker', callLog, run })).toEqual([
      'Worker `writer` made 3 model calls in the last minute; at most 2 are allowed (max_calls_per_minute). Wait, or raise the limit.',
    ]);
  });

  it('counts tool calls of all tools, and the pending tool call instead of a worker call', () => {
    const callLog = { worker: { writer: [1, 2, 3] }, tool: { web_search: [30, 40], fetch_url: [45, 80] } };
    const run = { runId: 'r', iteration: 1, elapsedSeconds: 90, inputs: {} };
    const toolCall = { name: 'fetch_url', arguments: {} };
    expect(
      messages({ max_tool_calls_per_minute: 4, max_calls_per_minute: 3 }, { callLog, run, toolCall }),
    ).toEqual([]);
    expect(messages({ max_tool_calls_per_minute: 3 }, { callLog, run, toolCall })).toEqual([
      'The run would make 4 tool calls in the last minute; at most 3 are allowed (max_tool_calls_per_minute). Wait, or raise the limit.',
    ]);
  });

  it('counts model calls of every worker for max_calls_per_run', () => {
    const callLog = { worker: { writer: [1, 2], reviewer: [3] }, tool: {} };
    const run = { runId: 'r', iteration: 1, elapsedSeconds: 500, inputs: {} };
    expect(messages({ max_calls_per_run: 4 }, { callLog, run })).toEqual([]);
    expect(messages({ max_calls_per_run: 3 }, { callLog, run })).toEqual([
      'The run would make 4 model calls; at most 3 are allowed (max_calls_per_run). Wait, or raise the limit.',
    ]);
  });

  it('has nothing to find without limits', () => {
    expect(messages({}, { callLog: { worker: { writer: [1, 1, 1] }, tool: {} } })).toEqual([]);
  });

  it('refuses a limit that is not a whole number', () => {
    expect(() => messages({ max_calls_per_run: 2.5 }, {})).toThrow(/max_calls_per_run` must be a number/);
  });
});
