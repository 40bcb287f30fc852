import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openRunStore } from '../store/run-store.js';
import { trainFromConfig } from '../train/train-from-config.js';
import { loadPlugin, parsePluginReference, PluginLoadError } from './load-plugin.js';
import { loadRunConfig } from './load-run-config.js';

function pluginDirectory(): string {
  const directory = mkdtempSync(join(tmpdir(), 'loopgym-plugin-'));
  writeFileSync(
    join(directory, 'plugins.mjs'),
    [
      'export function createAgent(context) {',
      '  return { name: "always-" + context.options.action, act: () => context.options.action };',
      '}',
      'export const choose = (observation) => (observation % 2 === 0 ? 1 : 0);',
      '/** Three steps of reward 1, then the end; the observation counts the steps. */',
      'export function createCounter(options) {',
      '  let count = 0;',
      '  const space = { sample: () => 0, contains: () => true, toJSON: () => ({}) };',
      '  return {',
      '    observationSpace: space, actionSpace: space, metadata: { renderModes: [] },',
      '    reset: async () => { count = 0; return { observation: 0, info: {} }; },',
      '    step: async (action) => { count += 1; return { observation: count, reward: action, terminated: count >= options.length, truncated: false, info: {} }; },',
      '    close: async () => undefined,',
      '  };',
      '}',
    ].join('\n'),
  );
  writeFileSync(join(directory, 'agent.ts'), 'export const createAgent = (): unknown => null;\n');
  return directory;
}

describe('parsePluginReference', () => {
  it('splits at the last colon and tells files from packages', () => {
    expect(parsePluginReference('./agents/a.js:make')).toEqual({
      module: './agents/a.js',
      exportName: 'make',
      isFile: true,
    });
    expect(parsePluginReference('node:path:join')).toEqual({
      module: 'node:path',
      exportName: 'join',
      isFile: false,
    });
    expect(() => parsePluginReference('./a.js')).toThrow(/module:Export/);
  });
});

describe('loadPlugin', () => {
  it('loads module:Export and ./file.js:Export (relative to the base directory)', async () => {
    const directory = pluginDirectory();
    const join_ = await loadPlugin('node:path:join', { baseDirectory: directory });
    expect((join_ as (...parts: string[]) => string)('a', 'b')).toBe(join('a', 'b'));
    const choose = (await loadPlugin('./plugins.mjs:choose', { baseDirectory: directory })) as (
      o: number,
    ) => number;
    expect(choose(2)).toBe(1);
  });

  it('says clearly what is missing: the export (with a suggestion), the file, the package', async () => {
    const directory = pluginDirectory();
    const options = { baseDirectory: directory, where: 'run.yaml:4:11 agent.plugin' };
    await expect(loadPlugin('./plugins.mjs:createAgnt', options)).rejects.toThrow(
      /plugins\.mjs has no export `createAgnt` \(run\.yaml:4:11 agent\.plugin\)\. Did you mean `createAgent`\? Its exports: /,
    );
    await expect(loadPlugin('./nowhere.js:x', options)).rejects.toThrow(/not found .*relative to the config/);
    await expect(loadPlugin('no-such-package-xyz:x', options)).rejects.toThrow(
      /npm install no-such-package-xyz/,
    );
    await expect(loadPlugin('./plugins.mjs:x', options)).rejects.toBeInstanceOf(PluginLoadError);
  });

  it('refuses a .ts file on a Node that cannot strip types, saying what to do', async () => {
    const directory = pluginDirectory();
    await expect(
      loadPlugin('./agent.ts:createAgent', { baseDirectory: directory, canImportTypeScript: false }),
    ).rejects.toThrow(/TypeScript.*Compile it to JavaScript.*--experimental-strip-types/);
  });
});

describe('plug-ins in a run config', () => {
  it('trains a custom agent and a scripted policy in a plug-in environment', async () => {
    const directory = pluginDirectory();
    const write = (name: string, agent: string): string => {
      const file = join(directory, name);
      writeFileSync(
        file,
        `version: 1\nagent:\n${agent}\nenvironment:\n  plugin: ./plugins.mjs:createCounter\n  options: {length: 3}\n` +
          'training: {episodes: 4}\nlogging: {store: false}\ncheckpoints: {directory: ./checkpoints-' +
          name +
          '}\n',
      );
      return file;
    };
    const custom = await loadRunConfig(
      write(
        'custom.yaml',
        '  algorithm: custom\n  plugin: ./plugins.mjs:createAgent\n  options: {action: 2}',
      ),
    );
    const result = await trainFromConfig(custom);
    expect(result.meanReturnLast100).toBe(6);
    const store = openRunStore(':memory:');
    const scripted = await loadRunConfig(
      write('scripted.yaml', '  algorithm: scripted\n  policy: ./plugins.mjs:choose'),
    );
    const played = await trainFromConfig(scripted, { store });
    // Observations 0, 1, 2 give actions 1, 0, 1.
    expect(store.episodes(played.runId!).map((e) => e.return)).toEqual([2, 2, 2, 2]);
    store.close();
    const missing = await loadRunConfig(
      write('missing.yaml', '  algorithm: custom\n  plugin: ./plugins.mjs:nothing'),
    );
    await expect(trainFromConfig(missing)).rejects.toThrow(/missing\.yaml:4:11 agent\.plugin/);
  });
});
