// Translating LoopGym calls to Anthropic messages requests, and messages back.
import type Anthropic from '@anthropic-ai/sdk';
import type { FinishReason, GenerateOptions, ModelMessage, ModelUsage } from '../language-model.js';

/**
 * The request body. The SDK's types no longer list `temperature` and `top_p` (deprecated for Anthropic's newest
 * models); they are still sent when a call sets them, since the models LoopGym's specs name accept them.
 */
export type AnthropicRequest = Anthropic.Messages.MessageCreateParamsNonStreaming & {
  temperature?: number;
  top_p?: number;
};
type MessagesRequest = AnthropicRequest;
type MessageParam = Anthropic.Messages.MessageParam;
type ContentBlockParam = Anthropic.Messages.ContentBlockParam;

/** What a request needs besides the call. */
export interface AnthropicRequestSettings {
  modelName: string;
  /** `max_tokens` when the call sets none (Anthropic requires one). */
  defaultMaxTokens: number;
}

/** The instruction added to the system prompt for JSON answers without a schema (Anthropic has no JSON mode). */
export const JSON_INSTRUCTION = 'Answer with a single JSON value and nothing else: no prose, no code fence.';

/**
 * The request body of a call (without `stream`), and warnings for what Anthropic cannot do as asked: system messages
 * become `system`; tool results become `tool_result` blocks of a user turn; consecutive turns of one role are merged
 * (Anthropic wants them alternating); a seed is ignored; a temperature above 1 is lowered to 1; JSON without a schema
 * is asked for in the system prompt, JSON with a schema through structured outputs (`output_config.format`).
 */
export function toAnthropicRequest(
  options: GenerateOptions,
  settings: AnthropicRequestSettings,
): { request: MessagesRequest; warnings: string[] } {
  const warnings: string[] = [];
  const system: string[] = [];
  const messages: MessageParam[] = [];
  for (const message of options.messages) {
    if (message.role === 'system') system.push(message.content);
    else appendTurn(messages, message);
  }
  const request: MessagesRequest = {
    model: settings.modelName,
    max_tokens: options.maxTokens ?? settings.defaultMaxTokens,
    messages,
  };
  if (options.temperature !== undefined) {
    if (options.temperature > 1) {
      warnings.push(`Anthropic's temperature is at most 1; ${options.temperature} was lowered to 1.`);
    }
    request.temperature = Math.min(1, options.temperature);
  }
  if (options.topP !== undefined) request.top_p = options.topP;
  if (options.seed !== undefined) warnings.push('Anthropic does not support a seed; it was ignored.');
  if (options.stopSequences !== undefined && options.stopSequences.length > 0) {
    request.stop_sequences = [...options.stopSequences];
  }
  if (options.tools !== undefined && options.tools.length > 0) {
    request.tools = options.tools.map((tool) => ({
      name: tool.name,
      description: tool.description,
      input_schema: { type: 'object' as const, ...tool.parameters },
    }));
  }
  const format = options.responseFormat;
  if (format?.type === 'json') {
    if (format.schema === undefined) {
      system.push(JSON_INSTRUCTION);
      warnings.push('Anthropic has no JSON mode; the answer was asked to be JSON in the system prompt.');
    } else {
      request.output_config = { format: { type: 'json_schema', schema: { ...format.schema } } };
    }
  }
  if (system.length > 0) request.system = system.join('\n\n');
  return { request, warnings };
}

function appendTurn(messages: MessageParam[], message: Exclude<ModelMessage, { role: 'system' }>): void {
  const role = message.role === 'assistant' ? 'assistant' : 'user';
  const blocks: ContentBlockParam[] = [];
  if (message.role === 'tool') {
    blocks.push({ type: 'tool_result', tool_use_id: message.toolCallId, content: message.content });
  } else {
    // Anthropic refuses empty text blocks; an empty turn says nothing and is left out.
    if (message.content !== '') blocks.push({ type: 'text', text: message.content });
    if (message.role === 'assistant') {
      for (const call of message.toolCalls ?? []) {
        blocks.push({ type: 'tool_use', id: call.id, name: call.name, input: call.arguments });
      }
    }
  }
  if (blocks.length === 0) return;
  const last = messages.at(-1);
  if (last !== undefined && last.role === role && Array.isArray(last.content)) {
    // Tool results must come first in a user turn.
    if (message.role === 'tool') {
      const firstText = last.content.findIndex((block) => block.type !== 'tool_result');
      if (firstText >= 0) last.content.splice(firstText, 0, ...blocks);
      else last.content.push(...blocks);
    } else last.content.push(...blocks);
  } else messages.push({ role, content: blocks });
}

/**
 * LoopGym's finish reason for Anthropic's stop reason.
 *
 * @example
 * ```ts
 * fromAnthropicStopReason('end_turn'); // 'stop'
 * ```
 */
export function fromAnthropicStopReason(reason: string | null | undefined): FinishReason {
  switch (reason) {
    case 'end_turn':
    case 'stop_sequence':
      return 'stop';
    case 'max_tokens':
    case 'model_context_window_exceeded':
      return 'length';
    case 'tool_use':
      return 'tool-calls';
    case 'refusal':
      return 'content-filter';
    default:
      return 'other';
  }
}

/** Input tokens in all (cache writes and reads included) and output tokens. */
export function fromAnthropicUsage(usage: {
  input_tokens: number | null;
  output_tokens: number;
  cache_creation_input_tokens?: number | null;
  cache_read_input_tokens?: number | null;
}): ModelUsage {
  return {
    inputTokens:
      (usage.input_tokens ?? 0) +
      (usage.cache_creation_input_tokens ?? 0) +
      (usage.cache_read_input_tokens ?? 0),
    outputTokens: usage.output_tokens,
  };
}
