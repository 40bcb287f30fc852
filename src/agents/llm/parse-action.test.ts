import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { make } from '../../registry/make.js';
import { Box } from '../../spaces/box.js';
import { Discrete } from '../../spaces/discrete.js';
import { Text } from '../../spaces/text.js';
import {
  ActionParseError,
  actionNamesOf,
  defaultParseAction,
  parseXmlTag,
  stripThink,
} from './parse-action.js';

const lakeNames = ['left', 'down', 'right', 'up'];
const discrete = (answer: string, names: readonly string[] | null = lakeNames, space = new Discrete(4)) =>
  defaultParseAction(answer, { actionSpace: space, actionNames: names ?? undefined });

describe('defaultParseAction', () => {
  it('reads a Discrete index or a named action, and rejects anything else with the choices', () => {
    expect(discrete('2')).toBe(2);
    expect(discrete(' Right. ')).toBe(2);
    expect(discrete('I move up')).toBe(3);
    expect(discrete('**down**')).toBe(1);
    expect(() => discrete('4')).toThrow(/an integer from 0 to 3 or one of left, down, right, up/);
    expect(() => discrete('left or right')).toThrow(ActionParseError);
    expect(() => discrete('jump', null)).toThrow(/an integer from 0 to 3\./);
    expect(discrete('3', null, new Discrete(3, 1))).toBe(3);
    expect(() => discrete('0', null, new Discrete(3, 1))).toThrow(/from 1 to 3/);
  });

  it('every index of a Discrete space round-trips, as a number and as its name', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 3 }), (index) => {
        expect(discrete(String(index))).toBe(index);
        expect(discrete(lakeNames[index]!.toUpperCase())).toBe(index);
      }),
    );
  });

  it('takes Text answers as they are, loop answers as { output }, other spaces as JSON checked against the space', () => {
    expect(defaultParseAction(' abc ', { actionSpace: new Text(5), actionNames: undefined })).toBe('abc');
    expect(() =>
      defaultParseAction('abcdefgh', { actionSpace: new Text(5), actionNames: undefined }),
    ).toThrow(ActionParseError);
    const loopSpace = { type: 'LoopAction' } as never;
    expect(defaultParseAction('patch\n', { actionSpace: loopSpace, actionNames: undefined })).toEqual({
      output: 'patch',
    });
    const box = new Box(-1, 1, [2]);
    const action = defaultParseAction('[0.5, -0.25]', { actionSpace: box, actionNames: undefined });
    expect(Array.from(action as Float32Array)).toEqual([0.5, -0.25]);
    expect(() => defaultParseAction('[5, 0]', { actionSpace: box, actionNames: undefined })).toThrow(
      ActionParseError,
    );
    expect(() => defaultParseAction('left', { actionSpace: box, actionNames: undefined })).toThrow(
      /not JSON/,
    );
    const unknown = { type: 'Unknown' } as never;
    expect(defaultParseAction('{"a": 1}', { actionSpace: unknown, actionNames: undefined })).toEqual({
      a: 1,
    });
    expect(defaultParseAction('hello', { actionSpace: unknown, actionNames: undefined })).toBe('hello');
  });
});

describe('the answer parsers', () => {
  it('stripThink removes reasoning, closed or not', () => {
    expect(stripThink('<think>a\nb</think> down')).toBe('down');
    expect(stripThink('up <think>unfinished')).toBe('up');
  });

  it('parseXmlTag takes the last <action>, and says how to answer when there is none', () => {
    expect(parseXmlTag('<action>left</action> no, <action> right </action>')).toBe('right');
    expect(() => parseXmlTag('right')).toThrow(/<action>…<\/action>/);
  });
});

describe('actionNamesOf', () => {
  it('knows the toy-text names and prefers declared ones', () => {
    expect(actionNamesOf(make('FrozenLake-v1'))).toEqual(lakeNames);
    expect(actionNamesOf(make('Taxi-v4'))).toEqual(['south', 'north', 'east', 'west', 'pickup', 'dropoff']);
    expect(actionNamesOf(make('CliffWalking-v1'))).toEqual(['up', 'right', 'down', 'left']);
    expect(actionNamesOf({ metadata: { actionNames: ['a', 'b'] } })).toEqual(['a', 'b']);
    expect(actionNamesOf({})).toBeUndefined();
  });
});
