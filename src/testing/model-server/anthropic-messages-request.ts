// The body of POST /v1/messages: its schema, and its translation into a model call.
import { z } from 'zod';
import type { ModelMessage, ModelToolCall, ModelToolDefinition } from '../../models/language-model.js';
import {
  badRequestFromZod,
  serverPurpose,
  type BadRequest,
  type ServerCall,
  type ServerToolChoice,
} from './server-call.js';

const blockTypeError = {
  error: 'only text, tool_use and tool_result content blocks are supported by the model server',
};
const textBlock = z.object({ type: z.literal('text'), text: z.string() });
const block = z.discriminatedUnion(
  'type',
  [
    textBlock,
    z.object({
      type: z.literal('tool_use'),
      id: z.string().min(1),
      name: z.string().min(1),
      input: z.record(z.string(), z.unknown()),
    }),
    z.object({
      type: z.literal('tool_result'),
      tool_use_id: z.string().min(1),
      content: z.union([z.string(), z.array(textBlock)]).optional(),
      is_error: z.boolean().optional(),
    }),
  ],
  blockTypeError,
);

/** The request body of Anthropic's messages API, as far as the model server reads it (other fields are ignored). */
export const anthropicMessagesRequestSchema = z.object({
  model: z.string().min(1),
  max_tokens: z.int({ error: 'max_tokens is required: a positive integer' }).min(1),
  messages: z
    .array(z.object({ role: z.enum(['user', 'assistant']), content: z.union([z.string(), z.array(block)]) }))
    .min(1),
  system: z.union([z.string(), z.array(textBlock)]).optional(),
  tools: z
    .array(
      z.object({
        name: z.string().regex(/^[a-zA-Z0-9_-]{1,64}$/, 'tool names are 1 to 64 letters, digits, _ or -'),
        description: z.string().optional(),
        input_schema: z.looseObject({ type: z.literal('object') }),
      }),
    )
    .optional(),
  tool_choice: z
    .discriminatedUnion('type', [
      z.object({ type: z.enum(['auto', 'any', 'none']) }),
      z.object({ type: z.literal('tool'), name: z.string().min(1) }),
    ])
    .optional(),
  temperature: z.number().min(0).max(1).optional(),
  top_p: z.number().min(0).max(1).optional(),
  top_k: z.int().min(0).optional(),
  stop_sequences: z.array(z.string()).optional(),
  stream: z.boolean().optional(),
  output_config: z
    .object({
      format: z
        .object({ type: z.literal('json_schema'), schema: z.record(z.string(), z.unknown()) })
        .nullish(),
    })
    .optional(),
});

/** A parsed messages request body. */
export type AnthropicMessagesRequest = z.infer<typeof anthropicMessagesRequestSchema>;

function joinText(blocks: string | readonly { text: string }[] | undefined): string {
  if (blocks === undefined) return '';
  return typeof blocks === 'string' ? blocks : blocks.map((entry) => entry.text).join('');
}

/**
 * Checks a messages body and translates it into a model call, or says what is wrong with it. Tool results in a
 * user turn become tool messages (before the turn's text); tool uses in an assistant turn become its tool calls.
 *
 * @example
 * ```ts
 * const call = toAnthropicMessagesCall({ model: 'claude-3-5-haiku', max_tokens: 64, messages: [{ role: 'user', content: 'Hi' }] });
 * ```
 */
export function toAnthropicMessagesCall(body: unknown): ServerCall | BadRequest {
  const parsed = anthropicMessagesRequestSchema.safeParse(body);
  if (!parsed.success) return badRequestFromZod(parsed.error);
  const request = parsed.data;
  const messages: ModelMessage[] = [];
  if (request.system !== undefined) messages.push({ role: 'system', content: joinText(request.system) });
  const toolNames = new Map<string, string>();
  for (const [index, turn] of request.messages.entries()) {
    const blocks =
      typeof turn.content === 'string' ? [{ type: 'text' as const, text: turn.content }] : turn.content;
    const text = blocks.flatMap((entry) => (entry.type === 'text' ? [entry.text] : [])).join('');
    if (turn.role === 'assistant') {
      if (blocks.some((entry) => entry.type === 'tool_result')) {
        return {
          message: `messages.${index}: tool_result blocks belong in user turns.`,
          param: `messages.${index}`,
        };
      }
      const toolCalls: ModelToolCall[] = blocks.flatMap((entry) =>
        entry.type === 'tool_use' ? [{ id: entry.id, name: entry.name, arguments: entry.input }] : [],
      );
      for (const call of toolCalls) toolNames.set(call.id, call.name);
      messages.push(
        toolCalls.length > 0
          ? { role: 'assistant', content: text, toolCalls }
          : { role: 'assistant', content: text },
      );
      continue;
    }
    for (const entry of blocks) {
      if (entry.type === 'tool_use') {
        return {
          message: `messages.${index}: tool_use blocks belong in assistant turns.`,
          param: `messages.${index}`,
        };
      }
      if (entry.type !== 'tool_result') continue;
      const name = toolNames.get(entry.tool_use_id);
      if (name === undefined) {
        return {
          message: `messages.${index}: a tool_result must answer a tool_use of an earlier assistant turn; no tool_use has the id \`${entry.tool_use_id}\`.`,
          param: `messages.${index}.content`,
        };
      }
      const content = joinText(entry.content);
      messages.push({
        role: 'tool',
        toolCallId: entry.tool_use_id,
        name,
        content: entry.is_error === true ? `Error: ${content}` : content,
      });
    }
    if (blocks.some((entry) => entry.type === 'text')) messages.push({ role: 'user', content: text });
  }
  const tools: ModelToolDefinition[] = (request.tools ?? []).map((tool) => ({
    name: tool.name,
    description: tool.description ?? '',
    parameters: tool.input_schema,
  }));
  let toolChoice: ServerToolChoice = 'auto';
  const choice = request.tool_choice;
  if (choice?.type === 'tool') {
    if (!tools.some((tool) => tool.name === choice.name)) {
      return {
        message: `tool_choice names \`${choice.name}\`, which is not among tools.`,
        param: 'tool_choice',
      };
    }
    toolChoice = { name: choice.name };
  } else if (choice?.type === 'any') {
    if (tools.length === 0)
      return { message: 'tool_choice is `any` but no tools were given.', param: 'tool_choice' };
    toolChoice = 'required';
  }
  const format = request.output_config?.format;
  return {
    modelName: request.model,
    stream: request.stream === true,
    options: {
      messages,
      maxTokens: request.max_tokens,
      temperature: request.temperature,
      topP: request.top_p,
      stopSequences: request.stop_sequences,
      tools: choice?.type === 'none' || tools.length === 0 ? undefined : tools,
      responseFormat: format == null ? undefined : { type: 'json', schema: format.schema },
      purpose: serverPurpose(toolChoice),
    },
  };
}
