// A composition's own loop, given one more input: what its children produced.
import { InvalidArgumentError } from '../../core/errors.js';
import type { InputField, LoopProgram, WorkerProgram } from '../../lss/compile/loop-program.js';

/** The input through which a composition's own workers read its children's answers. */
export const CHILDREN_INPUT = 'children';

/**
 * The program of a composition's own loop (the one that integrates its children): the composition's program with an
 * optional `children` input (an object: child id → answer, plus the merge's verdict and dissent for a parallel
 * composition), read by the synthesizer worker (`merge.synthesizer: workers.<id>`) or, without one, by every worker
 * that depends on no other worker. `composition` is left out: this loop is one plain loop.
 *
 * @example
 * ```ts
 * const own = integratingProgram(program);
 * own.inputs.at(-1)?.name; // 'children'
 * ```
 */
export function integratingProgram(program: LoopProgram): LoopProgram {
  if (program.inputs.some((field) => field.name === CHILDREN_INPUT)) {
    throw new InvalidArgumentError(
      `\`${program.name}\` is a composition with an input named \`${CHILDREN_INPUT}\`, the name LoopGym gives its children's answers; rename that input.`,
    );
  }
  const readers = synthesizers(program);
  const field: InputField = {
    name: CHILDREN_INPUT,
    type: 'object',
    description: "The composition's children's answers (child id → answer), with the merge's verdict",
    required: false,
    default: undefined,
    hasDefault: false,
    minLength: undefined,
    maxLength: undefined,
    pattern: undefined,
    values: undefined,
    minimum: undefined,
    maximum: undefined,
    items: undefined,
  };
  const workers = program.workers.map((worker): WorkerProgram =>
    readers.has(worker.id)
      ? {
          ...worker,
          inputs: [
            ...worker.inputs,
            { kind: 'input', ref: `inputs.${CHILDREN_INPUT}`, name: CHILDREN_INPUT, path: [CHILDREN_INPUT] },
          ],
        }
      : worker,
  );
  return { ...program, inputs: [...program.inputs, field], workers, composition: undefined };
}

function synthesizers(program: LoopProgram): Set<string> {
  const named = program.composition?.merge?.attributes['synthesizer'];
  if (typeof named === 'string') {
    const id = named.startsWith('workers.') ? named.slice('workers.'.length) : named;
    if (!program.workers.some((worker) => worker.id === id)) {
      throw new InvalidArgumentError(
        `\`composition.merge.synthesizer\` of \`${program.name}\` names \`${named}\`, which is not one of its workers (${program.workers.map((worker) => `workers.${worker.id}`).join(', ')}).`,
      );
    }
    return new Set([id]);
  }
  return new Set(
    program.workers.filter((worker) => worker.dependsOn.length === 0).map((worker) => worker.id),
  );
}
