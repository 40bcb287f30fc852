// The JSON value of a worker output, however the worker wrapped it.
import type { WorkerOutput } from '../../../worker-output.js';

/** The JSON of an output, or why there is none. */
export type JsonOutputReading = { ok: true; value: unknown } | { ok: false; problem: string };

/**
 * The JSON value of `output`: its parsed `value` when the engine parsed it, else its text parsed, else the first
 * fenced block that parses (workers often wrap JSON in ```json fences).
 *
 * @example
 * ```ts
 * readJsonOutput(output); // { ok: true, value: { steps: [] } } or { ok: false, problem: 'Unexpected token …' }
 * ```
 */
export function readJsonOutput(output: WorkerOutput | undefined): JsonOutputReading {
  if (output === undefined) return { ok: false, problem: 'there is no output to read' };
  if (output.value !== undefined) return { ok: true, value: output.value };
  const first = parseJson(output.text);
  if (first.ok) return first;
  for (const block of output.codeBlocks) {
    const reading = parseJson(block.content);
    if (reading.ok) return reading;
  }
  return first;
}

function parseJson(text: string): JsonOutputReading {
  if (text.trim() === '') return { ok: false, problem: 'the output is empty' };
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch (error) {
    return { ok: false, problem: error instanceof Error ? error.message : String(error) };
  }
}
