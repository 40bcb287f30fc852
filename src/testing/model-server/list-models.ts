// GET /v1/models in either API's shape.
import type { ProviderDialect } from './provider-error.js';

/** A fixed creation time for listed models (2025-01-01T00:00:00Z), so that listings never change. */
const CREATED_SECONDS = 1_735_689_600;

/** A model as OpenAI lists it. */
export interface OpenAiModelEntry {
  id: string;
  object: 'model';
  created: number;
  owned_by: string;
}

/** A model as Anthropic lists it. */
export interface AnthropicModelEntry {
  type: 'model';
  id: string;
  display_name: string;
  created_at: string;
}

/** A model listing in either shape. */
export type ModelList =
  | { object: 'list'; data: OpenAiModelEntry[] }
  | { data: AnthropicModelEntry[]; has_more: false; first_id: string | null; last_id: string | null };

/**
 * The body of `GET /v1/models`: OpenAI's `{ object: 'list', data }`, or Anthropic's paged shape when the request
 * came from an Anthropic client.
 *
 * @example
 * ```ts
 * listModelsBody('openai', ['gpt-4.1-mini']).data[0]?.id; // 'gpt-4.1-mini'
 * ```
 */
export function listModelsBody(dialect: ProviderDialect, names: readonly string[]): ModelList {
  if (dialect === 'anthropic') {
    return {
      data: names.map((id) => ({
        type: 'model' as const,
        id,
        display_name: id,
        created_at: new Date(CREATED_SECONDS * 1000).toISOString(),
      })),
      has_more: false,
      first_id: names[0] ?? null,
      last_id: names[names.length - 1] ?? null,
    };
  }
  return {
    object: 'list',
    data: names.map((id) => ({ id, object: 'model', created: CREATED_SECONDS, owned_by: 'loopgym-sim' })),
  };
}
