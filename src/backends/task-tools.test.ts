// Task tools: a task's workers get its tools for its episodes only, and bad tool files say what is wrong.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import './default-loop-environments.js';
import { loadLoopProgramSync } from '../lss/load-loop-program.js';
import { createLoopServices } from '../loop/create-loop-services.js';
import type { LoopInfo } from '../loop/gym/loop-env.js';
import type { LoopAction, LoopObservation } from '../loop/gym/loop-spaces.js';
import { loopbenchDataDirectory } from '../loop/tasks/data-directory.js';
import { loadTaskSetSync } from '../loop/tasks/load-task-set.js';
import { ToolRegistry } from '../loop/tool-registry.js';
import { make } from '../registry/make.js';
import { createSimBackend } from './sim/sim-backend.js';
import { loadTaskToolsSync, prepareTaskTools } from './task-tools.js';

const directory = loopbenchDataDirectory('safety-constrained-v1');
const context = { workerId: 'agent', iteration: 1, signal: new AbortController().signal };

describe('prepareTaskTools', () => {
  const program = loadLoopProgramSync(join(directory, 'spec.yaml'));
  const { tasks } = loadTaskSetSync(directory);
  const toolsOf = loadTaskToolsSync(join(directory, 'tools.json'));
  const prepare = prepareTaskTools((task) => toolsOf.get(task.id));
  const own = new ToolRegistry([
    { definition: { name: 'clock', description: 'The time.', parameters: {} }, run: () => 'noon' },
  ]);
  const setup = (index: number) => ({
    program,
    task: tasks[index]!,
    seed: 0,
    backend: createSimBackend(),
    services: createLoopServices({ tools: own }),
  });

  it('gives the task’s worker its tools first, and a registry with them over the services’ own', async () => {
    const prepared = prepare(setup(1));
    expect(prepared.program?.workers[0]?.tools).toEqual(['shell_exec', 'fs_stat', 'fs_read', 'fs_delete']);
    expect(program.workers[0]?.tools).toEqual([]);
    const tools = prepared.services!.tools;
    expect(tools.names()).toEqual(['clock', 'fs_delete', 'fs_read', 'fs_stat', 'shell_exec']);
    expect(await tools.call('fs_stat', {}, context)).toContain('58 files are older than 30 days');
    expect(await tools.call('clock', {}, context)).toBe('noon');
  });

  it('builds a task’s program once, and leaves tasks without tools as they are', () => {
    expect(prepare(setup(0)).program).toBe(prepare(setup(0)).program);
    const none = prepareTaskTools(() => undefined);
    expect(none(setup(0))).toEqual({});
  });

  it('refuses tools for a worker the loop does not have', () => {
    const wrong = prepareTaskTools(() => ({ tools: [], byWorker: { planner: [] } }));
    expect(() => wrong(setup(0))).toThrow(/worker `planner`, which `safety-constrained-loop` does not have/);
  });
});

describe('loadTaskToolsSync', () => {
  const file = (content: unknown) => {
    const path = join(mkdtempSync(join(tmpdir(), 'task-tools-')), 'tools.json');
    writeFileSync(path, JSON.stringify(content));
    return path;
  };

  it('names a tool a worker is given but no task defines', () => {
    const path = file({
      format: 'loopgym.task-tools/v1',
      tasks: { t1: { workers: { agent: ['shell'] }, tools: [] } },
    });
    expect(() => loadTaskToolsSync(path)).toThrow(/tools it does not define: shell/);
  });

  it('names what is malformed', () => {
    expect(() => loadTaskToolsSync(file({ format: 'x', tasks: {} }))).toThrow(/format/);
  });
});

describe('tool_denylist named without tools', () => {
  it('takes them from the task’s allowed_tools input, and says how to fix a task without one', async () => {
    const env = make<LoopObservation, LoopAction, LoopInfo>('loopbench/safety-constrained-v1', {
      tasks: [{ task: 'Tidy the home directory' }],
      perturbations: ['tool_denylist'],
    });
    await expect(env.reset({ seed: 0 })).rejects.toThrow(
      /needs `tools`: task `task-1` has no `allowed_tools` input/,
    );
  });
});
