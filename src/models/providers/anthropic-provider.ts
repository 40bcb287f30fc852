// The `anthropic` provider: Anthropic's messages API through its official SDK.
import Anthropic from '@anthropic-ai/sdk';
import { abortReason } from '../middleware/clock.js';
import {
  modelIdOf,
  type GenerateOptions,
  type GenerateResult,
  type LanguageModel,
  type ModelToolCall,
  type ModelUsage,
  type StreamPart,
} from '../language-model.js';
import { ApiCallError, MissingApiKeyError } from '../model-errors.js';
import { toApiCallError } from '../to-api-call-error.js';
import { nodeHttpFetch } from './node-http-fetch.js';
import { nonEmpty } from './provider-settings.js';
import { fromAnthropicStopReason, fromAnthropicUsage, toAnthropicRequest } from './anthropic-messages.js';
import { toolCallFrom } from './parse-tool-arguments.js';

/** Anthropic's own endpoint, used when no base URL is given. */
export const ANTHROPIC_DEFAULT_BASE_URL = 'https://api.anthropic.com';

/** How to reach Anthropic (or a compatible server). */
export interface AnthropicProviderOptions {
  /** The API key (default: `ANTHROPIC_API_KEY`). */
  apiKey?: string | undefined;
  /** The server, without `/v1` (default: `ANTHROPIC_BASE_URL`, else Anthropic's). */
  baseURL?: string | undefined;
  /** `max_tokens` of calls that set none (Anthropic requires it; default 1024). */
  defaultMaxTokens?: number | undefined;
  /** Headers sent with every request. */
  headers?: Readonly<Record<string, string>> | undefined;
  /** The `fetch` the SDK uses (default {@link nodeHttpFetch}; pass `globalThis.fetch` for the platform's). */
  fetch?: typeof fetch | undefined;
  /** Where `ANTHROPIC_API_KEY` and `ANTHROPIC_BASE_URL` are read (default: `process.env`). */
  env?: Readonly<Record<string, string | undefined>> | undefined;
}

/**
 * A model served by Anthropic's messages API, through the official SDK (with its own retries off: the facade
 * retries). Errors are {@link ApiCallError}s without the key; the key is kept in a private field.
 *
 * @example
 * ```ts
 * const model = new AnthropicMessagesModel('claude-sonnet-4-20250514');
 * const { text } = await model.doGenerate({ messages: [{ role: 'user', content: 'Hi' }], maxTokens: 256 });
 * ```
 */
export class AnthropicMessagesModel implements LanguageModel {
  readonly specificationVersion = 'loopgym-model-1' as const;
  readonly provider = 'anthropic';
  readonly modelName: string;
  readonly baseURL: string;
  readonly defaultMaxTokens: number;
  readonly #client: Anthropic;
  readonly #apiKey: string;

  constructor(modelName: string, options: AnthropicProviderOptions = {}) {
    const env = options.env ?? process.env;
    const apiKey = nonEmpty(options.apiKey) ?? nonEmpty(env['ANTHROPIC_API_KEY']);
    if (apiKey === undefined) throw new MissingApiKeyError('anthropic', 'ANTHROPIC_API_KEY');
    this.modelName = modelName;
    this.baseURL = (
      options.baseURL ??
      nonEmpty(env['ANTHROPIC_BASE_URL']) ??
      ANTHROPIC_DEFAULT_BASE_URL
    ).replace(/\/+$/, '');
    this.defaultMaxTokens = options.defaultMaxTokens ?? 1024;
    this.#apiKey = apiKey;
    this.#client = new Anthropic({
      apiKey,
      baseURL: this.baseURL,
      maxRetries: 0,
      ...(options.headers === undefined ? {} : { defaultHeaders: { ...options.headers } }),
      fetch: options.fetch ?? nodeHttpFetch,
    });
  }

  async doGenerate(options: GenerateOptions): Promise<GenerateResult> {
    const started = performance.now();
    const { request, warnings } = toAnthropicRequest(options, this.settings());
    let message: Anthropic.Messages.Message;
    try {
      message = await this.#client.messages.create(request, requestOptions(options));
    } catch (error) {
      throw this.failure(error, options);
    }
    let text = '';
    const toolCalls: ModelToolCall[] = [];
    for (const block of message.content) {
      if (block.type === 'text') text += block.text;
      else if (block.type === 'tool_use') {
        toolCalls.push({
          id: block.id,
          name: block.name,
          arguments: objectOrEmpty(block.input, block.name, warnings),
        });
      }
    }
    return {
      text,
      toolCalls,
      finishReason: fromAnthropicStopReason(message.stop_reason),
      usage: fromAnthropicUsage(message.usage),
      latencySeconds: (performance.now() - started) / 1000,
      warnings,
      modelId: modelIdOf('anthropic', message.model || this.modelName),
    };
  }

  async *doStream(options: GenerateOptions): AsyncGenerator<StreamPart> {
    const started = performance.now();
    const { request, warnings } = toAnthropicRequest(options, this.settings());
    const tools = new Map<number, { id: string; name: string; argumentText: string }>();
    let usage: ModelUsage = { inputTokens: 0, outputTokens: 0 };
    let stopReason: string | null | undefined;
    let stopped = false;
    let answeringModel = this.modelName;
    try {
      const stream = await this.#client.messages.create(
        { ...request, stream: true },
        requestOptions(options),
      );
      for await (const event of stream) {
        switch (event.type) {
          case 'message_start':
            answeringModel = event.message.model || answeringModel;
            usage = fromAnthropicUsage(event.message.usage);
            break;
          case 'content_block_start':
            if (event.content_block.type === 'tool_use') {
              tools.set(event.index, {
                id: event.content_block.id,
                name: event.content_block.name,
                argumentText: '',
              });
            } else if (event.content_block.type === 'text' && event.content_block.text !== '') {
              yield { type: 'text-delta', text: event.content_block.text };
            }
            break;
          case 'content_block_delta':
            if (event.delta.type === 'text_delta' && event.delta.text !== '') {
              yield { type: 'text-delta', text: event.delta.text };
            } else if (event.delta.type === 'input_json_delta') {
              const tool = tools.get(event.index);
              if (tool !== undefined) tool.argumentText += event.delta.partial_json;
            }
            break;
          case 'message_delta':
            stopReason = event.delta.stop_reason ?? stopReason;
            usage = {
              inputTokens:
                event.usage.input_tokens === null
                  ? usage.inputTokens
                  : fromAnthropicUsage(event.usage).inputTokens,
              outputTokens: event.usage.output_tokens,
            };
            break;
          case 'message_stop':
            stopped = true;
            break;
          default:
            break;
        }
      }
    } catch (error) {
      throw this.failure(error, options);
    }
    if (!stopped) {
      throw new ApiCallError(`The anthropic stream of ${this.modelName} ended before it finished.`, {
        provider: 'anthropic',
        isRetryable: true,
      });
    }
    const toolCalls = [...tools.entries()]
      .sort(([a], [b]) => a - b)
      .map(([, tool]) => toolCallFrom(tool.id, tool.name, tool.argumentText, warnings));
    for (const toolCall of toolCalls) yield { type: 'tool-call', toolCall };
    yield {
      type: 'finish',
      finishReason: fromAnthropicStopReason(stopReason),
      usage,
      latencySeconds: (performance.now() - started) / 1000,
      modelId: modelIdOf('anthropic', answeringModel),
      warnings,
    };
  }

  private settings(): { modelName: string; defaultMaxTokens: number } {
    return { modelName: this.modelName, defaultMaxTokens: this.defaultMaxTokens };
  }

  /** The error to throw: the caller's abort reason when it aborted, else a sanitized {@link ApiCallError}. */
  private failure(error: unknown, options: GenerateOptions): unknown {
    if (options.abortSignal?.aborted === true) return abortReason(options.abortSignal);
    return toApiCallError(error, 'anthropic', [this.#apiKey]);
  }
}

function objectOrEmpty(input: unknown, toolName: string, warnings: string[]): Record<string, unknown> {
  if (typeof input === 'object' && input !== null && !Array.isArray(input))
    return input as Record<string, unknown>;
  warnings.push(`Tool call ${toolName}: the input is not a JSON object; using {}.`);
  return {};
}

function requestOptions(options: GenerateOptions): Anthropic.RequestOptions {
  return options.abortSignal === undefined ? {} : { signal: options.abortSignal };
}

/**
 * An `anthropic` model (see {@link AnthropicMessagesModel}).
 *
 * @example
 * ```ts
 * const model = createAnthropicModel('claude-sonnet-4-20250514'); // reads ANTHROPIC_API_KEY and ANTHROPIC_BASE_URL
 * ```
 */
export function createAnthropicModel(
  modelName: string,
  options: AnthropicProviderOptions = {},
): AnthropicMessagesModel {
  return new AnthropicMessagesModel(modelName, options);
}
