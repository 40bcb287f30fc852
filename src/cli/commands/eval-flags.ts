// The flags of `loopgym eval` and the recipe it records with a run.
import type { ReplayFlags } from '../replay-flags.js';

/** The flags of `loopgym eval`, as commander hands them over. */
export interface EvalFlags extends ReplayFlags {
  agent?: string;
  model?: string;
  loopModel?: string;
  systemPrompt?: string;
  parser?: string;
  episodes?: string;
  seed?: string;
  seeds?: string;
  rolloutsPerExample?: string;
  concurrency: string;
  maxRetries: string;
  timeout?: string;
  maxEpisodeSteps?: string;
  resume?: string;
  store?: string;
  json?: boolean;
  option: string[];
  backend?: string;
  task?: string;
  config?: string;
  checkpoint?: string;
  perturb: string[];
  taskPerturbations: boolean;
}

/** How the command rebuilds its environment and agent: recorded with the run for `--resume`. */
export interface EvalRecipe {
  target: string;
  agent: string;
  model: string | null;
  /** Who answers a live loop's own model calls (`--loop-model`); recipes recorded before it have none. */
  loopModel?: string | null | undefined;
  systemPrompt: string | null;
  parser: string | null;
  options: Record<string, unknown>;
  backend: string | null;
  task: string | null;
}
