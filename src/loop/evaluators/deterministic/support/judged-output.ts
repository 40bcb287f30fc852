// Which output a deterministic evaluator judges.
import type { WorkerOutput } from '../../../worker-output.js';

/**
 * The output judged by evaluators of one output: the last of `outputs` (the outputs of the workers in the
 * evaluator's `runs_after`, in execution order), or `undefined` when there is none.
 *
 * @example
 * ```ts
 * judgedOutput([planOutput, draftOutput]); // draftOutput
 * ```
 */
export function judgedOutput(outputs: readonly WorkerOutput[]): WorkerOutput | undefined {
  return outputs.at(-1);
}

/**
 * The text of the judged output, or `''` when there is no output.
 *
 * @example
 * ```ts
 * judgedText([draftOutput]); // draftOutput.text
 * ```
 */
export function judgedText(outputs: readonly WorkerOutput[]): string {
  return judgedOutput(outputs)?.text ?? '';
}
