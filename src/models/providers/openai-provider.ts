// The `openai` provider: OpenAI's chat completions, or any compatible server (vLLM, Ollama, llama.cpp, OpenRouter, …).
import OpenAI from 'openai';
import { abortReason } from '../middleware/clock.js';
import {
  modelIdOf,
  type GenerateOptions,
  type GenerateResult,
  type LanguageModel,
  type ModelToolCall,
  type StreamPart,
} from '../language-model.js';
import { ApiCallError, MissingApiKeyError } from '../model-errors.js';
import { toApiCallError } from '../to-api-call-error.js';
import { toolCallFrom } from './parse-tool-arguments.js';
import { nodeHttpFetch } from './node-http-fetch.js';
import { nonEmpty } from './provider-settings.js';
import {
  fromOpenAIFinishReason,
  fromOpenAIToolCalls,
  fromOpenAIUsage,
  toOpenAIRequest,
  type MaxTokensField,
} from './openai-messages.js';

/** OpenAI's own endpoint, used when no base URL is given. */
export const OPENAI_DEFAULT_BASE_URL = 'https://api.openai.com/v1';

/** How to reach an OpenAI-compatible server. */
export interface OpenAIProviderOptions {
  /** The API key (default: `OPENAI_API_KEY`). Local servers that need none still need some value, e.g. `local`. */
  apiKey?: string | undefined;
  /** The server (default: `OPENAI_BASE_URL`, else OpenAI's), e.g. `http://localhost:11434/v1` for Ollama. */
  baseURL?: string | undefined;
  /**
   * The field of the output token limit: `max_completion_tokens` (OpenAI's current one; default for OpenAI's endpoint)
   * or `max_tokens` (what most compatible servers read; default for any other base URL).
   */
  maxTokensField?: MaxTokensField | undefined;
  /** Headers sent with every request (e.g. OpenRouter's `HTTP-Referer`). */
  headers?: Readonly<Record<string, string>> | undefined;
  /** The `fetch` the SDK uses (default {@link nodeHttpFetch}; pass `globalThis.fetch` for the platform's). */
  fetch?: typeof fetch | undefined;
  /** Where `OPENAI_API_KEY` and `OPENAI_BASE_URL` are read (default: `process.env`). */
  env?: Readonly<Record<string, string | undefined>> | undefined;
}

/**
 * A model served by OpenAI's chat completions API or a compatible server, through the official SDK (with its own
 * retries off: the facade retries). Errors are {@link ApiCallError}s without the key; the key is kept in a private
 * field, so printing the model does not show it.
 *
 * @example
 * ```ts
 * const model = new OpenAIChatModel('llama3.1', { baseURL: 'http://localhost:11434/v1', apiKey: 'ollama' });
 * const { text } = await model.doGenerate({ messages: [{ role: 'user', content: 'Hi' }] });
 * ```
 */
export class OpenAIChatModel implements LanguageModel {
  readonly specificationVersion = 'loopgym-model-1' as const;
  readonly provider = 'openai';
  readonly modelName: string;
  readonly baseURL: string;
  readonly maxTokensField: MaxTokensField;
  readonly #client: OpenAI;
  readonly #apiKey: string;

  constructor(modelName: string, options: OpenAIProviderOptions = {}) {
    const env = options.env ?? process.env;
    const apiKey = nonEmpty(options.apiKey) ?? nonEmpty(env['OPENAI_API_KEY']);
    if (apiKey === undefined) throw new MissingApiKeyError('openai', 'OPENAI_API_KEY');
    this.modelName = modelName;
    this.baseURL = (options.baseURL ?? nonEmpty(env['OPENAI_BASE_URL']) ?? OPENAI_DEFAULT_BASE_URL).replace(
      /\/+$/,
      '',
    );
    this.maxTokensField =
      options.maxTokensField ??
      (this.baseURL === OPENAI_DEFAULT_BASE_URL ? 'max_completion_tokens' : 'max_tokens');
    this.#apiKey = apiKey;
    this.#client = new OpenAI({
      apiKey,
      baseURL: this.baseURL,
      maxRetries: 0,
      ...(options.headers === undefined ? {} : { defaultHeaders: { ...options.headers } }),
      fetch: options.fetch ?? nodeHttpFetch,
    });
  }

  async doGenerate(options: GenerateOptions): Promise<GenerateResult> {
    const started = performance.now();
    const request = toOpenAIRequest(this.modelName, options, this.maxTokensField);
    let completion: OpenAI.Chat.Completions.ChatCompletion;
    try {
      completion = await this.#client.chat.completions.create(request, requestOptions(options));
    } catch (error) {
      throw this.failure(error, options);
    }
    const warnings: string[] = [];
    const choice = completion.choices[0];
    if (choice === undefined) {
      throw new ApiCallError(`The openai API answered without a choice for ${this.modelName}.`, {
        provider: 'openai',
        isRetryable: true,
      });
    }
    return {
      text: choice.message.content ?? '',
      toolCalls: fromOpenAIToolCalls(choice.message.tool_calls, warnings),
      finishReason: fromOpenAIFinishReason(choice.finish_reason),
      usage: fromOpenAIUsage(completion.usage, warnings),
      latencySeconds: (performance.now() - started) / 1000,
      warnings,
      modelId: modelIdOf('openai', completion.model || this.modelName),
    };
  }

  async *doStream(options: GenerateOptions): AsyncGenerator<StreamPart> {
    const started = performance.now();
    const request = {
      ...toOpenAIRequest(this.modelName, options, this.maxTokensField),
      stream: true as const,
    };
    const warnings: string[] = [];
    const calls = new Map<number, { id: string; name: string; argumentText: string }>();
    let finishReason: string | null | undefined;
    let usage: OpenAI.Completions.CompletionUsage | null | undefined;
    let answeringModel = this.modelName;
    try {
      const stream = await this.#client.chat.completions.create(
        { ...request, stream_options: { include_usage: true } },
        requestOptions(options),
      );
      for await (const chunk of stream) {
        if (chunk.model) answeringModel = chunk.model;
        if (chunk.usage) usage = chunk.usage;
        const choice = chunk.choices[0];
        if (choice === undefined) continue;
        if (choice.finish_reason) finishReason = choice.finish_reason;
        const text = choice.delta.content;
        if (typeof text === 'string' && text !== '') yield { type: 'text-delta', text };
        for (const delta of choice.delta.tool_calls ?? []) {
          const call = calls.get(delta.index) ?? { id: '', name: '', argumentText: '' };
          if (delta.id) call.id = delta.id;
          if (delta.function?.name) call.name += delta.function.name;
          if (delta.function?.arguments) call.argumentText += delta.function.arguments;
          calls.set(delta.index, call);
        }
      }
    } catch (error) {
      throw this.failure(error, options);
    }
    if (finishReason === undefined) {
      throw new ApiCallError(`The openai stream of ${this.modelName} ended before it finished.`, {
        provider: 'openai',
        isRetryable: true,
      });
    }
    const toolCalls: ModelToolCall[] = [...calls.entries()]
      .sort(([a], [b]) => a - b)
      .map(([, call]) => toolCallFrom(call.id, call.name, call.argumentText, warnings));
    for (const toolCall of toolCalls) yield { type: 'tool-call', toolCall };
    yield {
      type: 'finish',
      finishReason: fromOpenAIFinishReason(finishReason),
      usage: fromOpenAIUsage(usage, warnings),
      latencySeconds: (performance.now() - started) / 1000,
      modelId: modelIdOf('openai', answeringModel),
      warnings,
    };
  }

  /** The error to throw: the caller's abort reason when it aborted, else a sanitized {@link ApiCallError}. */
  private failure(error: unknown, options: GenerateOptions): unknown {
    if (options.abortSignal?.aborted === true) return abortReason(options.abortSignal);
    return toApiCallError(error, 'openai', [this.#apiKey]);
  }
}

function requestOptions(options: GenerateOptions): OpenAI.RequestOptions {
  return options.abortSignal === undefined ? {} : { signal: options.abortSignal };
}

/**
 * An `openai` model (see {@link OpenAIChatModel}).
 *
 * @example
 * ```ts
 * const model = createOpenAIModel('gpt-4.1-mini'); // reads OPENAI_API_KEY and OPENAI_BASE_URL
 * ```
 */
export function createOpenAIModel(modelName: string, options: OpenAIProviderOptions = {}): OpenAIChatModel {
  return new OpenAIChatModel(modelName, options);
}
