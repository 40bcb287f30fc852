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
 * (until a task's answers hold {@link RENDERED_ANSWERS_CAPACITY} parts), which also lets later readers of the text
 * find it in their own caches at once.
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
  if (memo === undefined || memo.nodes >= RENDERED_ANSWERS_CAPACITY) {
    memo = { root: newNode(), nodes: 0 };
    renderedAnswers.set(material, memo);
  }
  // A walk down a tree of the answer's parts (statement texts and cited sources in separate branches, so that the
  // path names the parts unambiguously), without building a key.
  let node = step(
    memo,
    step(memo, step(memo, memo.root.texts, request.format).texts, request.outputName).texts,
    intro,
  );
  for (const statement of statements) {
    node = step(memo, node.texts, statement.text);
    for (const source of statement.sources) node = step(memo, node.sources, source);
  }
  node.answer ??= render(request, intro, statements);
  return node.answer;
}

/** How many parts of answers are kept per task (beyond, the task's answers are forgotten all at once). */
export const RENDERED_ANSWERS_CAPACITY = 16_384;

interface AnswerNode {
  texts: Map<string, AnswerNode>;
  sources: Map<string, AnswerNode>;
  answer: string | undefined;
}

interface RenderedAnswers {
  root: AnswerNode;
  nodes: number;
}

const renderedAnswers = new WeakMap<SimWorkerRequest['task']['material'], RenderedAnswers>();

function newNode(): AnswerNode {
  return { texts: new Map(), sources: new Map(), answer: undefined };
}

function step(memo: RenderedAnswers, branches: Map<string, AnswerNode>, part: string): AnswerNode {
  let next = branches.get(part);
  if (next === undefined) {
    next = newNode();
    branches.set(part, next);
    memo.nodes++;
  }
  return next;
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
