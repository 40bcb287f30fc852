import { describe, expect, it } from 'vitest';
import { makeConstraint } from './__fixtures__/make-check.js';
import {
  SafetyConfigError,
  checkKnownNames,
  configBoolean,
  configNumber,
  configString,
  configStringList,
} from './safety-config.js';

const constraint = makeConstraint('secret_scan', {
  threshold: 4.5,
  count: 3,
  flag: true,
  name: 'run:{run_id}:',
  list: ['a', 'b'],
  single: 'a',
  nothing: null,
  bad: { nested: 1 },
});

describe('safety config readers', () => {
  it('read values and fall back when a key is absent or null', () => {
    expect(configNumber(constraint, 'threshold', 1)).toBe(4.5);
    expect(configNumber(constraint, 'missing', 1)).toBe(1);
    expect(configNumber(constraint, 'nothing', undefined)).toBeUndefined();
    expect(configBoolean(constraint, 'flag', false)).toBe(true);
    expect(configBoolean(constraint, 'missing', false)).toBe(false);
    expect(configString(constraint, 'name')).toBe('run:{run_id}:');
    expect(configStringList(constraint, 'list')).toEqual(['a', 'b']);
    expect(configStringList(constraint, 'single')).toEqual(['a']);
    expect(configStringList(constraint, 'missing')).toBeUndefined();
  });

  it('refuse values of the wrong type or out of bounds, naming the constraint and key', () => {
    expect(() => configNumber(constraint, 'name', 0)).toThrow(
      'Safety constraint `secret-scan-guard` (secret_scan): config `name` must be a number, got "run:{run_id}:".',
    );
    expect(() => configNumber(constraint, 'threshold', 0, { maximum: 4 })).toThrow(
      /must be a number, got 4\.5/,
    );
    expect(() => configNumber(constraint, 'threshold', 0, { integer: true, minimum: 0 })).toThrow(
      /must be a number \(a whole number\) of at least 0, got 4\.5/,
    );
    expect(() => configBoolean(constraint, 'count', false)).toThrow(/must be true or false, got 3/);
    expect(() => configString(constraint, 'list')).toThrow(/must be a string/);
    expect(() => configStringList(constraint, 'bad')).toThrow(/must be a list of strings/);
  });

  it('carry the constraint id and key on the error', () => {
    try {
      configBoolean(constraint, 'count', false);
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(SafetyConfigError);
      expect(error).toMatchObject({ constraintId: 'secret-scan-guard', key: 'count', code: 'safety-config' });
    }
  });

  it('refuse unknown names in a list', () => {
    expect(() => checkKnownNames(constraint, 'list', ['a', 'c', 'd'], ['a', 'b'])).toThrow(
      'config `list` names `c`, `d`, which are not known. Use some of: a, b.',
    );
    expect(() => checkKnownNames(constraint, 'list', ['a'], ['a', 'b'])).not.toThrow();
  });
});
