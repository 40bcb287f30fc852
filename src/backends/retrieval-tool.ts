// A `search` tool over a task's documents: BM25 over their paragraphs, results that name their source.
import type { TaskSource } from '../loop/tasks/loop-task.js';
import type { LoopTool } from '../loop/tool-registry.js';
import { Bm25Index } from './bm25-index.js';

/** Options of {@link createRetrievalTool}. */
export interface RetrievalToolOptions {
  /** The tool's name (default `search`). */
  name?: string | undefined;
  /** How many passages a search returns at most (default 4). */
  limit?: number | undefined;
}

/**
 * A retrieval tool over documents (a task's `sources`): each paragraph is a passage, ranked by BM25 against the
 * `query` argument. The result lists the best passages, separated by blank lines, each opening with its source
 * (`[S1] Title (published) — url`), so citations can name it and `missing_source` can filter it.
 *
 * @example
 * ```ts
 * const search = createRetrievalTool(task.material.sources);
 * await search.run({ query: 'What changed in the index?' }, context);
 * ```
 */
export function createRetrievalTool(
  sources: readonly TaskSource[],
  options: RetrievalToolOptions = {},
): LoopTool {
  const passages = sources.flatMap((source) =>
    source.text
      .split(/\n\s*\n/)
      .map((text) => text.replace(/\s+/g, ' ').trim())
      .filter((text) => text !== '')
      .map((text, index) => ({ id: `${source.id}#${index + 1}`, source, text })),
  );
  const byId = new Map(passages.map((passage) => [passage.id, passage]));
  // The title is indexed with each passage: a query naming a document finds it.
  const index = new Bm25Index(
    passages.map((passage) => ({ id: passage.id, text: `${passage.source.title} ${passage.text}` })),
  );
  const limit = options.limit ?? 4;
  return {
    definition: {
      name: options.name ?? 'search',
      description: 'Searches the task’s documents (BM25) and returns the best passages with their sources.',
      parameters: {
        type: 'object',
        properties: { query: { type: 'string', description: 'What to look for.' } },
        required: ['query'],
      },
    },
    run: (argumentsObject) => {
      const query = typeof argumentsObject.query === 'string' ? argumentsObject.query : '';
      const hits = index.search(query, limit);
      if (hits.length === 0) return `No passage matches \`${query}\`.`;
      return hits
        .map((hit) => {
          const { source, text } = byId.get(hit.id)!;
          const date = source.published === undefined ? '' : ` (${source.published})`;
          const url = source.url === undefined ? '' : ` — ${source.url}`;
          return `[${source.id}] ${source.title}${date}${url}\n${text}`;
        })
        .join('\n\n');
    },
  };
}
