import { describe, expect, it } from 'vitest';
import { buildMessages } from './build-messages.js';

const input = {
  systemPrompt: 'Play.',
  fewShot: [{ observation: 'state 0', answer: 'down' }],
  history: [
    [
      { role: 'user' as const, content: 'state 4' },
      { role: 'assistant' as const, content: 'right' },
    ],
  ],
  current: [{ role: 'user' as const, content: 'state 5' }],
};

describe('buildMessages', () => {
  it('chat: system, few-shot pairs, history, then the current turn', () => {
    expect(buildMessages({ ...input, format: 'chat' })).toEqual([
      { role: 'system', content: 'Play.' },
      { role: 'user', content: 'state 0' },
      { role: 'assistant', content: 'down' },
      { role: 'user', content: 'state 4' },
      { role: 'assistant', content: 'right' },
      { role: 'user', content: 'state 5' },
    ]);
  });

  it('completion: the same content as one transcript ending with Answer:', () => {
    expect(buildMessages({ ...input, format: 'completion' })).toEqual([
      {
        role: 'user',
        content: 'Play.\n\nstate 0\n\nAnswer: down\n\nstate 4\n\nAnswer: right\n\nstate 5\n\nAnswer:',
      },
    ]);
  });
});
