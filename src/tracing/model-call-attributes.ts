// GenAI semantic-convention attributes of a model call.
import type { Attributes } from '@opentelemetry/api';
import type { ModelMessage, ModelUsage } from '../models/language-model.js';

/** What a model call span says about the call. */
export interface ModelCallFacts {
  /** `provider:model` (`openai:gpt-4.1-mini`, `sim:coder`). */
  modelId: string;
  answeredModelId?: string | undefined;
  usage: ModelUsage;
  costUsd: number;
  finishReason?: string | undefined;
  cached?: boolean | undefined;
  error?: string | null | undefined;
  /** Given only when content is captured. */
  messages?: readonly ModelMessage[] | undefined;
  response?: string | null | undefined;
}

/**
 * The span name and attributes of a model call, after the OpenTelemetry GenAI semantic conventions:
 * `gen_ai.operation.name`, `gen_ai.provider.name` (and the older `gen_ai.system`), `gen_ai.request.model`,
 * `gen_ai.response.model`, `gen_ai.usage.input_tokens`/`output_tokens`, `gen_ai.response.finish_reasons`, plus
 * `loop.model_id` and `loop.cost_usd`. Messages and answers are added (`gen_ai.input.messages`,
 * `gen_ai.output.messages`, JSON text) only when given, which is when content capture is on.
 *
 * @example
 * ```ts
 * const { name, attributes } = modelCallSpan({ modelId: 'openai:gpt-4.1-mini', usage: { inputTokens: 10, outputTokens: 2 }, costUsd: 0 });
 * // name: 'chat gpt-4.1-mini', attributes['gen_ai.provider.name']: 'openai'
 * ```
 */
export function modelCallSpan(facts: ModelCallFacts): { name: string; attributes: Attributes } {
  const colon = facts.modelId.indexOf(':');
  const provider = colon < 0 ? 'unknown' : facts.modelId.slice(0, colon);
  const model = colon < 0 ? facts.modelId : facts.modelId.slice(colon + 1);
  const attributes: Attributes = {
    'gen_ai.operation.name': 'chat',
    'gen_ai.provider.name': provider,
    'gen_ai.system': provider,
    'gen_ai.request.model': model,
    'gen_ai.usage.input_tokens': facts.usage.inputTokens,
    'gen_ai.usage.output_tokens': facts.usage.outputTokens,
    'loop.model_id': facts.modelId,
    'loop.cost_usd': facts.costUsd,
  };
  if (facts.answeredModelId !== undefined) attributes['gen_ai.response.model'] = facts.answeredModelId;
  if (facts.finishReason !== undefined) attributes['gen_ai.response.finish_reasons'] = [facts.finishReason];
  if (facts.cached !== undefined) attributes['loop.cached'] = facts.cached;
  if (facts.error !== undefined && facts.error !== null) attributes['error.type'] = facts.error;
  if (facts.messages !== undefined) attributes['gen_ai.input.messages'] = JSON.stringify(facts.messages);
  if (facts.response !== undefined && facts.response !== null) {
    attributes['gen_ai.output.messages'] = JSON.stringify([{ role: 'assistant', content: facts.response }]);
  }
  return { name: `chat ${model}`, attributes };
}
