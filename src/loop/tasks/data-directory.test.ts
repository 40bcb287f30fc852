import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { InvalidArgumentError } from '../../core/errors.js';
import { loopbenchDataDirectory, packageRootFrom } from './data-directory.js';

const root = packageRootFrom(import.meta.url);

describe('loopbenchDataDirectory', () => {
  it('finds the package root from this folder of src/', () => {
    const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { name: string };
    expect(manifest.name).toBe('loopgym');
  });

  it('finds the same root from the built module in dist/, which sits at the same depth', () => {
    const config = JSON.parse(readFileSync(join(root, 'tsconfig.json'), 'utf8')) as {
      compilerOptions: { rootDir: string; outDir: string };
    };
    expect([config.compilerOptions.rootDir, config.compilerOptions.outDir]).toEqual(['src', 'dist']);
    const built = pathToFileURL(join(root, 'dist', 'loop', 'tasks', 'data-directory.js'));
    expect(packageRootFrom(built)).toBe(root);
  });

  it('resolves data/loopbench/<env> of the shipped environments', () => {
    for (const name of ['code-repair-v1', 'research-synthesis-v1', 'multi-agent-debate-v1']) {
      const directory = loopbenchDataDirectory(name);
      expect(directory).toBe(join(root, 'data', 'loopbench', name));
      expect(existsSync(join(directory, 'spec.yaml'))).toBe(true);
      expect(existsSync(join(directory, 'tasks.json'))).toBe(true);
    }
  });

  it('rejects names that are not plain environment names', () => {
    for (const name of ['', '../secrets', 'loopbench/code-repair-v1', 'Code-Repair']) {
      expect(() => loopbenchDataDirectory(name)).toThrow(InvalidArgumentError);
    }
  });
});
