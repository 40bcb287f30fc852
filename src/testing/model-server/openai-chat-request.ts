// The body of POST /v1/chat/completions: its schema, and its translation into a model call.
import { z } from 'zod';
import type { ModelMessage, ModelToolCall, ModelToolDefinition } from '../../models/language-model.js';
import {
  badRequestFromZod,
  parseToolArguments,
  serverPurpose,
  type BadRequest,
  type ServerCall,
  type ServerToolChoice,
} from './server-call.js';

const textPart = z.object({
  type: z.literal('text', { error: 'only text content parts are supported by the model server' }),
  text: z.string(),
});
const content = z.union([z.string(), z.array(textPart)]);
const toolCall = z.object({
  id: z.string().min(1),
  type: z.literal('function'),
  function: z.object({ name: z.string().min(1), arguments: z.string() }),
});

const message = z.discriminatedUnion('role', [
  z.object({ role: z.literal('system'), content }),
  z.object({ role: z.literal('developer'), content }),
  z.object({ role: z.literal('user'), content }),
  z.object({
    role: z.literal('assistant'),
    content: content.nullish(),
    tool_calls: z.array(toolCall).optional(),
  }),
  z.object({ role: z.literal('tool'), content, tool_call_id: z.string().min(1) }),
]);

const jsonObject = z.record(z.string(), z.unknown());

/** The request body of OpenAI's chat completions, as far as the model server reads it (other fields are ignored). */
export const openAiChatRequestSchema = z.object({
  model: z.string().min(1),
  messages: z.array(message).min(1),
  tools: z
    .array(
      z.object({
        type: z.literal('function'),
        function: z.object({
          name: z.string().regex(/^[a-zA-Z0-9_-]{1,64}$/, 'tool names are 1 to 64 letters, digits, _ or -'),
          description: z.string().optional(),
          parameters: jsonObject.optional(),
          strict: z.boolean().nullish(),
        }),
      }),
    )
    .optional(),
  tool_choice: z
    .union([
      z.enum(['none', 'auto', 'required']),
      z.object({ type: z.literal('function'), function: z.object({ name: z.string() }) }),
    ])
    .optional(),
  temperature: z.number().min(0).max(2).nullish(),
  top_p: z.number().min(0).max(1).nullish(),
  max_tokens: z.int().min(1).nullish(),
  max_completion_tokens: z.int().min(1).nullish(),
  seed: z.int().nullish(),
  stop: z.union([z.string(), z.array(z.string()).max(4)]).nullish(),
  response_format: z
    .discriminatedUnion('type', [
      z.object({ type: z.literal('text') }),
      z.object({ type: z.literal('json_object') }),
      z.object({
        type: z.literal('json_schema'),
        json_schema: z.object({
          name: z.string().min(1),
          schema: jsonObject.optional(),
          strict: z.boolean().nullish(),
        }),
      }),
    ])
    .optional(),
  n: z.int().nullish(),
  stream: z.boolean().nullish(),
  stream_options: z.object({ include_usage: z.boolean().optional() }).nullish(),
});

/** A parsed chat completions request body. */
export type OpenAiChatRequest = z.infer<typeof openAiChatRequestSchema>;

/** A chat completions request as a model call, with what the answer needs that the call does not carry. */
export interface OpenAiChatCall extends ServerCall {
  includeUsage: boolean;
}

function textOf(value: z.infer<typeof content> | null | undefined): string {
  if (value === undefined || value === null) return '';
  return typeof value === 'string' ? value : value.map((part) => part.text).join('');
}

/**
 * Checks a chat completions body and translates it into a model call, or says what is wrong with it.
 *
 * @example
 * ```ts
 * const call = toOpenAiChatCall({ model: 'gpt-4.1-mini', messages: [{ role: 'user', content: 'Hi' }] });
 * ```
 */
export function toOpenAiChatCall(body: unknown): OpenAiChatCall | BadRequest {
  const parsed = openAiChatRequestSchema.safeParse(body);
  if (!parsed.success) return badRequestFromZod(parsed.error);
  const request = parsed.data;
  if (request.n !== undefined && request.n !== null && request.n !== 1) {
    return {
      message: `n=${request.n} is not supported by the model server; send n=1 or leave it out.`,
      param: 'n',
    };
  }
  if (request.stream_options != null && request.stream !== true) {
    return { message: 'stream_options is only allowed when stream is true.', param: 'stream_options' };
  }
  if (
    request.response_format?.type === 'json_object' &&
    !request.messages.some((entry) => /json/i.test(textOf(entry.content)))
  ) {
    // The real API refuses this too: JSON mode needs the prompt to ask for JSON.
    return {
      message:
        "'messages' must contain the word 'json' in some form to use 'response_format' of type 'json_object'.",
      param: 'messages',
    };
  }
  const messages: ModelMessage[] = [];
  const toolNames = new Map<string, string>();
  for (const [index, entry] of request.messages.entries()) {
    if (entry.role === 'system' || entry.role === 'developer') {
      messages.push({ role: 'system', content: textOf(entry.content) });
    } else if (entry.role === 'user') {
      messages.push({ role: 'user', content: textOf(entry.content) });
    } else if (entry.role === 'assistant') {
      const toolCalls: ModelToolCall[] = [];
      for (const [callIndex, call] of (entry.tool_calls ?? []).entries()) {
        const parsedArguments = parseToolArguments(call.function.arguments);
        if (typeof parsedArguments === 'string') {
          return {
            message: parsedArguments,
            param: `messages.${index}.tool_calls.${callIndex}.function.arguments`,
          };
        }
        toolNames.set(call.id, call.function.name);
        toolCalls.push({ id: call.id, name: call.function.name, arguments: parsedArguments });
      }
      messages.push(
        toolCalls.length > 0
          ? { role: 'assistant', content: textOf(entry.content), toolCalls }
          : { role: 'assistant', content: textOf(entry.content) },
      );
    } else {
      const name = toolNames.get(entry.tool_call_id);
      if (name === undefined) {
        return {
          message: `messages.${index}: a tool message must answer a tool call of an earlier assistant message; no tool call has the id \`${entry.tool_call_id}\`.`,
          param: `messages.${index}.tool_call_id`,
        };
      }
      messages.push({ role: 'tool', toolCallId: entry.tool_call_id, name, content: textOf(entry.content) });
    }
  }
  const tools: ModelToolDefinition[] = (request.tools ?? []).map(({ function: tool }) => ({
    name: tool.name,
    description: tool.description ?? '',
    parameters: tool.parameters ?? { type: 'object', properties: {} },
  }));
  let toolChoice: ServerToolChoice = 'auto';
  const choice = request.tool_choice;
  if (typeof choice === 'object') {
    if (!tools.some((tool) => tool.name === choice.function.name)) {
      return {
        message: `tool_choice names \`${choice.function.name}\`, which is not among tools.`,
        param: 'tool_choice',
      };
    }
    toolChoice = { name: choice.function.name };
  } else if (choice === 'required') {
    if (tools.length === 0)
      return { message: 'tool_choice is `required` but no tools were given.', param: 'tool_choice' };
    toolChoice = 'required';
  }
  const format = request.response_format;
  const stop = request.stop;
  return {
    modelName: request.model,
    stream: request.stream === true,
    includeUsage: request.stream_options?.include_usage === true,
    options: {
      messages,
      temperature: request.temperature ?? undefined,
      topP: request.top_p ?? undefined,
      maxTokens: request.max_completion_tokens ?? request.max_tokens ?? undefined,
      seed: request.seed ?? undefined,
      stopSequences:
        stop === undefined || stop === null ? undefined : typeof stop === 'string' ? [stop] : stop,
      tools: choice === 'none' || tools.length === 0 ? undefined : tools,
      responseFormat:
        format === undefined || format.type === 'text'
          ? undefined
          : format.type === 'json_object'
            ? { type: 'json' }
            : format.json_schema.schema === undefined
              ? { type: 'json' }
              : { type: 'json', schema: format.json_schema.schema },
      purpose: serverPurpose(toolChoice),
    },
  };
}
