// The retrieval tool: the passage that answers comes first, each result names its source, missing_source can drop it.
import { describe, expect, it } from 'vitest';
import { filterToolResults } from '../loop/perturbations/filter-tool-results.js';
import { loopbenchDataDirectory } from '../loop/tasks/data-directory.js';
import { loadTaskSetSync } from '../loop/tasks/load-task-set.js';
import { ToolRegistry } from '../loop/tool-registry.js';
import { createRetrievalTool } from './retrieval-tool.js';

const { tasks } = loadTaskSetSync(loopbenchDataDirectory('rag-retrieval-v1'));
const task = (id: string) => tasks.find((candidate) => candidate.id === id)!;
const context = { workerId: 'retriever', iteration: 1, signal: new AbortController().signal };

describe('createRetrievalTool', () => {
  it('returns the best paragraphs, each opening with its source, separated by blank lines', async () => {
    const search = createRetrievalTool(task('LB-RAG-1').material.sources);
    expect(search.definition.name).toBe('search');
    const result = await search.run({ query: 'Which parameter was renamed to limit?' }, context);
    const passages = result.split('\n\n');
    expect(passages.length).toBeLessThanOrEqual(4);
    expect(passages[0]).toBe(
      '[S1] Changelog: retrieval index v0.2 (2026-05-04) — https://sources.loopgym.dev/rag/docs-v0.2/changelog\n' +
        'Breaking change: the search parameter top_k is renamed to limit, and its default drops from 10 to 4.',
    );
    for (const passage of passages) expect(passage).toMatch(/^\[S\d\] /);
  });

  it('says when nothing matches, and honours its limit and name', async () => {
    const search = createRetrievalTool(task('rag-003').material.sources, { name: 'lookup', limit: 1 });
    expect(search.definition.name).toBe('lookup');
    expect(await search.run({ query: 'zebra' }, context)).toBe('No passage matches `zebra`.');
    expect((await search.run({ query: 'sim backend' }, context)).split('\n\n')).toHaveLength(1);
  });

  it('loses the key source’s passages under the filter missing_source uses', async () => {
    const registry = filterToolResults(
      new ToolRegistry([createRetrievalTool(task('LB-RAG-1').material.sources)]),
      (passage) => !passage.startsWith('[S1]'),
    );
    const result = await registry.call(
      'search',
      { query: 'What changed in the v0.2 retrieval index?' },
      context,
    );
    expect(result).not.toContain('[S1]');
    expect(result).toContain('[S3]');
  });
});
