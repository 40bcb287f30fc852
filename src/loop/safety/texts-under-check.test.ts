import { describe, expect, it } from 'vitest';
import { makeCheck } from './__fixtures__/make-check.js';
import { describePlace, describeTextPosition, stringLeaves, textsUnderCheck } from './texts-under-check.js';

describe('textsUnderCheck', () => {
  const check = makeCheck(
    'secret_scan',
    {},
    {
      text: 'prompt',
      toolCall: { name: 'mail', arguments: { to: ['a@b.io'], body: { text: 'hi', size: 2 }, draft: true } },
    },
  );

  it('gives the text, then every string argument when asked', () => {
    expect(textsUnderCheck(check, true)).toEqual([
      { text: 'prompt', argument: undefined, toolName: undefined },
      { text: 'a@b.io', argument: 'to.0', toolName: 'mail' },
      { text: 'hi', argument: 'body.text', toolName: 'mail' },
    ]);
    expect(textsUnderCheck(check, false)).toHaveLength(1);
  });

  it('collects string leaves with dotted paths', () => {
    expect(stringLeaves([{ a: 'x' }, 'y', 3, null], [])).toEqual([
      { path: '0.a', value: 'x' },
      { path: '1', value: 'y' },
    ]);
  });

  it('describes places', () => {
    expect(describeTextPosition('ab\ncd', 0)).toBe('line 1, column 1');
    expect(describeTextPosition('ab\ncd', 4)).toBe('line 2, column 2');
    expect(describePlace({ text: 'x', argument: 'to.0', toolName: 'mail' }, 0)).toBe(
      'in argument `to.0` of tool call `mail`',
    );
  });
});
