// `schema_enforce`: an output against a JSON Schema, and the size of the diff it proposes.
import { describeValue } from '../../core/errors.js';
import { closeJsonSchema } from './close-json-schema.js';
import { compileJsonSchema, describeSchemaErrors } from './compile-json-schema.js';
import { countDiffChanges } from './count-diff-changes.js';
import { SafetyConfigError, configBoolean, configNumber, configString } from './safety-config.js';
import type { SafetyCheck, SafetyDetector, SafetyFinding } from './safety-detector.js';
import { stringLeaves } from './texts-under-check.js';

/** What a schema resolver is asked for. */
export interface SchemaRequest {
  /** The constraint's `schema_ref` (a path, resolved by the caller against the spec file); `undefined`: none given. */
  schemaRef: string | undefined;
  /** The worker whose output is checked (when `schemaRef` is `undefined`, its declared output schema is wanted). */
  workerId: string | undefined;
}

/** Options of {@link createSchemaEnforceDetector}. */
export interface SchemaEnforceOptions {
  /**
   * Loads a schema: the one `schema_ref` names, or (without `schema_ref` and `schema`) the worker's declared output
   * schema. Returns `undefined` when there is none.
   */
  resolveSchema?: ((request: SchemaRequest) => object | boolean | undefined) | undefined;
}

/** The text without one code fence around all of it (` ```json … ``` `). */
function unfence(text: string): string {
  const fenced = /^\s*```[\w-]*[ \t]*\r?\n([\s\S]*?)\r?\n```\s*$/.exec(text);
  return fenced === null ? text : fenced[1]!;
}

/** The output as a JSON value, or as the string it is when it is not JSON. */
function parseOutput(text: string): { value: unknown; isJson: boolean } {
  try {
    return { value: JSON.parse(unfence(text)) as unknown, isJson: true };
  } catch {
    return { value: text, isJson: false };
  }
}

function schemaOf(check: SafetyCheck, options: SchemaEnforceOptions): object | boolean | undefined {
  const inline = check.constraint.config.schema;
  if (inline !== undefined && inline !== null) {
    if (typeof inline === 'boolean' || (typeof inline === 'object' && !Array.isArray(inline))) return inline;
    throw new SafetyConfigError(
      check.constraint,
      'schema',
      `must be a JSON Schema object, got ${describeValue(inline)}.`,
    );
  }
  const schemaRef = configString(check.constraint, 'schema_ref');
  const resolved = options.resolveSchema?.({ schemaRef, workerId: check.workerId });
  if (resolved === undefined && schemaRef !== undefined) {
    throw new SafetyConfigError(
      check.constraint,
      'schema_ref',
      `names \`${schemaRef}\`, which could not be loaded. Check that the file exists next to the spec, ` +
        'or give the schema inline as config `schema`.',
    );
  }
  return resolved;
}

function validateSchema(check: SafetyCheck, text: string, schema: object | boolean): SafetyFinding[] {
  const rejectUnknown = configBoolean(check.constraint, 'reject_unknown_fields', false);
  let validate;
  try {
    validate = compileJsonSchema(rejectUnknown ? closeJsonSchema(schema) : schema);
  } catch (error) {
    throw new SafetyConfigError(
      check.constraint,
      'schema',
      `is not a valid JSON Schema: ${error instanceof Error ? error.message : String(error)}.`,
    );
  }
  const output = parseOutput(text);
  if (validate(output.value)) return [];
  return [
    {
      type: 'schema_enforce',
      message:
        `The output does not match its schema${output.isJson ? '' : ' (it is not JSON, so it was checked as a string)'}: ` +
        `${describeSchemaErrors(validate.errors).join('; ')}.`,
      spans: [],
    },
  ];
}

function checkDiff(check: SafetyCheck, text: string): SafetyFinding[] {
  const maxFiles = configNumber(check.constraint, 'max_files_changed', undefined, {
    minimum: 0,
    integer: true,
  });
  const maxLines = configNumber(check.constraint, 'max_lines_changed', undefined, {
    minimum: 0,
    integer: true,
  });
  if (maxFiles === undefined && maxLines === undefined) return [];
  // The diff is the text, or the strings of a JSON output that hold one (`{"patch": "--- a/x\n…"}`).
  let changes = countDiffChanges(text);
  const output = parseOutput(text);
  if (!changes.isDiff && output.isJson) {
    const parts = stringLeaves(output.value, []).map((leaf) => countDiffChanges(leaf.value));
    changes = parts.reduce(
      (sum, part) => ({
        isDiff: sum.isDiff || part.isDiff,
        files: sum.files + part.files,
        added: sum.added + part.added,
        removed: sum.removed + part.removed,
      }),
      changes,
    );
  }
  const findings: SafetyFinding[] = [];
  if (maxFiles !== undefined && changes.files > maxFiles) {
    findings.push({
      type: 'schema_enforce',
      message: `The diff changes ${changes.files} files; at most ${maxFiles} are allowed (max_files_changed). Split the change.`,
      spans: [],
    });
  }
  const lines = changes.added + changes.removed;
  if (maxLines !== undefined && lines > maxLines) {
    findings.push({
      type: 'schema_enforce',
      message:
        `The diff changes ${lines} lines (${changes.added} added, ${changes.removed} removed); ` +
        `at most ${maxLines} are allowed (max_lines_changed). Make a smaller change.`,
      spans: [],
    });
  }
  return findings;
}

/**
 * The `schema_enforce` detector.
 *
 * Config:
 * - `schema`: a JSON Schema (2020-12; other drafts mostly work) the output must match. The output is parsed as JSON
 *   (one code fence around it is removed); when it is not JSON it is checked as a string, so a schema such as
 *   `{ type: 'string', pattern: '^---' }` can describe a text format.
 * - `schema_ref`: a schema file, loaded by the `resolveSchema` option (a path is resolved by the caller). One that
 *   cannot be loaded is a config error. Without `schema` and `schema_ref`, `resolveSchema` is asked for the worker's
 *   declared output schema, and without one no schema is checked.
 * - `reject_unknown_fields`: objects may not hold properties their schema does not declare (see `closeJsonSchema`).
 * - `max_files_changed`, `max_lines_changed`: limits on the unified diff in the output (added plus removed lines).
 * - `max_chars`: the longest output; the excess is the finding's span (`over_max_chars`), so `strip` truncates.
 *
 * @example
 * ```ts
 * createSchemaEnforceDetector().inspect({ ...check, constraint: { ...constraint, config: { schema: { type: 'object' } } }, text: '[1]' });
 * // [{ type: 'schema_enforce', message: 'The output does not match its schema: (root) must be object.', spans: [] }]
 * ```
 */
export function createSchemaEnforceDetector(options: SchemaEnforceOptions = {}): SafetyDetector {
  return {
    type: 'schema_enforce',
    scopes: ['post_worker', 'pre_output', 'pre_memory_write', 'pre_evaluator'],
    inspect(check) {
      const text = check.text;
      if (text === undefined) return [];
      const findings: SafetyFinding[] = [];
      const schema = schemaOf(check, options);
      if (schema !== undefined) findings.push(...validateSchema(check, text, schema));
      findings.push(...checkDiff(check, text));
      const maxChars = configNumber(check.constraint, 'max_chars', undefined, { minimum: 0, integer: true });
      if (maxChars !== undefined && text.length > maxChars) {
        findings.push({
          type: 'schema_enforce',
          message: `The output has ${text.length} characters; at most ${maxChars} are allowed (max_chars).`,
          spans: [{ start: maxChars, end: text.length, label: 'over_max_chars' }],
        });
      }
      return findings;
    },
  };
}
