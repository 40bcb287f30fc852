// The agents `loopgym eval` knows by name, as factories per concurrency slot.
import type { Agent } from '../agents/agent.js';
import { createLlmAgent } from '../agents/llm/create-llm-agent.js';
import type { AnswerParser } from '../agents/llm/default-system-prompt.js';
import { RandomAgent } from '../agents/random-agent.js';
import { scriptedAgent } from '../agents/scripted-agent.js';
import { InvalidArgumentError } from '../core/errors.js';
import type { Env } from '../core/env.js';
import { deriveSeed } from '../loop/derive-seed.js';
import type { LanguageModel } from '../models/language-model.js';
import type { AgentFactory } from './evaluate-options.js';

/** The agents known by name: `random`, `llm` (needs a model) and `loop` (a loop's own workers act). */
export const AGENT_NAMES = ['random', 'llm', 'loop'] as const;

/** One of {@link AGENT_NAMES}. */
export type AgentName = (typeof AGENT_NAMES)[number];

/** What {@link namedAgentFactory} builds an agent from. */
export interface NamedAgentOptions {
  name: string;
  /** The model of an `llm` agent (one client shared by every slot: its limits and accounting are shared too). */
  model?: LanguageModel | undefined;
  systemPrompt?: string | undefined;
  parser?: AnswerParser | undefined;
}

/**
 * A random agent whose generator is reseeded at every reset from the episode's seed, so an episode's actions depend
 * on its seed alone, whatever ran before it in the slot.
 *
 * @example
 * ```ts
 * const agent = episodeSeededRandomAgent(env.actionSpace);
 * ```
 */
export function episodeSeededRandomAgent<Obs, Act, I>(
  actionSpace: Env<Obs, Act, I>['actionSpace'],
): Agent<Obs, Act, I> {
  let inner = new RandomAgent<Obs, Act, I>(actionSpace, { seed: 0 });
  return {
    name: 'random',
    reset(seed: number | undefined): void {
      inner = new RandomAgent<Obs, Act, I>(actionSpace, {
        seed: seed === undefined ? undefined : deriveSeed(seed, 'random-agent'),
      });
    },
    act: (observation, context) => inner.act(observation, context),
  };
}

/**
 * An agent factory for a name: `random` (uniform actions, seeded per episode), `llm` (a language model with
 * `createLlmAgent`, one agent per slot) or `loop` (the action `null`: a loop environment's own workers act).
 *
 * @example
 * ```ts
 * const agent = namedAgentFactory({ name: 'llm', model: createModelClient(createModel('openai:gpt-4.1-mini')), parser: 'xml' });
 * await evaluate({ env: 'FrozenLake-v1', envOptions: { renderMode: 'ansi' }, agent, concurrency: 4 });
 * ```
 */
export function namedAgentFactory<Obs, Act, I>(options: NamedAgentOptions): AgentFactory<Obs, Act, I> {
  switch (options.name) {
    case 'random':
      return ({ env }) => episodeSeededRandomAgent(env.actionSpace);
    case 'loop':
      return () => scriptedAgent<Obs, Act, I>(() => null as Act, { name: 'loop' });
    case 'llm': {
      const model = options.model;
      if (model === undefined) {
        throw new InvalidArgumentError(
          'The llm agent needs a model: give --model provider:model (e.g. openai:gpt-4.1-mini).',
        );
      }
      return () =>
        createLlmAgent<Obs, Act, I>({ model, systemPrompt: options.systemPrompt, parser: options.parser });
    }
    default:
      throw new InvalidArgumentError(
        `Unknown agent \`${options.name}\`; available: ${AGENT_NAMES.join(', ')}.`,
      );
  }
}
