// LoopGym's public API. Every export is named here explicitly.
export {
  LoopGymError,
  ResetNeededError,
  InvalidActionError,
  InvalidArgumentError,
  NameNotFoundError,
  VersionNotFoundError,
  DeprecatedEnvError,
  RegistrationError,
  EnvCheckError,
  UnsupportedOperationError,
  ClosedEnvError,
} from './core/errors.js';
export type {
  Env,
  SyncEnv,
  EnvMetadata,
  Info,
  RenderFrame,
  RenderMode,
  ResetOptions,
  ResetResult,
  RgbFrame,
  StepResult,
} from './core/env.js';
export { isSyncEnv } from './core/env.js';
export type { EnvSpec, EnvFactory, VectorEnvFactory, WrapperSpec } from './core/env-spec.js';
export type {
  AutoresetMode,
  VectorEnv,
  SynchronousVectorEnv,
  VectorResetOptions,
  VectorResetResult,
  VectorStepResult,
} from './core/vector-env.js';
export { isSynchronousVectorEnv } from './core/vector-env.js';
export type { Dtype, JsonSchema, Space, SpaceJson } from './core/space.js';
export { SyncEnvBase, type EnvConstructorOptions } from './core/sync-env-base.js';
export { Wrapper } from './core/wrapper.js';
export { Rng, createRng, type ChoiceOptions, type IntegersOptions } from './core/random/rng.js';
export { PCG64, type Pcg64State } from './core/random/pcg64.js';
export { SeedSequence, type SeedEntropy, type SeedSequenceOptions } from './core/random/seed-sequence.js';
export { Discrete, type DiscreteMask } from './spaces/discrete.js';
export { Box, type BoxBound } from './spaces/box.js';
export type { BoxDtype, NumericArray, TypedArrayOf } from './spaces/dtype.js';
