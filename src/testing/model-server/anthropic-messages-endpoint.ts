// POST /v1/messages, Anthropic's messages API.
import { toAnthropicMessagesCall } from './anthropic-messages-request.js';
import { anthropicMessageBody, anthropicMessageEvents } from './anthropic-messages-response.js';
import type { ModelEndpoint } from './model-endpoint.js';

/**
 * The Anthropic messages endpoint: requests checked by {@link toAnthropicMessagesCall}, answers as `message` bodies
 * or the messages API's stream of events.
 *
 * @example
 * ```ts
 * const call = anthropicMessagesEndpoint.parse({ model: 'claude-3-5-haiku', max_tokens: 64, messages: [{ role: 'user', content: 'Hi' }] });
 * ```
 */
export const anthropicMessagesEndpoint: ModelEndpoint = {
  path: '/v1/messages',
  dialect: 'anthropic',
  idPrefix: 'msg_',
  parse: toAnthropicMessagesCall,
  body: (limited, _call, header) => anthropicMessageBody(limited, header),
  events: (limited, _call, header) => anthropicMessageEvents(limited, header),
  malformedEvent:
    'event: content_block_delta\ndata: {"type": "content_block_delta", "index": 0, "delta": \n\n',
};
