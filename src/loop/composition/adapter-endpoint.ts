// The two ends of a composition adapter, read from their dotted form.
import { InvalidArgumentError } from '../../core/errors.js';

/** Where an adapter reads or writes. */
export type AdapterEndpoint =
  /** `children.<id>.outputs.<worker>`, or `children.<id>.outputs` (the child's answer: its last worker's output). */
  | { kind: 'child-output'; childId: string; workerId: string | undefined }
  /** `children.<id>.inputs.<field>`. */
  | { kind: 'child-input'; childId: string; field: string }
  /** `inputs.<field>`: an input value of the composition's task. */
  | { kind: 'task-input'; field: string };

/**
 * Reads an adapter's `from` or `to`.
 *
 * @example
 * ```ts
 * parseAdapterEndpoint('children.research.outputs.writer'); // { kind: 'child-output', childId: 'research', workerId: 'writer' }
 * ```
 */
export function parseAdapterEndpoint(text: string): AdapterEndpoint {
  const parts = text.trim().split('.');
  if (parts[0] === 'inputs' && parts.length === 2 && parts[1] !== '') {
    return { kind: 'task-input', field: parts[1]! };
  }
  if (parts[0] === 'children' && parts.length >= 3 && parts[1] !== '') {
    if (parts[2] === 'outputs' && parts.length <= 4) {
      return { kind: 'child-output', childId: parts[1]!, workerId: parts[3] };
    }
    if (parts[2] === 'inputs' && parts.length === 4 && parts[3] !== '') {
      return { kind: 'child-input', childId: parts[1]!, field: parts[3]! };
    }
  }
  throw new InvalidArgumentError(
    `The adapter end \`${text}\` is not one LoopGym can run: write \`children.<id>.outputs.<worker>\` or \`inputs.<field>\` to read, and \`children.<id>.inputs.<field>\` to write.`,
  );
}

/**
 * Applies an adapter's `transform`: `identity` (or none) passes the value unchanged, `trim` trims a text, `json`
 * writes the value as JSON text. Any other transform is an error that names the ones LoopGym knows.
 *
 * @example
 * ```ts
 * applyTransform('  text ', 'trim'); // 'text'
 * ```
 */
export function applyTransform(value: unknown, transform: string | undefined): unknown {
  switch (transform ?? 'identity') {
    case 'identity':
      return value;
    case 'trim':
      return typeof value === 'string' ? value.trim() : value;
    case 'json':
      return JSON.stringify(value);
    default:
      throw new InvalidArgumentError(
        `The adapter transform \`${transform}\` is not one LoopGym runs; use \`identity\`, \`trim\` or \`json\`.`,
      );
  }
}
