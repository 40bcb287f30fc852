// Tasks made from the input examples a loop spec carries (`inputs.examples`).
import { emptyTaskMaterial, type LoopTask } from './loop-task.js';

/** Where the examples come from: a parsed spec (`inputs.examples`) or a compiled program (`inputExamples`). */
export type ExampleSource =
  | { inputs: { examples?: readonly Readonly<Record<string, unknown>>[] | undefined } }
  | { inputExamples: readonly Readonly<Record<string, unknown>>[] };

/**
 * One task per input example of a spec, in order: `example-1`, `example-2`, … with the example as its inputs and
 * empty material. A spec without examples gives no tasks.
 *
 * @example
 * ```ts
 * const { program } = await compileSpecFile('loop.yaml');
 * const tasks = tasksFromExamples(program); // [{ id: 'example-1', inputs: { query: '…' }, … }]
 * ```
 */
export function tasksFromExamples(
  spec: ExampleSource,
  options: { root?: string | undefined } = {},
): LoopTask[] {
  const examples = 'inputExamples' in spec ? spec.inputExamples : (spec.inputs.examples ?? []);
  return examples.map((example, index) => ({
    id: `example-${index + 1}`,
    family: undefined,
    difficulty: undefined,
    inputs: { ...example },
    material: emptyTaskMaterial(),
    root: options.root,
  }));
}
