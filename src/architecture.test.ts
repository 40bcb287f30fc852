// Keeps docs/architecture.md true: production code imports only from its own layer or the layers below.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve, dirname } from 'node:path';
import { describe, expect, it } from 'vitest';

const SRC = new URL('.', import.meta.url).pathname;

/** The layer of a source file, by its folder (the table in docs/architecture.md). */
function layerOf(file: string): number | undefined {
  const path = relative(SRC, file).split('\\').join('/');
  if (path.startsWith('loopnet/export/')) return 4;
  const top = path.split('/')[0]!;
  const layers: Record<string, number> = {
    core: 0,
    spaces: 1,
    wrappers: 1,
    registry: 1,
    vector: 1,
    envs: 1,
    lss: 2,
    models: 2,
    les: 2,
    loopnet: 2,
    loop: 3,
    backends: 3,
    store: 4,
    agents: 4,
    eval: 4,
    compare: 4,
    config: 4,
    train: 4,
    tracing: 4,
    loopbench: 4,
    perturbations: 3,
    viewer: 5,
    cli: 5,
    perf: 5,
  };
  return layers[top];
}

function sourceFiles(directory: string): string[] {
  return readdirSync(directory, { withFileTypes: true }).flatMap((entry) => {
    const path = join(directory, entry.name);
    if (entry.isDirectory()) return entry.name === '__fixtures__' ? [] : sourceFiles(path);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts') ? [path] : [];
  });
}

describe('architecture', () => {
  it('has no import from a higher layer in production code', () => {
    const violations: string[] = [];
    for (const file of sourceFiles(SRC)) {
      const own = layerOf(file);
      if (own === undefined) continue;
      const text = readFileSync(file, 'utf8');
      for (const match of text.matchAll(/^(?:import|export)[^'"]*from '(\.{1,2}\/[^']+)'/gm)) {
        const target = resolve(dirname(file), match[1]!);
        const layer = layerOf(target);
        if (layer !== undefined && layer > own) {
          violations.push(`${relative(SRC, file)} (L${own}) imports ${relative(SRC, target)} (L${layer})`);
        }
      }
    }
    expect(violations).toEqual([]);
  });
});
