// A task a loop runs on: its input values and the material its graders and simulated models read.

/** A document a loop may read or retrieve (research, RAG), or a distractor. */
export interface TaskSource {
  id: string;
  title: string;
  url?: string | undefined;
  /** ISO date (`2025-03-01`), when the source has one. */
  published?: string | undefined;
  text: string;
  /** An outdated source that conflicts with current ones (a trap for `stale_source`). */
  stale?: boolean | undefined;
  /** The source a good answer cannot do without (what `missing_source` removes). */
  key?: boolean | undefined;
}

/** One thing a good answer says, how to recognize it, and which sources support it. */
export interface ReferenceFact {
  id: string;
  statement: string;
  /**
   * How to recognize the fact in an answer: every group must match, a group matches when any of its phrases
   * appears (case-insensitive). `[["2027", "2028"], ["pilot", "sample"]]`.
   */
  keywords: readonly (readonly string[])[];
  /** Sources that support it (a citation of one of them counts as evidence). */
  sourceIds: readonly string[];
  /** How much the fact matters, default 1. */
  weight?: number | undefined;
}

/** A repository with tests, for code tasks. Paths are relative to {@link LoopTask.root}. */
export interface TaskRepository {
  /** The repository directory. */
  path: string;
  language: 'python' | 'node';
  /** The command that runs the tests inside the repository, e.g. `["python3", "-m", "unittest", "-v"]`. */
  testCommand: readonly string[];
  /** The files a patch may change. */
  editableFiles: readonly string[];
  /** The tests that must pass (ids as the runner reports them); all when empty. */
  requiredTests: readonly string[];
}

/** An output of known quality that a simulated worker may give (a patch, a draft), with what makes it so. */
export interface TaskCandidate {
  id: string;
  /** The worker that would produce it; any worker when absent. */
  workerId?: string | undefined;
  quality: 'correct' | 'partial' | 'wrong' | 'broken';
  /** The output text exactly as a worker would write it (e.g. a fenced code block naming its file). */
  output: string;
  /** What is wrong with it, in words (what feedback would say). */
  flaw?: string | undefined;
}

/** Everything a task carries besides its input values. Each part is optional. */
export interface TaskMaterial {
  sources: readonly TaskSource[];
  referenceFacts: readonly ReferenceFact[];
  repository?: TaskRepository | undefined;
  candidates: readonly TaskCandidate[];
  /** Parameters of deterministic evaluators, by evaluator id or implementation name (`evaluators.word_count_max`). */
  evaluatorParameters: Readonly<Record<string, Readonly<Record<string, unknown>>>>;
  /** The perturbations the task names (applied by the perturbation layer). */
  perturbations: readonly string[];
  /**
   * Which sources each child of a composition sees, by child id (`{ falsifier: ['F1'] }`): a child named here works,
   * and is graded, on the task narrowed to those sources (see `scopedTask`); a child not named sees the whole task.
   */
  scopes?: Readonly<Record<string, readonly string[]>> | undefined;
}

/**
 * A task: the values of the loop's `inputs` and the material graders and simulated models read.
 *
 * @example
 * ```ts
 * const task: LoopTask = {
 *   id: 'rs-001',
 *   difficulty: 'standard',
 *   inputs: { query: 'What are commercialization timelines for solid-state batteries?', depth: 'standard' },
 *   material: emptyTaskMaterial(),
 *   root: undefined,
 * };
 * ```
 */
export interface LoopTask {
  id: string;
  /** The task family (`LB-CR-1`), when known. */
  family?: string | undefined;
  difficulty?: string | undefined;
  inputs: Readonly<Record<string, unknown>>;
  material: TaskMaterial;
  /** The directory relative paths of the material resolve against (absolute), when the task came from files. */
  root: string | undefined;
}

/**
 * Material with nothing in it.
 *
 * @example
 * ```ts
 * const material = { ...emptyTaskMaterial(), sources: [source] };
 * ```
 */
export function emptyTaskMaterial(): TaskMaterial {
  return { sources: [], referenceFacts: [], candidates: [], evaluatorParameters: {}, perturbations: [] };
}
