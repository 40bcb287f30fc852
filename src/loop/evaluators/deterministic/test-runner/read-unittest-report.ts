// Reads the JSON lines the Python unittest runner writes.
import { z } from 'zod';
import type { TestCaseResult, TestReport } from './test-report.js';

const planLine = z.object({ event: z.literal('plan'), tests: z.array(z.string()) });
const resultLine = z.object({
  event: z.literal('result'),
  id: z.string(),
  status: z.enum(['passed', 'failed', 'error', 'skipped']),
  message: z.string().optional(),
  kind: z.enum(['syntax_error', 'memory_error', 'import', 'fixture']).optional(),
});

/**
 * The report in the runner's JSON lines. Lines that do not parse (a run killed mid-line) are skipped; the report is
 * complete only when the `done` line is there.
 *
 * @example
 * ```ts
 * readUnittestReport('{"event":"plan","tests":["t.T.test_a"]}\n{"event":"done"}\n');
 * // { planned: ['t.T.test_a'], results: [], complete: true, syntaxError: undefined, memoryError: false }
 * ```
 */
export function readUnittestReport(text: string): TestReport {
  const planned: string[] = [];
  const results: TestCaseResult[] = [];
  let complete = false;
  for (const line of text.split('\n')) {
    if (line.trim() === '') continue;
    let record: unknown;
    try {
      record = JSON.parse(line);
    } catch {
      continue;
    }
    const plan = planLine.safeParse(record);
    if (plan.success) planned.push(...plan.data.tests);
    const result = resultLine.safeParse(record);
    if (result.success) {
      const { id, status, message, kind } = result.data;
      results.push({ id, status, message, kind });
    }
    if (typeof record === 'object' && record !== null && (record as { event?: unknown }).event === 'done') {
      complete = true;
    }
  }
  const syntax = results.find((result) => result.kind === 'syntax_error');
  return {
    planned,
    results,
    complete,
    syntaxError: syntax?.message,
    memoryError: results.some((result) => result.kind === 'memory_error'),
  };
}
