// Builds the messages of a model call from the system prompt, few-shot examples and the episode so far.
import type { ModelMessage } from '../../models/language-model.js';

/** A worked example shown before the episode: an observation and the answer to give. */
export interface FewShotExample {
  observation: string;
  answer: string;
}

/** `chat`: one message per turn; `completion`: the whole transcript in one user message. */
export type MessageFormat = 'chat' | 'completion';

/** One turn of an episode: the observation shown, and the exchanges that followed (answers, feedback). */
export type ConversationTurn = readonly ModelMessage[];

/** What {@link buildMessages} assembles. */
export interface BuildMessagesInput {
  systemPrompt: string;
  fewShot: readonly FewShotExample[];
  /** Earlier turns of the episode, oldest first (already cut to the history length). */
  history: readonly ConversationTurn[];
  /** The current turn: its observation and any retries so far. */
  current: ConversationTurn;
  format: MessageFormat;
}

/**
 * The messages of one call. In `chat` format: the system prompt, each few-shot example as a user/assistant pair, the
 * earlier turns and the current one. In `completion` format the same content as one transcript in a single user
 * message, ending with `Answer:`.
 *
 * @example
 * ```ts
 * buildMessages({ systemPrompt: 'Play.', fewShot: [], history: [], current: [{ role: 'user', content: 'obs' }], format: 'chat' });
 * ```
 */
export function buildMessages(input: BuildMessagesInput): ModelMessage[] {
  const examples: ModelMessage[] = input.fewShot.flatMap((example) => [
    { role: 'user' as const, content: example.observation },
    { role: 'assistant' as const, content: example.answer },
  ]);
  const conversation = [...examples, ...input.history.flat(), ...input.current];
  if (input.format === 'chat') {
    return [{ role: 'system', content: input.systemPrompt }, ...conversation];
  }
  const parts = [input.systemPrompt];
  for (const message of conversation) {
    parts.push(message.role === 'assistant' ? `Answer: ${message.content}` : message.content);
  }
  parts.push('Answer:');
  return [{ role: 'user', content: parts.join('\n\n') }];
}
