// Answers of POST /v1/messages: a whole message, or the events of a streamed one.
import type { LimitedResult } from './apply-request-limits.js';
import type { AnswerHeader } from './model-endpoint.js';
import { splitIntoPieces } from './split-into-pieces.js';

function usageOf(inputTokens: number, outputTokens: number) {
  return {
    input_tokens: inputTokens,
    output_tokens: outputTokens,
    cache_creation_input_tokens: 0,
    cache_read_input_tokens: 0,
  };
}

function stopReasonOf({ result, stopSequence }: LimitedResult): string {
  switch (result.finishReason) {
    case 'length':
      return 'max_tokens';
    case 'tool-calls':
      return 'tool_use';
    case 'content-filter':
      return 'refusal';
    default:
      return stopSequence === null ? 'end_turn' : 'stop_sequence';
  }
}

function contentOf({ result }: LimitedResult): Record<string, unknown>[] {
  const blocks: Record<string, unknown>[] = [];
  if (result.text !== '' || result.toolCalls.length === 0) blocks.push({ type: 'text', text: result.text });
  for (const call of result.toolCalls)
    blocks.push({ type: 'tool_use', id: call.id, name: call.name, input: call.arguments });
  return blocks;
}

/**
 * A whole message (`type: 'message'`) for a model's answer: a text block (when there is text, or nothing else),
 * then a `tool_use` block per tool call.
 *
 * @example
 * ```ts
 * anthropicMessageBody(limited, { id: 'msg_1', created: 0, model: 'claude-3-5-haiku' }).stop_reason; // 'end_turn'
 * ```
 */
export function anthropicMessageBody(limited: LimitedResult, header: AnswerHeader) {
  return {
    id: header.id,
    type: 'message' as const,
    role: 'assistant' as const,
    model: header.model,
    content: contentOf(limited),
    stop_reason: stopReasonOf(limited),
    stop_sequence: limited.stopSequence,
    usage: usageOf(limited.result.usage.inputTokens, limited.result.usage.outputTokens),
  };
}

/**
 * The server-sent events of a streamed message, formatted (`event: …\ndata: …\n\n`): `message_start`, `ping`, for
 * each block `content_block_start`, its deltas (`text_delta` or `input_json_delta` pieces) and
 * `content_block_stop`, then `message_delta` (stop reason and output tokens) and `message_stop`.
 *
 * @example
 * ```ts
 * anthropicMessageEvents(limited, header).at(-1); // 'event: message_stop\ndata: {"type":"message_stop"}\n\n'
 * ```
 */
export function anthropicMessageEvents(limited: LimitedResult, header: AnswerHeader): string[] {
  const event = (data: { type: string } & Record<string, unknown>): string =>
    `event: ${data.type}\ndata: ${JSON.stringify(data)}\n\n`;
  const events = [
    event({
      type: 'message_start',
      message: {
        ...anthropicMessageBody(limited, header),
        content: [],
        stop_reason: null,
        stop_sequence: null,
        usage: usageOf(limited.result.usage.inputTokens, 1),
      },
    }),
    event({ type: 'ping' }),
  ];
  for (const [index, block] of contentOf(limited).entries()) {
    if (block.type === 'text') {
      events.push(event({ type: 'content_block_start', index, content_block: { type: 'text', text: '' } }));
      for (const text of splitIntoPieces(block.text as string)) {
        events.push(event({ type: 'content_block_delta', index, delta: { type: 'text_delta', text } }));
      }
    } else {
      events.push(event({ type: 'content_block_start', index, content_block: { ...block, input: {} } }));
      for (const partial of splitIntoPieces(JSON.stringify(block.input))) {
        events.push(
          event({
            type: 'content_block_delta',
            index,
            delta: { type: 'input_json_delta', partial_json: partial },
          }),
        );
      }
    }
    events.push(event({ type: 'content_block_stop', index }));
  }
  events.push(
    event({
      type: 'message_delta',
      delta: { stop_reason: stopReasonOf(limited), stop_sequence: limited.stopSequence },
      usage: { output_tokens: limited.result.usage.outputTokens },
    }),
    event({ type: 'message_stop' }),
  );
  return events;
}
