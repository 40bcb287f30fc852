// The text of a simulated written answer from its statements, rendered once per distinct answer.
import type { SimWorkerRequest } from './compose-answer.js';

/** A statement of an answer: a sentence and the ids of the sources it cites. */
export interface SimStatement {
  text: string;
  sources: string[];
}

/**
 * The answer's text in the worker's format (JSON with claims and sources, Markdown with a source list, a code
 * fence, or plain paragraphs), from its introduction and statements. An answer is a pure function of the task's
 * sources, the format, the output name, the introduction and the statements, and simulated workers write the same
 * answers again and again: each distinct answer is rendered once per task and the same string is handed out after
 * (the most recent {@link RENDERED_ANSWERS_CAPACITY} per task), which also lets later readers of the text find it in
 * their own caches at once.
 *
 * @example
 * ```ts
 * renderAnswer(request, 'On: solid-state batteries', [{ text: 'Pilot lines open in 2027.', sources: ['S4'] }]);
 * // '# Brief\n\nOn: solid-state batteries\n\n- Pilot lines open in 2027. [S4]\n\n## Sources\n\n- [S4] …'
 * ```
 */
export function renderAnswer(
  request: SimWorkerRequest,
  intro: string,
  statements: readonly SimStatement[],
): string {
  const material = request.task.material;
  let memo = renderedAnswers.get(material);
  if (memo === undefined) {
    memo = { ids: new Map(), answers: new Map() };
    renderedAnswers.set(material, memo);
  }
  // Statement texts are named by small numbers, so that a key is short; both maps are cleared together.
  if (memo.answers.size >= RENDERED_ANSWERS_CAPACITY || memo.ids.size >= RENDERED_ANSWERS_CAPACITY) {
    memo.ids.clear();
    memo.answers.clear();
  }
  let key = `${request.format}:${textId(memo, request.outputName)}:${textId(memo, intro)}`;
  for (const statement of statements) {
    key += `;${textId(memo, statement.text)}`;
    for (const source of statement.sources) key += `,${textId(memo, source)}`;
  }
  let answer = memo.answers.get(key);
  if (answer === undefined) {
    answer = render(request, intro, statements);
    memo.answers.set(key, answer);
  }
  return answer;
}

/** How many distinct answers (and statement texts) are kept per task. */
export const RENDERED_ANSWERS_CAPACITY = 4096;

interface RenderedAnswers {
  ids: Map<string, number>;
  answers: Map<string, string>;
}

const renderedAnswers = new WeakMap<SimWorkerRequest['task']['material'], RenderedAnswers>();

function textId(memo: RenderedAnswers, text: string): number {
  let id = memo.ids.get(text);
  if (id === undefined) {
    id = memo.ids.size;
    memo.ids.set(text, id);
  }
  return id;
}

function render(request: SimWorkerRequest, intro: string, statements: readonly SimStatement[]): string {
  const { sources } = request.task.material;
  const cited = [...new Set(statements.flatMap((statement) => statement.sources))].sort();
  const line = (statement: SimStatement): string =>
    `${statement.text}${statement.sources.map((id) => ` [${id}]`).join('')}`;
  switch (request.format) {
    case 'json':
      return JSON.stringify(
        {
          summary: intro,
          claims: statements.map((statement) => ({ text: statement.text, sources: statement.sources })),
          sources: cited.map((id) => {
            const source = sources.find((s) => s.id === id);
            return { id, title: source?.title ?? id, url: source?.url ?? null };
          }),
        },
        null,
        2,
      );
    case 'markdown': {
      const list = cited.map((id) => {
        const source = sources.find((s) => s.id === id);
        return `- [${id}] ${source?.title ?? id}${source?.url === undefined ? '' : ` — ${source.url}`}`;
      });
      return [
        `# ${request.outputName}`,
        intro,
        ...statements.map((statement) => `- ${line(statement)}`),
        ...(list.length === 0 ? [] : ['## Sources', ...list]),
      ].join('\n\n');
    }
    case 'code':
      return ['```text', intro, ...statements.map(line), '```'].join('\n');
    case 'text':
    case 'binary':
      return [intro, ...statements.map(line)].join('\n\n');
  }
}
