// POST /v1/chat/completions, OpenAI's chat completions API.
import type { ModelEndpoint } from './model-endpoint.js';
import { toOpenAiChatCall, type OpenAiChatCall } from './openai-chat-request.js';
import { openAiChatBody, openAiChatChunks } from './openai-chat-response.js';

/**
 * The OpenAI chat completions endpoint: requests checked by {@link toOpenAiChatCall}, answers as `chat.completion`
 * bodies or `chat.completion.chunk` events ending with `data: [DONE]`.
 *
 * @example
 * ```ts
 * const call = openAiChatEndpoint.parse({ model: 'gpt-4.1-mini', messages: [{ role: 'user', content: 'Hi' }] });
 * ```
 */
export const openAiChatEndpoint: ModelEndpoint<OpenAiChatCall> = {
  path: '/v1/chat/completions',
  dialect: 'openai',
  idPrefix: 'chatcmpl-',
  parse: toOpenAiChatCall,
  body: (limited, _call, header) => openAiChatBody(limited.result, header),
  events: (limited, call, header) =>
    openAiChatChunks(limited.result, header, { includeUsage: call.includeUsage }).map(
      (data) => `data: ${data}\n\n`,
    ),
  malformedEvent: 'data: {"id": "chatcmpl-malformed", "choices": [{"delta": {"content": \n\n',
};
