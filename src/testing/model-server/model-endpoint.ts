// The contract between the server and each API it speaks: how to read a request and how to write an answer.
import type { LimitedResult } from './apply-request-limits.js';
import type { ProviderDialect } from './provider-error.js';
import type { BadRequest, ServerCall } from './server-call.js';

/** What every answer repeats: its id, creation time (Unix seconds) and the model name asked for. */
export interface AnswerHeader {
  id: string;
  created: number;
  model: string;
}

/**
 * One model endpoint of the server (`/v1/chat/completions`, `/v1/messages`): it translates a request body into a
 * model call and the model's answer into the API's response body or stream events.
 *
 * @example
 * ```ts
 * const call = openAiChatEndpoint.parse(body);
 * if (!('message' in call)) openAiChatEndpoint.events(limited, call, header);
 * ```
 */
export interface ModelEndpoint<Call extends ServerCall = ServerCall> {
  readonly path: '/v1/chat/completions' | '/v1/messages';
  readonly dialect: ProviderDialect;
  /** The prefix of answer ids (`chatcmpl-`, `msg_`). */
  readonly idPrefix: string;
  parse(body: unknown): Call | BadRequest;
  /** The JSON body of a whole answer. */
  body(limited: LimitedResult, call: Call, header: AnswerHeader): unknown;
  /** The formatted server-sent events of a streamed answer (`data: …\n\n`, with `event:` lines where the API uses them). */
  events(limited: LimitedResult, call: Call, header: AnswerHeader): string[];
  /** An event whose data is not JSON, for the `malformed-json` fault on streams. */
  readonly malformedEvent: string;
}

/**
 * Whether a parse result is a refusal.
 *
 * @example
 * ```ts
 * if (isBadRequest(parsed)) return errorResponse('openai', 400, parsed.message);
 * ```
 */
export function isBadRequest(value: ServerCall | BadRequest): value is BadRequest {
  return 'message' in value && 'param' in value;
}
