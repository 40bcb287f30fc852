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

/**
 * A language model: one method, `doGenerate`. Providers implement it; callers go through a facade that owns
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
