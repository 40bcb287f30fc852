// LoopGym's public API. Every export is named here explicitly.
// Registers the loop environments (loopbench/*, sim/mock-llm-v1) in the default registry.
import './backends/default-loop-environments.js';

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
export { warnOnce, setWarningHandler, type WarningHandler } from './core/warnings.js';

// Spaces
export { Discrete, type DiscreteMask } from './spaces/discrete.js';
export { Box, isBox, type BoxBound } from './spaces/box.js';
export type { BoxDtype, NumericArray, TypedArrayOf } from './spaces/dtype.js';
export {
  MultiDiscrete,
  type MultiDiscreteMask,
  type NestedNumbers,
  type ComponentMasks,
} from './spaces/multi-discrete.js';
export { MultiBinary, type MultiBinaryMask } from './spaces/multi-binary.js';
export { Text, ALPHANUMERIC, type TextMask, type TextOptions } from './spaces/text.js';
export { Dict, isDict, type DictElement, type DictMask, type SpaceRecord } from './spaces/dict.js';
export { Tuple, isTuple, type TupleElement, type TupleMask } from './spaces/tuple.js';
export { spaceFromJSON } from './spaces/space-from-json.js';
export { flatdim, flatten, unflatten, flattenSpace, flatDtype, resultDtype } from './spaces/flatten.js';
export { isSpace, type AnySpace, type SpaceElement, type SpaceMask } from './spaces/space-types.js';

// Registry
export { Registry, type RegisterOptions } from './registry/registry.js';
export { defaultRegistry, register, spec, listEnvs } from './registry/default-registry.js';
export { make, makeSync, type MakeOptions, type EnvWrapperFunction } from './registry/make.js';
export { makeVec, type MakeVecOptions, type VectorizationMode } from './registry/make-vec.js';
export { parseEnvId, formatEnvId, type EnvIdParts } from './registry/env-id.js';
export { resolveEnvOptions, describeEnvOptions } from './registry/env-options.js';

// Wrappers
export { TimeLimit } from './wrappers/time-limit.js';
export { OrderEnforcing } from './wrappers/order-enforcing.js';
export { PassiveEnvChecker } from './wrappers/passive-env-checker.js';
export {
  RecordEpisodeStatistics,
  type EpisodeStatistics,
  type RecordEpisodeStatisticsOptions,
} from './wrappers/record-episode-statistics.js';
export { Autoreset } from './wrappers/autoreset.js';
export { ClipAction } from './wrappers/clip-action.js';
export { RescaleAction } from './wrappers/rescale-action.js';
export { TransformObservation } from './wrappers/transform-observation.js';
export { TransformReward } from './wrappers/transform-reward.js';
export { FlattenObservation } from './wrappers/flatten-observation.js';
export { FrameStack, type FrameStackOptions, type FrameStackPadding } from './wrappers/frame-stack.js';
export { NormalizeObservation } from './wrappers/normalize-observation.js';
export { NormalizeReward, type NormalizeRewardOptions } from './wrappers/normalize-reward.js';
export { RunningMeanStd, type RunningMeanStdOptions } from './wrappers/running-mean-std.js';

// Vector environments
export { SyncVectorEnv, type SyncVectorEnvOptions } from './vector/sync-vector-env.js';
export { BatchedVectorEnv, type BatchedVectorEnvOptions } from './vector/batched-vector-env.js';
export { batchSpace } from './vector/batch-space.js';
export { createBatch, readBatchElement, writeBatchElement, copyBatch } from './vector/batch-elements.js';
export { addInfo } from './vector/vector-infos.js';

// Classic-control environments
export { CartPoleEnv, type CartPoleOptions } from './envs/classic-control/cart-pole.js';
export { MountainCarEnv, type MountainCarOptions } from './envs/classic-control/mountain-car.js';
export { ContinuousMountainCarEnv } from './envs/classic-control/continuous-mountain-car.js';
export { PendulumEnv, type PendulumOptions } from './envs/classic-control/pendulum.js';
export { AcrobotEnv } from './envs/classic-control/acrobot.js';
export {
  CartPoleVectorEnv,
  type CartPoleVectorEnvOptions,
} from './envs/classic-control/cart-pole-vector-env.js';
export {
  MountainCarVectorEnv,
  type MountainCarVectorEnvOptions,
} from './envs/classic-control/mountain-car-vector-env.js';
export { ContinuousMountainCarVectorEnv } from './envs/classic-control/continuous-mountain-car-vector-env.js';
export {
  PendulumVectorEnv,
  type PendulumVectorEnvOptions,
} from './envs/classic-control/pendulum-vector-env.js';
export { AcrobotVectorEnv } from './envs/classic-control/acrobot-vector-env.js';
export { classicControlRegistrations } from './envs/classic-control/classic-control-registrations.js';
export { toyTextRegistrations } from './envs/toy-text/toy-text-registrations.js';

// Toy-text environments
export { FrozenLakeEnv, type FrozenLakeOptions } from './envs/toy-text/frozen-lake.js';
export {
  FROZEN_LAKE_MAPS,
  generateRandomMap,
  isFrozenLakeMapSolvable,
  type FrozenLakeMapName,
} from './envs/toy-text/frozen-lake-maps.js';
export { CliffWalkingEnv, type CliffWalkingOptions } from './envs/toy-text/cliff-walking.js';
export { TaxiEnv, type TaxiOptions, type TaxiInfo } from './envs/toy-text/taxi.js';
export { encodeTaxiState, decodeTaxiState, type TaxiState } from './envs/toy-text/taxi-model.js';
export { BlackjackEnv, type BlackjackOptions, type BlackjackObservation } from './envs/toy-text/blackjack.js';
export {
  TransitionTableEnv,
  type Transition,
  type TransitionTable,
  type TransitionInfo,
} from './envs/toy-text/transition-table-env.js';

// Text environments for language models
export { textRegistrations } from './envs/text/text-registrations.js';
export {
  TextGameEnv,
  createTextObservationSpace,
  createTextActionSpace,
  TEXT_GAME_METADATA,
} from './envs/text/text-game-env.js';
export { GuessNumberEnv, type GuessNumberOptions, type GuessNumberInfo } from './envs/text/guess-number.js';
export {
  WordleEnv,
  scoreGuess,
  type WordleOptions,
  type WordleInfo,
  type WordleGuess,
  type LetterFeedback,
} from './envs/text/wordle.js';
export { TicTacToeEnv, type TicTacToeOptions, type TicTacToeInfo } from './envs/text/tic-tac-toe.js';
export { AdventureEnv, type AdventureOptions, type AdventureInfo } from './envs/text/adventure.js';

// Agents and evaluation
export type { Agent, ActContext } from './agents/agent.js';
export { RandomAgent, type RandomAgentOptions } from './agents/random-agent.js';
export { fromGymLike, type GymLike } from './agents/from-gym-like.js';
export * from './agents/llm/index.js';
export {
  runEpisodes,
  summarize,
  type EpisodeSummary,
  type RunSummary,
  type RunEpisodesOptions,
  type StepEvent,
} from './eval/run-episodes.js';

// LSS: parse, validate and compile loop specs
export type * from './lss/loop-spec.js';
export type * from './lss/compile/loop-program.js';
export { LOOP_PROGRAM_FORMAT } from './lss/compile/loop-program.js';
export {
  formatPath,
  formatProblem,
  toJsonPointer,
  fromJsonPointer,
  type SpecProblem,
  type PathSegment,
  type SourceLocation,
} from './lss/spec-problem.js';
export {
  parseSpecText,
  readSpecFile,
  type ParsedSpec,
  type ParseSpecOptions,
} from './lss/parse/parse-spec.js';
export { SourceMap } from './lss/parse/source-map.js';
export {
  validateSpec,
  validateSpecText,
  validateParsedSpec,
  type SpecValidation,
  type ValidateSpecOptions,
} from './lss/validate/validate-spec.js';
export {
  validateSpecFile,
  validateForCompile,
  type SpecFileValidation,
} from './lss/validate/validate-spec-file.js';
export {
  validateInputValues,
  type ValidateInputValuesOptions,
  type ValidateInputValuesResult,
} from './lss/validate/validate-input-values.js';
export { lssVersionOf, type LssVersion } from './lss/validate/schema/schema-problems.js';
export { SPEC_RULES } from './lss/validate/rules/spec-rules.js';
export type { SpecRule, RuleProblem } from './lss/validate/rules/spec-rule.js';
export { compileSpec, type CompileSpecOptions } from './lss/compile/compile-spec.js';
export {
  compileSpecFile,
  type CompileSpecFileOptions,
  type CompileSpecFileResult,
  type ValidateParsedSpec,
} from './lss/compile/compile-spec-file.js';
export { compileValidatedSpecFile, loadLoopProgram } from './lss/load-loop-program.js';
export { SpecCompileError } from './lss/compile/spec-compile-error.js';
export {
  parseCondition,
  conditionProblem,
  type ParseConditionResult,
  type ParseConditionOptions,
  type ConditionError,
} from './lss/compile/parse-condition.js';
export {
  evaluateCondition,
  conditionVariables,
  type ConditionVariableValues,
} from './lss/compile/evaluate-condition.js';
export { printCondition } from './lss/compile/print-condition.js';
export {
  CONDITION_VARIABLES,
  CONDITION_VARIABLE_NAMES,
  type ConditionVariable,
  type ConditionVariableType,
} from './lss/compile/condition-variables.js';
export { TELEMETRY_SIGNALS, type TelemetrySignal } from './lss/validate/telemetry-signals.js';

// Models
export type {
  LanguageModel,
  GenerateOptions,
  GenerateResult,
  ModelMessage,
  ModelRole,
  ModelToolCall,
  ModelToolDefinition,
  ModelUsage,
  ModelCallPurpose,
  FinishReason,
} from './models/language-model.js';
export { modelIdOf } from './models/language-model.js';
export {
  DEFAULT_PRICE_TABLE,
  priceOf,
  costOf,
  mergePriceTables,
  priceTableSchema,
  type ModelPrice,
  type PriceTable,
} from './models/price-table.js';

// The loop engine
export {
  LoopRun,
  InvalidTaskInputsError,
  type LoopRunOptions,
  type LoopServices,
  type IterationOutcome,
} from './loop/engine/loop-run.js';
export { createLoopServices } from './loop/create-loop-services.js';
export type * from './loop/events/loop-event.js';
export { LOOP_EVENT_VERSION } from './loop/events/loop-event.js';
export type { LoopBackend, ModelCaller } from './loop/loop-backend.js';
export { LoopEnv, type LoopEnvOptions, type LoopInfo } from './loop/gym/loop-env.js';
export {
  LoopObservationSpace,
  LoopActionSpace,
  type LoopObservation,
  type LoopAction,
} from './loop/gym/loop-spaces.js';
export {
  scriptedHumanGate,
  probabilisticHumanGate,
  callbackHumanGate,
  type HumanGate,
  type HumanReviewRequest,
  type HumanDecision,
} from './loop/human-gate.js';
export { ToolRegistry, UnknownToolError, type LoopTool, type ToolContext } from './loop/tool-registry.js';
export {
  LoopMemory,
  InMemoryMemoryBackend,
  type MemoryBackend,
  type MemoryEntry,
} from './loop/loop-memory.js';
export { CostLedger, type CostAlert } from './loop/cost-ledger.js';
export { parseWorkerOutput, extractCodeBlocks } from './loop/parse-worker-output.js';
export type { WorkerOutput, CodeBlock } from './loop/worker-output.js';
export { deriveSeed } from './loop/derive-seed.js';

// Tasks
export type * from './loop/tasks/loop-task.js';
export { emptyTaskMaterial } from './loop/tasks/loop-task.js';
export {
  loadTaskSet,
  loadTaskSetSync,
  loadTasksFile,
  loadTasksFileSync,
  type LoopTaskSet,
} from './loop/tasks/load-task-set.js';
export { tasksFromExamples } from './loop/tasks/tasks-from-examples.js';
export { loopbenchDataDirectory } from './loop/tasks/data-directory.js';
export { TaskFileError } from './loop/tasks/task-file-error.js';

// Evaluators and graders
export type { EvaluatorVerdict } from './loop/evaluators/evaluator-verdict.js';
export type {
  DeterministicEvaluator,
  DeterministicEvaluationContext,
} from './loop/evaluators/deterministic/deterministic-evaluator.js';
export { DeterministicEvaluatorRegistry } from './loop/evaluators/deterministic/deterministic-evaluator-registry.js';
export {
  createDefaultEvaluatorRegistry,
  BUILTIN_DETERMINISTIC_EVALUATORS,
} from './loop/evaluators/deterministic/create-default-evaluator-registry.js';
export { defineDeterministicEvaluator } from './loop/evaluators/deterministic/define-deterministic-evaluator.js';
export { createVerdict } from './loop/evaluators/deterministic/create-verdict.js';
export {
  DeterministicEvaluatorNotFoundError,
  EvaluatorParameterError,
  MissingTaskMaterialError,
} from './loop/evaluators/deterministic/deterministic-evaluator-errors.js';
export { GraderCache } from './loop/evaluators/grader-cache.js';
export { readRubricJudgement, rubricJudgePrompt } from './loop/evaluators/rubric-judgement.js';

// Safety
export type {
  SafetyDetector,
  SafetyCheck,
  SafetyFinding,
  FindingSpan,
} from './loop/safety/safety-detector.js';
export {
  SafetyDetectorRegistry,
  createSafetyDetectorRegistry,
} from './loop/safety/safety-detector-registry.js';
export { stripSpans } from './loop/safety/redaction.js';

// Backends and loop environments
export { createSimBackend } from './backends/sim/sim-backend.js';
export { SimLanguageModel, type SimLanguageModelOptions } from './backends/sim/sim-language-model.js';
export {
  makeLoopEnv,
  backendNamed,
  type MakeLoopEnvOptions,
  type BackendName,
} from './backends/make-loop-env.js';
export { loopEnvRegistrations, registerLoopEnvironments } from './backends/loop-env-registrations.js';
export { loadLoopProgramSync } from './lss/load-loop-program.js';

// Model providers and the model facade
export {
  ApiCallError,
  MissingApiKeyError,
  ModelTimeoutError,
  UnknownProviderError,
  type ApiCallErrorOptions,
} from './models/model-errors.js';
export { redactSecrets, sanitizeError } from './models/redact-secrets.js';
export {
  registerProvider,
  createModel,
  parseModelId,
  providerNames,
  type ProviderFactory,
  type ProviderOptions,
  type ParsedModelId,
} from './models/provider-registry.js';
export {
  OpenAIChatModel,
  createOpenAIModel,
  OPENAI_DEFAULT_BASE_URL,
  type OpenAIProviderOptions,
} from './models/providers/openai-provider.js';
export {
  AnthropicMessagesModel,
  createAnthropicModel,
  ANTHROPIC_DEFAULT_BASE_URL,
  type AnthropicProviderOptions,
} from './models/providers/anthropic-provider.js';
export { createModelClient, type ModelClient, type ModelClientOptions } from './models/model-client.js';
export {
  MemoryResponseCache,
  responseCacheKey,
  isCacheable,
  type ResponseCache,
  type CacheMode,
} from './models/middleware/response-cache.js';
export { SqliteResponseCache } from './models/middleware/sqlite-response-cache.js';
export { ProviderLimits, defaultProviderLimits, limitsKeyOf } from './models/middleware/provider-limits.js';
export type { LimitOptions } from './models/middleware/provider-limiter.js';
export type { RetryOptions } from './models/middleware/retry-policy.js';
export type { ModelCallRecord, ModelUsageReport, UsageTotals } from './models/middleware/usage-account.js';
export { streamFromResult, resultFromStream, type StreamPart } from './models/language-model.js';
export { createLiveBackend, parseModelOverrides, type ModelOverrides } from './backends/live/live-backend.js';
export {
  createDefaultLiveBackend,
  defaultResponseCachePath,
  type DefaultLiveBackendOptions,
} from './backends/live/create-default-live-backend.js';

// The run store
export {
  RunStore,
  openRunStore,
  resolveStorePath,
  DEFAULT_STORE_PATH,
  type OpenRunStoreOptions,
} from './store/run-store.js';
export type {
  RunKind,
  RunStatus,
  RunConfig,
  StepRecord,
  ModelCallEntry,
  EpisodeRecord,
  StoredRun,
  StoredEpisode,
  StoredStep,
  StoredModelCall,
  RunFilter,
} from './store/run-records.js';
export { StoreError, SchemaTooNewError } from './store/store-error.js';
export { exportRun, EXPORT_FORMATS, type ExportFormat } from './store/export-run.js';
export {
  EXPORT_FORMAT_VERSION,
  episodeLineSchema,
  rolloutResultSchema,
  type EpisodeLine,
  type RolloutResult,
} from './store/export-records.js';

// LoopNet: reading and selecting recorded loop trajectories
export { DEFAULT_LOOPNET_CORPUS } from './loopnet/default-corpus.js';
export {
  readLoopNetRecords,
  readLoopNetRecordsSync,
  warnRecordProblem,
  type LoopNetEntry,
  type ReadLoopNetOptions,
} from './loopnet/read-loopnet-records.js';
export { LoopNetIndex } from './loopnet/loopnet-index.js';
export { loadLoopNetSplits, type LoopNetSplits } from './loopnet/loopnet-splits.js';
export {
  checkRecordSelection,
  recordMatcher,
  isEmptySelection,
  type RecordSelection,
  type OneOrMany,
} from './loopnet/record-selection.js';
export { validateLoopNetRecord, loopNetRecordValidator, formatSchemaError } from './loopnet/record-schema.js';
export {
  CorpusNotFoundError,
  RecordLineError,
  describeProblem,
  type RecordLineProblem,
} from './loopnet/loopnet-errors.js';
export { JsonlLineSplitter, type JsonlLine } from './loopnet/jsonl-line-splitter.js';
export * from './loopnet/loopnet-record.js';

// LES 1.0, the Loop Efficiency Score
export * from './les/les-weights.js';
export * from './les/les-composite.js';
export * from './les/les-formulas.js';
export * from './les/episode-les.js';
export * from './les/observed-les.js';
export * from './les/check-record-les.js';
export { loopNetHeuristicCategories } from './les/loopnet-heuristic-categories.js';

// Replay of recorded trajectories
export { ReplayEnv, type ReplayEnvOptions } from './backends/replay/replay-env.js';
export { replayEnvRegistrations } from './backends/replay/replay-registrations.js';
export {
  toReplayEpisode,
  endFlags,
  type ReplayEpisode,
  type ReplayInfo,
} from './backends/replay/replay-episode.js';
export {
  ReplayObservationSpace,
  NullActionSpace,
  MAX_RECORDED_ITERATIONS,
  type ReplayObservation,
  type ReplayMetrics,
} from './backends/replay/replay-spaces.js';

// The evaluation runner
export { evaluate } from './eval/evaluate.js';
export type {
  EvaluateOptions,
  EvaluateResult,
  EvalSlot,
  EnvFactory as EvalEnvFactory,
  AgentFactory,
} from './eval/evaluate-options.js';
export { summarizeEvaluation, type EvalSummary, type SummarizeOptions } from './eval/eval-summary.js';
export type { EvalProgress } from './eval/eval-progress.js';
export { isSuccessfulEpisode, type EpisodeOutcome, type ErrorCategory } from './eval/episode-outcome.js';
export { planEpisodes, type EpisodePlan, type EpisodePlanOptions } from './eval/episode-plan.js';
export { passAtK, meanPassAtK } from './eval/pass-at-k.js';
export {
  bootstrapIntervals,
  type BootstrapOptions,
  type ConfidenceInterval,
} from './eval/bootstrap-interval.js';
export { EpisodeTimeoutError, isInfrastructureError } from './eval/infrastructure-error.js';
export { namedAgentFactory, episodeSeededRandomAgent, AGENT_NAMES } from './eval/named-agents.js';
export { summaryRows } from './eval/format-eval-summary.js';
export {
  scriptedAgent,
  type ScriptedContext,
  type ScriptedPolicy,
  type ScriptedAgentOptions,
} from './agents/scripted-agent.js';

// Run configs, training from a config, and comparing runs
export { loadRunConfig, parseRunConfig, type RunConfig as RunConfigFile } from './config/load-run-config.js';
export { RunConfigError } from './config/run-config-error.js';
export { runConfigSchema, RUN_CONFIG_AGENTS } from './config/run-config-schema.js';
export { loadPlugin, parsePluginReference, PluginLoadError } from './config/load-plugin.js';
export { defaultRunConfigText } from './config/default-run-config.js';
export { createRunEnvironment } from './config/create-run-environment.js';
export { createRunAgent, restoreRunAgent } from './config/create-run-agent.js';
export { trainFromConfig } from './train/train-from-config.js';
export type { TrainRunOptions, TrainRunResult } from './train/train-run-types.js';
export { prepareRunConfigEvaluation } from './train/evaluate-run-config.js';
export { readTrainingCheckpoint, latestCheckpointPath } from './train/training-checkpoint.js';
export { compareRuns } from './compare/compare-runs.js';
export { pairedPermutationTest, unpairedPermutationTest } from './compare/permutation-test.js';

// LoopNet export and capture
export {
  toLoopNetRecord,
  goalTargetOf,
  type LoopNetExportOptions,
} from './loopnet/export/to-loopnet-record.js';
export {
  collectLoopEpisode,
  LoopEventCollector,
  loopEpisodeFromStore,
  programOf,
  type LoopEpisodeInput,
} from './loopnet/export/loop-episode-input.js';
export { captureLoopNetRecords, type CaptureOptions } from './loopnet/export/capture-loop-records.js';
export { storedLoopNetRecords } from './loopnet/export/store-loopnet-records.js';
export { deriveFailureModes, type FailureAnalysis } from './loopnet/export/derive-failure-modes.js';
export { loopPatterns, PATTERN_RULES } from './loopnet/export/loop-patterns.js';
export { LOOPNET_TERMINATION_OF } from './loopnet/export/termination-mapping.js';
export { LOOPNET_REDACTED_FIELDS } from './loopnet/export/loop-spec-snapshot.js';

// Traces (OpenTelemetry, LTF 0.1, Loop Trace 1.0) and the web viewer
export {
  createLoopTraceListener,
  type TracedRun,
  type LoopTraceListenerOptions,
  type LoopTraceListener,
} from './tracing/loop-trace-listener.js';
export {
  startTracing,
  tracingFromEnvironment,
  type StartTracingOptions,
  type TracingSession,
} from './tracing/start-tracing.js';
export {
  traceStoredRun,
  traceStoredEpisode,
  type TraceStoredRunOptions,
  type TraceStoredEpisodeOptions,
} from './tracing/trace-stored-run.js';
export { RecordingTracerProvider } from './tracing/recording-tracer-provider.js';
export { InMemorySpanExporter } from './tracing/in-memory-span-exporter.js';
export { OtlpHttpSpanExporter } from './tracing/otlp-http-span-exporter.js';
export { JsonFileSpanExporter } from './tracing/json-file-span-exporter.js';
export { toLtfDocument, type LtfSpan, type LtfDocument } from './tracing/ltf-document.js';
export {
  toLoopTraceDocument,
  type LoopTraceIteration,
  type LoopTraceDocument,
} from './tracing/loop-trace-document.js';
export { validateTraceDocument } from './tracing/trace-schemas.js';
export { createViewerApp, type ViewerAppOptions } from './viewer/viewer-app.js';
export { startViewer, type StartViewerOptions, type RunningViewer } from './viewer/start-viewer.js';

// LoopBench: tasks, suites, bench runs, submissions and the leaderboard
export {
  loadLoopBench,
  loopBenchDataDirectory,
  type LoopBench,
  type LoopBenchTask,
} from './loopbench/load-loopbench.js';
export { runBench, selectBenchTasks, type BenchReport, type RunBenchOptions } from './loopbench/run-bench.js';
export { checkSubmission, type SubmissionCheck } from './loopbench/check-submission.js';
export { OracleGrader, type OracleGrade, type OracleCheck } from './loopbench/grade-with-oracle.js';
export { scoreTask, scoreSuites } from './loopbench/score-bench.js';
export { rankLeaderboard, formatLeaderboard, readLeaderboardEntries } from './loopbench/leaderboard.js';
export { LoopBenchDataError } from './loopbench/loopbench-data-error.js';
export type { BenchSubmission } from './loopbench/loopbench-submission.js';

// Perturbations and composed loops (LSS 1.1)
export { BUILTIN_PERTURBATIONS, resolvePerturbation } from './loop/perturbations/perturbation-registry.js';
export { createEpisodePerturber } from './loop/perturbations/create-episode-perturber.js';
export { parsePerturbationFlag } from './loop/perturbations/parse-perturbation-flag.js';
export {
  mapBackendModels,
  mapWorkerTaskView,
  transformModel,
} from './loop/perturbations/map-backend-models.js';
export { transformToolResults, filterToolResults } from './loop/perturbations/filter-tool-results.js';
export { weakerModel } from './loop/perturbations/model-downgrade.js';
export type {
  PerturbationRequest,
  PerturbationDefinition,
  PerturbedEpisode,
  AppliedPerturbation,
} from './loop/perturbations/perturbation.js';
export type { EpisodeSetup, PreparedEpisode, CompositionChild } from './loop/gym/loop-env.js';
export { scopedTask } from './loop/tasks/scoped-task.js';
export {
  CompositionEnv,
  type CompositionEnvOptions,
  type CompositionStepInfo,
} from './loop/composition/composition-env.js';
export { mergeBranches, type BranchResult, type MergeResult } from './loop/composition/merge-branches.js';
export type { CompositionInfo, ChildSummary } from './loop/composition/composed-episode.js';
export { CHILDREN_INPUT } from './loop/composition/integrating-program.js';
export { benchPerturbationPlan, perturbationLabel } from './loopbench/bench-perturbations.js';
export { perturbedRobustness, type PerturbedRuns } from './loopbench/bench-robustness.js';
export type { BenchTaskRobustness } from './loopbench/run-bench.js';

// Task tools and retrieval
export { prepareTaskTools, loadTaskToolsSync, type TaskTools } from './backends/task-tools.js';
export { Bm25Index, bm25Terms, type Bm25Document, type Bm25Hit } from './backends/bm25-index.js';
export { createRetrievalTool, type RetrievalToolOptions } from './backends/retrieval-tool.js';
