// A language model as an agent: observations become messages, answers become actions.
import type { Env, Info } from '../../core/env.js';
import type { ActContext, Agent } from '../agent.js';
import type { LanguageModel, ModelMessage } from '../../models/language-model.js';
import { costOf, type PriceTable } from '../../models/price-table.js';
import {
  buildMessages,
  type ConversationTurn,
  type FewShotExample,
  type MessageFormat,
} from './build-messages.js';
import { defaultSystemPrompt, type AnswerParser } from './default-system-prompt.js';
import type { InvalidActionPolicy, LlmCall, LlmDecision } from './llm-decision.js';
import { defaultObservationToText, type ObservationToText } from './observation-to-text.js';
import {
  ActionParseError,
  actionNamesOf,
  defaultParseAction,
  parseXmlTag,
  stripThink,
  type ParseAction,
} from './parse-action.js';

/** Options of {@link createLlmAgent}. */
export interface LlmAgentOptions<Obs, Act> {
  model: LanguageModel;
  /** Instructions (default: from the action space, see `defaultSystemPrompt`). */
  systemPrompt?: string | undefined;
  fewShot?: readonly FewShotExample[] | undefined;
  /** Default: {@link defaultObservationToText}. */
  observationToText?: ObservationToText<Obs> | undefined;
  /** Default: {@link defaultParseAction} (by action space). */
  parseAction?: ParseAction<Act> | undefined;
  /** `xml`: the action is the last `<action>…</action>`; `think`: `<think>…</think>` is removed; default `none`. */
  parser?: AnswerParser | undefined;
  /** Default `chat`. */
  messageFormat?: MessageFormat | undefined;
  /** `full` (default) or how many earlier turns to show. */
  history?: 'full' | number | undefined;
  /** Default `end`: the episode ends with reward 0. */
  invalidActionPolicy?: InvalidActionPolicy<Act> | undefined;
  temperature?: number | undefined;
  maxTokens?: number | undefined;
  /** Prices for the per-call cost (default: the built-in table). */
  priceTable?: PriceTable | undefined;
  name?: string | undefined;
}

/** An agent that can report what its decisions cost: {@link rollout} records its calls per step. */
export interface DecidingAgent<Obs, Act, I = Info> extends Agent<Obs, Act, I> {
  /** Binds the agent to the environment it will act in (its spaces, render and action names). */
  attach(env: Env<Obs, Act, I>): void;
  decide(observation: Obs, context: ActContext<I>, signal?: AbortSignal): Promise<LlmDecision<Act>>;
}

/**
 * Whether an agent is a {@link DecidingAgent}.
 *
 * @example
 * ```ts
 * if (isDecidingAgent(agent)) agent.attach(env);
 * ```
 */
export function isDecidingAgent<Obs, Act, I>(agent: Agent<Obs, Act, I>): agent is DecidingAgent<Obs, Act, I> {
  const candidate = agent as Partial<DecidingAgent<Obs, Act, I>>;
  return typeof candidate.decide === 'function' && typeof candidate.attach === 'function';
}

/**
 * A language model as an agent for any environment: each step shows the observation as text (by default chosen by
 * the observation space), asks the model once, and parses the answer into an action (by default by the action
 * space). An invalid answer follows `invalidActionPolicy`: `end` (default), `{ retry: k }` with the parse error fed
 * back, or `{ default: action }`; an older answer is never reused. `act` throws an `ActionParseError` when the
 * episode must end; {@link rollout} uses `decide`, which records every call.
 *
 * @example
 * ```ts
 * const env = make('FrozenLake-v1', { renderMode: 'ansi' });
 * const agent = createLlmAgent({ model: createModel('openai:gpt-4.1-mini'), parser: 'xml', invalidActionPolicy: { retry: 2 } });
 * const trajectory = await rollout(env, agent, { seed: 0, maxEpisodeSteps: 50 });
 * ```
 */
export function createLlmAgent<Obs = unknown, Act = unknown, I = Info>(
  options: LlmAgentOptions<Obs, Act>,
): DecidingAgent<Obs, Act, I> {
  return new LlmAgent<Obs, Act, I>(options);
}

class LlmAgent<Obs, Act, I> implements DecidingAgent<Obs, Act, I> {
  readonly name: string;
  private readonly options: LlmAgentOptions<Obs, Act>;
  private env: Env<Obs, Act, I> | undefined;
  private turns: ConversationTurn[] = [];

  constructor(options: LlmAgentOptions<Obs, Act>) {
    const history = options.history ?? 'full';
    if (history !== 'full' && (!Number.isInteger(history) || history < 0)) {
      throw new RangeError(`history must be 'full' or a whole number of turns ≥ 0, not ${String(history)}.`);
    }
    const policy = options.invalidActionPolicy;
    if (
      typeof policy === 'object' &&
      'retry' in policy &&
      (!Number.isInteger(policy.retry) || policy.retry < 0)
    ) {
      throw new RangeError(
        `invalidActionPolicy.retry must be a whole number ≥ 0, not ${String(policy.retry)}.`,
      );
    }
    this.options = options;
    this.name = options.name ?? `llm:${options.model.provider}:${options.model.modelName}`;
  }

  attach(env: Env<Obs, Act, I>): void {
    this.env = env;
    this.turns = [];
  }

  reset(): void {
    this.turns = [];
  }

  async act(observation: Obs, context: ActContext<I>): Promise<Act> {
    const decision = await this.decide(observation, context);
    if (decision.kind === 'invalid') throw new ActionParseError(decision.error);
    return decision.action;
  }

  async decide(observation: Obs, _context: ActContext<I>, signal?: AbortSignal): Promise<LlmDecision<Act>> {
    const env = this.env;
    if (env === undefined) {
      throw new Error(
        'This LLM agent is not attached to an environment: call agent.attach(env) first (rollout does).',
      );
    }
    const parser = this.options.parser ?? 'none';
    const actionNames = actionNamesOf(env);
    const toText = this.options.observationToText ?? defaultObservationToText;
    const current: ModelMessage[] = [{ role: 'user', content: toText(observation, env) }];
    const policy = this.options.invalidActionPolicy ?? 'end';
    const attempts = 1 + (typeof policy === 'object' && 'retry' in policy ? policy.retry : 0);
    const calls: LlmCall[] = [];
    let answer = '';
    let error = '';
    for (let attempt = 0; attempt < attempts; attempt++) {
      const messages = buildMessages({
        systemPrompt: this.options.systemPrompt ?? defaultSystemPrompt(env.actionSpace, actionNames, parser),
        fewShot: this.options.fewShot ?? [],
        history: this.visibleHistory(),
        current,
        format: this.options.messageFormat ?? 'chat',
      });
      const started = performance.now();
      const result = await this.options.model.doGenerate({
        messages,
        temperature: this.options.temperature,
        maxTokens: this.options.maxTokens,
        abortSignal: signal,
        purpose: { kind: 'agent', id: this.name },
      });
      const call: LlmCall = {
        messages,
        text: result.text,
        usage: result.usage,
        costUsd: costOf(result.modelId, result.usage, this.options.priceTable),
        latencySeconds: result.latencySeconds,
        durationMs: performance.now() - started,
        modelId: result.modelId,
      };
      calls.push(call);
      answer = result.text;
      current.push({ role: 'assistant', content: answer });
      try {
        const action = this.parse(answer, parser, env, actionNames);
        this.remember(current);
        return { kind: 'action', action, answer, calls };
      } catch (parseError) {
        error = parseError instanceof Error ? parseError.message : String(parseError);
        call.parseError = error;
        if (attempt + 1 < attempts) {
          current.push({
            role: 'user',
            content: `That answer is not a valid action: ${error} Answer again with a valid action.`,
          });
        }
      }
    }
    this.remember(current);
    if (typeof policy === 'object' && 'default' in policy) {
      return { kind: 'default', action: policy.default, answer, error, calls };
    }
    return { kind: 'invalid', answer, error, calls };
  }

  private parse(
    answer: string,
    parser: AnswerParser,
    env: Env<Obs, Act, I>,
    actionNames: readonly string[] | undefined,
  ): Act {
    let text = answer;
    if (parser === 'think' || parser === 'xml') text = stripThink(text);
    if (parser === 'xml') text = parseXmlTag(text);
    const context = { actionSpace: env.actionSpace as never, actionNames };
    const parse = this.options.parseAction ?? (defaultParseAction as ParseAction<Act>);
    return parse(text, context);
  }

  private visibleHistory(): readonly ConversationTurn[] {
    const history = this.options.history ?? 'full';
    if (history === 'full') return this.turns;
    return history === 0 ? [] : this.turns.slice(-history);
  }

  private remember(turn: readonly ModelMessage[]): void {
    this.turns.push([...turn]);
  }
}
