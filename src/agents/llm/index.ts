// The LLM adapter: a language model as an agent for any environment, rollouts, rubrics and datasets.
export {
  createLlmAgent,
  isDecidingAgent,
  type DecidingAgent,
  type LlmAgentOptions,
} from './create-llm-agent.js';
export {
  buildMessages,
  type FewShotExample,
  type MessageFormat,
  type ConversationTurn,
} from './build-messages.js';
export { defaultSystemPrompt, type AnswerParser } from './default-system-prompt.js';
export type { InvalidActionPolicy, LlmCall, LlmDecision } from './llm-decision.js';
export {
  defaultObservationToText,
  describeAnsiFrame,
  formatValue,
  type ObservationToText,
  type EnvView,
} from './observation-to-text.js';
export {
  ActionParseError,
  actionNamesOf,
  defaultParseAction,
  parseXmlTag,
  stripThink,
  type ParseAction,
  type ParseActionContext,
} from './parse-action.js';
export { rollout, type RolloutOptions } from './rollout.js';
export type { Trajectory, TrajectoryError, TrajectoryStatus, TrajectoryStep } from './trajectory.js';
export {
  rubric,
  sumOfRewards,
  RubricError,
  type Rubric,
  type RubricFunction,
  type RubricScore,
} from './rubric.js';
export {
  splitSeeds,
  toDataset,
  toJsonl,
  type PromptRow,
  type SplitSeedsOptions,
  type ToDatasetOptions,
} from './datasets.js';
