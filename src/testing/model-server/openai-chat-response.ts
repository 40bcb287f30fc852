// Answers of POST /v1/chat/completions: a whole chat completion, or the chunks of a streamed one.
import type { FinishReason, GenerateResult } from '../../models/language-model.js';
import type { AnswerHeader } from './model-endpoint.js';
import { splitIntoPieces } from './split-into-pieces.js';

const FINISH_REASONS: Readonly<Record<FinishReason, string>> = {
  stop: 'stop',
  length: 'length',
  'tool-calls': 'tool_calls',
  'content-filter': 'content_filter',
  error: 'stop',
  other: 'stop',
};

/** The server's fingerprint in every answer. */
export const SYSTEM_FINGERPRINT = 'fp_loopgym_sim';

function usageOf(result: GenerateResult) {
  const { inputTokens, outputTokens } = result.usage;
  return {
    prompt_tokens: inputTokens,
    completion_tokens: outputTokens,
    total_tokens: inputTokens + outputTokens,
    prompt_tokens_details: { cached_tokens: 0 },
    completion_tokens_details: { reasoning_tokens: 0 },
  };
}

/**
 * A whole chat completion (`object: 'chat.completion'`) for a model's answer.
 *
 * @example
 * ```ts
 * openAiChatBody(result, { id: 'chatcmpl-1', created: 0, model: 'gpt-4.1-mini' }).choices[0].message.content;
 * ```
 */
export function openAiChatBody(result: GenerateResult, header: AnswerHeader) {
  const toolCalls = result.toolCalls.map((call) => ({
    id: call.id,
    type: 'function' as const,
    function: { name: call.name, arguments: JSON.stringify(call.arguments) },
  }));
  return {
    ...header,
    object: 'chat.completion' as const,
    system_fingerprint: SYSTEM_FINGERPRINT,
    choices: [
      {
        index: 0,
        message: {
          role: 'assistant' as const,
          content: result.text === '' && toolCalls.length > 0 ? null : result.text,
          refusal: null,
          ...(toolCalls.length > 0 ? { tool_calls: toolCalls } : {}),
        },
        logprobs: null,
        finish_reason: FINISH_REASONS[result.finishReason],
      },
    ],
    usage: usageOf(result),
  };
}

/**
 * The `data:` payloads of a streamed chat completion, in order: the role, the text in deltas, each tool call (its id
 * and name first, then its arguments in pieces), the finish reason, the usage when asked for, and `[DONE]`.
 *
 * @example
 * ```ts
 * openAiChatChunks(result, header, { includeUsage: true }).at(-1); // '[DONE]'
 * ```
 */
export function openAiChatChunks(
  result: GenerateResult,
  header: AnswerHeader,
  options: { includeUsage: boolean },
): string[] {
  const usageField = options.includeUsage ? { usage: null } : {};
  const chunk = (delta: Record<string, unknown>, finishReason: string | null = null): string =>
    JSON.stringify({
      ...header,
      object: 'chat.completion.chunk',
      system_fingerprint: SYSTEM_FINGERPRINT,
      choices: [{ index: 0, delta, logprobs: null, finish_reason: finishReason }],
      ...usageField,
    });
  const chunks = [chunk({ role: 'assistant', content: '', refusal: null })];
  for (const piece of splitIntoPieces(result.text)) chunks.push(chunk({ content: piece }));
  for (const [index, call] of result.toolCalls.entries()) {
    chunks.push(
      chunk({
        tool_calls: [{ index, id: call.id, type: 'function', function: { name: call.name, arguments: '' } }],
      }),
    );
    for (const piece of splitIntoPieces(JSON.stringify(call.arguments))) {
      chunks.push(chunk({ tool_calls: [{ index, function: { arguments: piece } }] }));
    }
  }
  chunks.push(chunk({}, FINISH_REASONS[result.finishReason]));
  if (options.includeUsage) {
    chunks.push(
      JSON.stringify({
        ...header,
        object: 'chat.completion.chunk',
        system_fingerprint: SYSTEM_FINGERPRINT,
        choices: [],
        usage: usageOf(result),
      }),
    );
  }
  chunks.push('[DONE]');
  return chunks;
}
