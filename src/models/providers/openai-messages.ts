// Translating LoopGym calls to OpenAI chat completion requests, and completions back.
import type OpenAI from 'openai';
import type {
  FinishReason,
  GenerateOptions,
  ModelMessage,
  ModelToolCall,
  ModelToolDefinition,
  ModelUsage,
} from '../language-model.js';
import { toolCallFrom } from './parse-tool-arguments.js';

type ChatRequest = OpenAI.Chat.Completions.ChatCompletionCreateParamsNonStreaming;
type ChatMessage = OpenAI.Chat.Completions.ChatCompletionMessageParam;
type ChatTool = OpenAI.Chat.Completions.ChatCompletionTool;

/** Which request field carries the output token limit. */
export type MaxTokensField = 'max_tokens' | 'max_completion_tokens';

/** The request body of a call (without `stream`). */
export function toOpenAIRequest(
  modelName: string,
  options: GenerateOptions,
  maxTokensField: MaxTokensField,
): ChatRequest {
  const request: ChatRequest = { model: modelName, messages: options.messages.map(toOpenAIMessage) };
  if (options.temperature !== undefined) request.temperature = options.temperature;
  if (options.topP !== undefined) request.top_p = options.topP;
  if (options.maxTokens !== undefined) request[maxTokensField] = options.maxTokens;
  // Marked deprecated ("beta") in the SDK's types, but OpenAI and the compatible servers still honour it.
  // eslint-disable-next-line @typescript-eslint/no-deprecated
  if (options.seed !== undefined) request.seed = options.seed;
  if (options.stopSequences !== undefined && options.stopSequences.length > 0) {
    request.stop = [...options.stopSequences];
  }
  if (options.tools !== undefined && options.tools.length > 0)
    request.tools = options.tools.map(toOpenAITool);
  const format = options.responseFormat;
  if (format?.type === 'json') {
    request.response_format =
      format.schema === undefined
        ? { type: 'json_object' }
        : { type: 'json_schema', json_schema: { name: 'response', schema: { ...format.schema } } };
  }
  return request;
}

function toOpenAIMessage(message: ModelMessage): ChatMessage {
  switch (message.role) {
    case 'system':
    case 'user':
      return { role: message.role, content: message.content };
    case 'assistant': {
      const toolCalls = message.toolCalls ?? [];
      if (toolCalls.length === 0) return { role: 'assistant', content: message.content };
      return {
        role: 'assistant',
        content: message.content === '' ? null : message.content,
        tool_calls: toolCalls.map((call) => ({
          id: call.id,
          type: 'function' as const,
          function: { name: call.name, arguments: JSON.stringify(call.arguments) },
        })),
      };
    }
    case 'tool':
      return { role: 'tool', tool_call_id: message.toolCallId, content: message.content };
  }
}

function toOpenAITool(tool: ModelToolDefinition): ChatTool {
  return {
    type: 'function',
    function: { name: tool.name, description: tool.description, parameters: { ...tool.parameters } },
  };
}

/**
 * LoopGym's finish reason for OpenAI's.
 *
 * @example
 * ```ts
 * fromOpenAIFinishReason('tool_calls'); // 'tool-calls'
 * ```
 */
export function fromOpenAIFinishReason(reason: string | null | undefined): FinishReason {
  switch (reason) {
    case 'stop':
      return 'stop';
    case 'length':
      return 'length';
    case 'tool_calls':
    case 'function_call':
      return 'tool-calls';
    case 'content_filter':
      return 'content-filter';
    default:
      return 'other';
  }
}

/** Usage from OpenAI's counts; zeros and a warning when the server sent none. */
export function fromOpenAIUsage(
  usage: OpenAI.Completions.CompletionUsage | null | undefined,
  warnings: string[],
): ModelUsage {
  if (usage === null || usage === undefined) {
    warnings.push('The server reported no token usage; counted as 0 (costs and token limits will be low).');
    return { inputTokens: 0, outputTokens: 0 };
  }
  return { inputTokens: usage.prompt_tokens, outputTokens: usage.completion_tokens };
}

/** The tool calls of a completion's message (custom, non-function tool calls are skipped with a warning). */
export function fromOpenAIToolCalls(
  calls: readonly OpenAI.Chat.Completions.ChatCompletionMessageToolCall[] | undefined,
  warnings: string[],
): ModelToolCall[] {
  const toolCalls: ModelToolCall[] = [];
  for (const call of calls ?? []) {
    if (call.type !== 'function') {
      warnings.push(`A ${call.type} tool call was skipped: only function tools are supported.`);
      continue;
    }
    toolCalls.push(toolCallFrom(call.id, call.function.name, call.function.arguments, warnings));
  }
  return toolCalls;
}
