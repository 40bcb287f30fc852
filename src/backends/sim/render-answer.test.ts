import { describe, expect, it } from 'vitest';
import { loopbenchDataDirectory } from '../../loop/tasks/data-directory.js';
import { loadTaskSetSync } from '../../loop/tasks/load-task-set.js';
import type { SimWorkerRequest } from './compose-answer.js';
import { RENDERED_ANSWERS_CAPACITY, renderAnswer } from './render-answer.js';

const { tasks } = loadTaskSetSync(loopbenchDataDirectory('research-synthesis-v1'));
const task = tasks[0]!;
const [first, second] = task.material.sources;

const request = (format: SimWorkerRequest['format'], outputName = 'Brief'): SimWorkerRequest => ({
  task,
  workerId: 'writer',
  outputName,
  format,
  inputTexts: [],
  feedback: [],
  previousOutput: undefined,
});

describe('renderAnswer', () => {
  it('renders each format from the statements and the task’s sources', () => {
    const statements = [
      { text: 'Alpha is true.', sources: [second!.id] },
      { text: 'Beta holds.', sources: [] },
    ];
    expect(renderAnswer(request('text'), 'On: x', statements)).toBe(
      `On: x\n\nAlpha is true. [${second!.id}]\n\nBeta holds.`,
    );
    expect(renderAnswer(request('code'), 'On: x', statements)).toBe(
      `\`\`\`text\nOn: x\nAlpha is true. [${second!.id}]\nBeta holds.\n\`\`\``,
    );
    const markdown = renderAnswer(request('markdown'), 'On: x', statements);
    expect(markdown.startsWith('# Brief\n\nOn: x\n\n- Alpha is true.')).toBe(true);
    expect(markdown).toContain(`## Sources\n\n- [${second!.id}] ${second!.title}`);
    expect(JSON.parse(renderAnswer(request('json'), 'On: x', statements))).toEqual({
      summary: 'On: x',
      claims: [
        { text: 'Alpha is true.', sources: [second!.id] },
        { text: 'Beta holds.', sources: [] },
      ],
      sources: [{ id: second!.id, title: second!.title, url: second!.url ?? null }],
    });
  });

  it('tells apart answers that differ in any part: format, name, introduction, statements, order, sources', () => {
    const statements = [
      { text: 'Alpha is true.', sources: [first!.id] },
      { text: 'Beta holds.', sources: [] },
    ];
    const base = renderAnswer(request('markdown'), 'On: x', statements);
    const variants = [
      renderAnswer(request('text'), 'On: x', statements),
      renderAnswer(request('markdown', 'Report'), 'On: x', statements),
      renderAnswer(request('markdown'), 'On: y', statements),
      renderAnswer(request('markdown'), 'On: x', [...statements].reverse()),
      renderAnswer(request('markdown'), 'On: x', [statements[0]!]),
      renderAnswer(request('markdown'), 'On: x', [
        { ...statements[0]!, sources: [second!.id] },
        statements[1]!,
      ]),
      renderAnswer(request('markdown'), 'On: x', [{ ...statements[0]!, sources: [] }, statements[1]!]),
      // The same characters split differently between statement and source must not meet.
      renderAnswer(request('markdown'), 'On: x', [{ text: 'Alpha is true.,1', sources: [] }, statements[1]!]),
    ];
    for (const variant of variants) expect(variant).not.toBe(base);
    expect(new Set(variants).size).toBe(variants.length);
  });

  it('hands out the very same string for the same answer, and the right one after forgetting', () => {
    const statements = [{ text: 'Gamma follows.', sources: [first!.id] }];
    const once = renderAnswer(request('markdown'), 'On: z', statements);
    const twice = renderAnswer(request('markdown'), 'On: z', [
      { text: 'Gamma follows.', sources: [first!.id] },
    ]);
    expect(twice).toBe(once);
    for (let index = 0; index < RENDERED_ANSWERS_CAPACITY + 5; index++) {
      renderAnswer(request('text'), 'On: z', [{ text: `Filler ${index}.`, sources: [] }]);
    }
    expect(renderAnswer(request('markdown'), 'On: z', statements)).toBe(once);
  });
});
