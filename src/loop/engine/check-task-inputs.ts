// A task's input values checked against the loop's `inputs.schema`, once per loop and task.
import type { LoopProgram } from '../../lss/compile/loop-program.js';
import type { InputFieldSpec } from '../../lss/loop-spec.js';
import {
  validateInputValues,
  type ValidateInputValuesResult,
} from '../../lss/validate/validate-input-values.js';
import type { LoopTask } from '../tasks/loop-task.js';

/**
 * Checks a task's input values against the program's input fields (defaults applied), as `validateInputValues`
 * does. The check is a pure function of the fields and the values (compiled programs and tasks do not change), so a
 * valid outcome is kept per program and task; each call still gets its own `values` object: the task's own values,
 * and a fresh copy of each default, as a fresh check gives.
 *
 * @example
 * ```ts
 * const { valid, values, problems } = checkTaskInputs(program, task);
 * ```
 */
export function checkTaskInputs(program: LoopProgram, task: LoopTask): ValidateInputValuesResult {
  let byInputs = checked.get(program);
  if (byInputs === undefined) {
    byInputs = new WeakMap();
    checked.set(program, byInputs);
  }
  const inputs = task.inputs as object;
  const known = typeof inputs === 'object' && inputs !== null ? byInputs.get(inputs) : undefined;
  if (known === undefined) {
    const result = validateInputValues(inputSchemaOf(program), task.inputs);
    if (result.valid && typeof inputs === 'object' && inputs !== null) {
      // Keep a copy: the caller owns the values it was given.
      byInputs.set(inputs, { ...result, values: copyValues(result.values, task.inputs) });
    }
    return result;
  }
  return { valid: true, values: copyValues(known.values, task.inputs), problems: [] };
}

const checked = new WeakMap<LoopProgram, WeakMap<object, ValidateInputValuesResult>>();

/** The values again: the task's own values as they are, the defaults of the fields it leaves out copied. */
function copyValues(
  values: Readonly<Record<string, unknown>>,
  given: Readonly<Record<string, unknown>>,
): Record<string, unknown> {
  const copy: Record<string, unknown> = {};
  for (const name of Object.keys(values)) {
    const value = values[name];
    const provided = Object.hasOwn(given, name) && given[name] !== undefined;
    const own = provided || typeof value !== 'object' || value === null ? value : cloneDefault(value);
    // An own property even for `__proto__` (which plain assignment would take for the prototype).
    if (name === '__proto__') {
      Object.defineProperty(copy, name, { value: own, writable: true, enumerable: true, configurable: true });
    } else {
      copy[name] = own;
    }
  }
  return copy;
}

function cloneDefault(value: unknown): unknown {
  try {
    return structuredClone(value);
  } catch {
    return value;
  }
}

/** The program's input fields as an `inputs.schema` document (what the input validator reads). */
function inputSchemaOf(program: LoopProgram): Record<string, InputFieldSpec> {
  const schema: Record<string, InputFieldSpec> = {};
  for (const field of program.inputs) {
    schema[field.name] = {
      type: field.type,
      description: field.description,
      required: field.required,
      ...(field.hasDefault ? { default: field.default } : {}),
      ...(field.minLength === undefined ? {} : { min_length: field.minLength }),
      ...(field.maxLength === undefined ? {} : { max_length: field.maxLength }),
      ...(field.pattern === undefined ? {} : { pattern: field.pattern }),
      ...(field.values === undefined ? {} : { values: [...field.values] }),
      ...(field.minimum === undefined ? {} : { minimum: field.minimum }),
      ...(field.maximum === undefined ? {} : { maximum: field.maximum }),
      ...(field.items === undefined ? {} : { items: field.items }),
    };
  }
  return schema;
}
