// The JSON Schemas of the trace documents LoopGym writes: LTF 0.1 and Loop Trace 1.0 (shipped in data/traces/).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';
import { formatSchemaError, isDateTime } from '../loopnet/record-schema.js';

// This module sits two directories below the package root (src/tracing or dist/tracing).
const schemaDirectory = join(fileURLToPath(new URL('../../', import.meta.url)), 'data', 'traces');

/**
 * The schema files: LTF 0.1 (the Loop Trace Format's official schema) and Loop Trace 1.0 (written from the
 * standard's field list, as the standard publishes no schema file).
 *
 * @example
 * ```ts
 * const ltf = JSON.parse(readFileSync(TRACE_SCHEMA_FILES.ltf, 'utf8'));
 * ```
 */
export const TRACE_SCHEMA_FILES = Object.freeze({
  ltf: join(schemaDirectory, 'ltf-0.1.schema.json'),
  loopTrace: join(schemaDirectory, 'loop-trace-1.0.schema.json'),
});

const validators = new Map<keyof typeof TRACE_SCHEMA_FILES, ValidateFunction>();

/**
 * Checks a document against the LTF 0.1 or Loop Trace 1.0 schema; returns the problems (`[]` when valid), one
 * line each (`/spans/0/span_id: must match pattern …`).
 *
 * @example
 * ```ts
 * validateTraceDocument('ltf', toLtfDocument(store, runId, 0)); // []
 * ```
 */
export function validateTraceDocument(kind: keyof typeof TRACE_SCHEMA_FILES, document: unknown): string[] {
  let validate = validators.get(kind);
  if (validate === undefined) {
    const ajv = new Ajv2020({ allErrors: true, strict: false });
    ajv.addFormat('date-time', { type: 'string', validate: isDateTime });
    validate = ajv.compile(JSON.parse(readFileSync(TRACE_SCHEMA_FILES[kind], 'utf8')) as object);
    validators.set(kind, validate);
  }
  return validate(document) ? [] : (validate.errors ?? []).map(formatSchemaError);
}
