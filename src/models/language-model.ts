// The one interface every model provider implements (simulated, OpenAI-compatible, Anthropic, …).

/** Who speaks in a message. */
export type ModelRole = 'system' | 'user' | 'assistant' | 'tool';

/** A tool call the model asked for. `arguments` is the parsed JSON object the model wrote. */
export interface ModelToolCall {
  id: string;
  name: string;
  arguments: Readonly<Record<string, unknown>>;
}

/** One message of a conversation. */
export type ModelMessage =
  | { role: 'system'; content: string }
  | { role: 'user'; content: string }
  | { role: 'assistant'; content: string; toolCalls?: readonly ModelToolCall[] }
  | { role: 'tool'; toolCallId: string; name: string; content: string };

/** A tool the model may call: a name, what it does, and a JSON Schema of its arguments. */
export interface ModelToolDefinition {
  name: string;
  description: string;
  /** JSON Schema of the arguments object. */
  parameters: Readonly<Record<string, unknown>>;
}

/** What a model call asks for. */
export interface GenerateOptions {
  messages: readonly ModelMessage[];
  temperature?: number | undefined;
  maxTokens?: number | undefined;
  topP?: number | undefined;
  /** A seed for providers that support one (the sim provider always does). */
  seed?: number | undefined;
  stopSequences?: readonly string[] | undefined;
  tools?: readonly ModelToolDefinition[] | undefined;
  /** `json`: the answer must be one JSON value (structured output). */
  responseFormat?:
    { type: 'text' } | { type: 'json'; schema?: Readonly<Record<string, unknown>> } | undefined;
  abortSignal?: AbortSignal | undefined;
  /**
   * What the call is for, so that simulated models can answer from the task (ignored by real providers): the loop,
   * worker or evaluator id, and the task.
   */
  purpose?: ModelCallPurpose | undefined;
}

/** The context of a call, for providers that simulate (real providers ignore it). */
export interface ModelCallPurpose {
  kind: 'worker' | 'judge' | 'agent' | 'other';
  /** The worker or evaluator id. */
  id?: string | undefined;
  /** Everything a simulator may read: the task, the rubric, earlier outputs, feedback. Never sent to a real API. */
  context?: Readonly<Record<string, unknown>> | undefined;
}

/** Tokens used by one call. */
export interface ModelUsage {
  inputTokens: number;
  outputTokens: number;
}

/** Why the model stopped. */
export type FinishReason = 'stop' | 'length' | 'tool-calls' | 'content-filter' | 'error' | 'other';

/** The answer of one call. */
export interface GenerateResult {
  text: string;
  toolCalls: readonly ModelToolCall[];
  finishReason: FinishReason;
  usage: ModelUsage;
  /** How long the call took, in seconds (simulated for simulated models). */
  latencySeconds: number;
  /** Recoverable quirks (an unsupported option ignored, …). */
  warnings: readonly string[];
  /** The model that answered, `provider:model` (may differ from the one asked for). */
  modelId: string;
}

/** A part of a streamed answer. Text arrives in deltas; tool calls whole; `finish` ends the stream. */
export type StreamPart =
  | { type: 'text-delta'; text: string }
  | { type: 'tool-call'; toolCall: ModelToolCall }
  | {
      type: 'finish';
      finishReason: FinishReason;
      usage: ModelUsage;
      latencySeconds: number;
      modelId: string;
      warnings: readonly string[];
    };

/**
 * A language model: `doGenerate` for a whole answer, `doStream` for one in parts. Providers implement it; callers go through a facade that owns
 * retries, limits, caching and accounting.
 *
 * @example
 * ```ts
 * const model: LanguageModel = createSimModel('sim:echo');
 * const { text, usage } = await model.doGenerate({ messages: [{ role: 'user', content: 'Hello' }] });
 * ```
 */
export interface LanguageModel {
  /** The interface version this model implements. */
  readonly specificationVersion: 'loopgym-model-1';
  /** `openai`, `anthropic`, `sim`, … */
  readonly provider: string;
  /** The model name within its provider, e.g. `gpt-4.1-mini`. */
  readonly modelName: string;
  doGenerate(options: GenerateOptions): Promise<GenerateResult>;
  /** The same answer as a stream of parts, ending with one `finish` part. Errors are thrown by the iterator. */
  doStream(options: GenerateOptions): AsyncIterable<StreamPart>;
}

/**
 * A whole answer as a stream (text split into deltas of at most `chunkSize` characters, then the tool calls, then
 * `finish`): for models that do not stream natively.
 *
 * @example
 * ```ts
 * doStream(options) { return streamFromResult(this.doGenerate(options)); }
 * ```
 */
export async function* streamFromResult(
  result: Promise<GenerateResult>,
  chunkSize = 16,
): AsyncGenerator<StreamPart> {
  const whole = await result;
  for (let index = 0; index < whole.text.length; index += chunkSize) {
    yield { type: 'text-delta', text: whole.text.slice(index, index + chunkSize) };
  }
  for (const toolCall of whole.toolCalls) yield { type: 'tool-call', toolCall };
  yield {
    type: 'finish',
    finishReason: whole.finishReason,
    usage: whole.usage,
    latencySeconds: whole.latencySeconds,
    modelId: whole.modelId,
    warnings: whole.warnings,
  };
}

/**
 * Collects a stream into a whole answer.
 *
 * @example
 * ```ts
 * const result = await resultFromStream(model.doStream(options));
 * ```
 */
export async function resultFromStream(stream: AsyncIterable<StreamPart>): Promise<GenerateResult> {
  let text = '';
  const toolCalls: ModelToolCall[] = [];
  for await (const part of stream) {
    if (part.type === 'text-delta') text += part.text;
    else if (part.type === 'tool-call') toolCalls.push(part.toolCall);
    else {
      return {
        text,
        toolCalls,
        finishReason: part.finishReason,
        usage: part.usage,
        latencySeconds: part.latencySeconds,
        warnings: part.warnings,
        modelId: part.modelId,
      };
    }
  }
  throw new Error('The stream ended without a finish part.');
}

/**
 * `provider:model` for a provider and a model name.
 *
 * @example
 * ```ts
 * modelIdOf('openai', 'gpt-4.1-mini'); // 'openai:gpt-4.1-mini'
 * ```
 */
export function modelIdOf(provider: string, modelName: string): string {
  return `${provider}:${modelName}`;
}
