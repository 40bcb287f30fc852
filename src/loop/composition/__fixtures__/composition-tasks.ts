// The research-synthesis tasks (their sources and reference facts), with only the `query` input the fixtures declare.
import { loopbenchDataDirectory } from '../../tasks/data-directory.js';
import { loadTaskSetSync } from '../../tasks/load-task-set.js';
import type { LoopTask } from '../../tasks/loop-task.js';

export const FIXTURES = 'src/loop/composition/__fixtures__/compositions';

export function compositionTasks(): LoopTask[] {
  return loadTaskSetSync(loopbenchDataDirectory('research-synthesis-v1')).tasks.map((task) => ({
    ...task,
    inputs: { query: task.inputs['query'] },
  }));
}
