// loopgym/testing: tools for testing environments, wrappers and agents. Every export is named here explicitly.
export { checkEnv, type CheckEnvOptions, type CheckEnvReport } from './check-env.js';
export type { FreshEnvFactory } from './check-render.js';
export { dataEquivalence, type DataEquivalenceOptions } from './data-equivalence.js';
export {
  ScriptedEnv,
  episodesFromEvents,
  type ScriptedEnvOptions,
  type ScriptedEpisode,
  type ScriptedEvent,
  type ScriptedStep,
} from './scripted-env.js';
export { toAsyncEnv } from './to-async-env.js';
export { EnvCheckError } from '../core/errors.js';
export { ScriptedLanguageModel, type ScriptedAnswer, type ScriptedCall } from './scripted-language-model.js';
export {
  startModelServer,
  modelServerFaultSchema,
  ServerSimModel,
  exampleFromSchema,
  type ModelServer,
  type ModelServerOptions,
  type ModelServerRequest,
  type ModelServerFault,
  type ModelServerFaultPath,
} from './model-server/index.js';
