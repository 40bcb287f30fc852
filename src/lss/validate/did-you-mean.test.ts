import { describe, expect, it } from 'vitest';
import { closestMatch, didYouMean } from './did-you-mean.js';

describe('didYouMean', () => {
  it('suggests the closest candidate, with a prefix', () => {
    expect(didYouMean('writr', ['writer', 'editor'], 'workers.')).toBe('Did you mean `workers.writer`?');
    expect(didYouMean('Writer', ['writer'])).toBe('Did you mean `writer`?');
    expect(didYouMean('reseacher', new Set(['researcher', 'writer']))).toBe('Did you mean `researcher`?');
  });

  it('suggests nothing when no candidate is close', () => {
    expect(didYouMean('planner', ['writer', 'editor'])).toBeUndefined();
    expect(didYouMean('writer', [])).toBeUndefined();
  });
});

describe('closestMatch', () => {
  it('is the closest candidate within a third of the length, or undefined', () => {
    expect(closestMatch('determinstic', ['deterministic', 'human'])).toBe('deterministic');
    expect(closestMatch('llm', ['deterministic', 'human'])).toBeUndefined();
  });
});
