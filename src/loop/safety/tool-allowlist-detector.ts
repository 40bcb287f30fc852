// `tool_allowlist`: a tool call to a tool the worker may not use, or with arguments its schema refuses.
import { describeValue } from '../../core/errors.js';
import { closestMatches } from '../../registry/closest-matches.js';
import { compileJsonSchema, describeSchemaErrors } from './compile-json-schema.js';
import { SafetyConfigError, configBoolean, configStringList } from './safety-config.js';
import type { SafetyCheck, SafetyDetector, SafetyFinding } from './safety-detector.js';

/** Options of {@link createToolAllowlistDetector}. */
export interface ToolAllowlistOptions {
  /**
   * The JSON Schema of a tool's arguments, for `validate_args_schema` (the engine passes the registered tool's
   * `definition.parameters`). Config `tool_schemas` takes precedence.
   */
  toolSchema?: ((toolName: string) => object | boolean | undefined) | undefined;
}

/**
 * The `tool_allowlist` detector. A check without a tool call has nothing to find; the engine makes one check per
 * tool call (at `pre_worker` before the tool runs, or at `post_worker` for the calls an output asks for).
 *
 * Config:
 * - `allowed_tools`: the tools allowed (default: the worker's `tools`, `SafetyCheck.allowedTools`).
 * - `validate_args_schema`: also check the arguments against the tool's JSON Schema, from config `tool_schemas`
 *   (tool name → schema) or the `toolSchema` option. A tool without a schema is a config error then, since the
 *   check cannot be done (the engine applies `on_error`).
 * - `enforce_at_runtime`: accepted; the detector always enforces.
 *
 * @example
 * ```ts
 * createToolAllowlistDetector().inspect({ ...check, allowedTools: ['web_search'], toolCall: { name: 'shell', arguments: {} } });
 * // [{ type: 'tool_allowlist', message: 'Tool `shell` is not allowed for worker `researcher` …', spans: [] }]
 * ```
 */
export function createToolAllowlistDetector(options: ToolAllowlistOptions = {}): SafetyDetector {
  return {
    type: 'tool_allowlist',
    scopes: ['pre_worker', 'post_worker'],
    inspect(check) {
      const call = check.toolCall;
      if (call === undefined) return [];
      const allowed = configStringList(check.constraint, 'allowed_tools') ?? check.allowedTools;
      const worker = check.workerId === undefined ? 'the loop' : `worker \`${check.workerId}\``;
      if (!allowed.includes(call.name)) {
        const close = closestMatches(call.name, allowed, 1)[0];
        return [
          {
            type: 'tool_allowlist',
            message:
              `Tool \`${call.name}\` is not allowed for ${worker} ` +
              `(allowed: ${allowed.length === 0 ? 'none' : allowed.join(', ')}).` +
              (close === undefined ? '' : ` Did you mean \`${close}\`?`) +
              ' Add it to the worker’s `tools` if it should be allowed.',
            spans: [],
          },
        ];
      }
      if (!configBoolean(check.constraint, 'validate_args_schema', false)) return [];
      return validateArguments(check, call.name, call.arguments, options);
    },
  };
}

function validateArguments(
  check: SafetyCheck,
  toolName: string,
  argumentsObject: unknown,
  options: ToolAllowlistOptions,
): SafetyFinding[] {
  const schema = toolSchemaOf(check, toolName) ?? options.toolSchema?.(toolName);
  if (schema === undefined) {
    throw new SafetyConfigError(
      check.constraint,
      'validate_args_schema',
      `asks to validate the arguments of tool \`${toolName}\`, but no schema is known for it. ` +
        `Give one in config \`tool_schemas.${toolName}\` or register the tool with its parameters.`,
    );
  }
  let validate;
  try {
    validate = compileJsonSchema(schema);
  } catch (error) {
    throw new SafetyConfigError(
      check.constraint,
      'tool_schemas',
      `has an invalid schema for tool \`${toolName}\`: ${error instanceof Error ? error.message : String(error)}.`,
    );
  }
  if (validate(argumentsObject)) return [];
  return [
    {
      type: 'tool_allowlist',
      message:
        `The arguments of tool \`${toolName}\` do not match its schema: ` +
        `${describeSchemaErrors(validate.errors).join('; ')}.`,
      spans: [],
    },
  ];
}

function toolSchemaOf(check: SafetyCheck, toolName: string): object | boolean | undefined {
  const schemas = check.constraint.config.tool_schemas;
  if (schemas === undefined || schemas === null) return undefined;
  if (typeof schemas !== 'object' || Array.isArray(schemas)) {
    throw new SafetyConfigError(
      check.constraint,
      'tool_schemas',
      `must map tool names to JSON Schemas, got ${describeValue(schemas)}.`,
    );
  }
  if (!Object.hasOwn(schemas, toolName)) return undefined;
  const schema = (schemas as Record<string, unknown>)[toolName];
  if (typeof schema !== 'boolean' && (typeof schema !== 'object' || schema === null)) {
    throw new SafetyConfigError(
      check.constraint,
      'tool_schemas',
      `has ${describeValue(schema)} for tool \`${toolName}\`; write a JSON Schema object.`,
    );
  }
  return schema;
}
