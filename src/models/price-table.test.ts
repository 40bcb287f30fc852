import { describe, expect, it } from 'vitest';
import { InvalidArgumentError } from '../core/errors.js';
import { costOf, DEFAULT_PRICE_TABLE, mergePriceTables, priceOf } from './price-table.js';

describe('price table', () => {
  it('prices exact ids, families and sim stand-ins', () => {
    expect(priceOf('openai:gpt-4.1')).toEqual({ inputPerMillion: 2, outputPerMillion: 8 });
    expect(priceOf('anthropic:claude-sonnet-4-20250514')).toEqual({
      inputPerMillion: 3,
      outputPerMillion: 15,
    });
    expect(priceOf('sim:gpt-4.1-mini')).toEqual(DEFAULT_PRICE_TABLE['openai:gpt-4.1-mini']);
    expect(priceOf('sim:claude-sonnet-4-20250514')?.outputPerMillion).toBe(15);
    expect(priceOf('openai:unknown-model')).toBeUndefined();
  });

  it('prefers the longest family prefix', () => {
    const table = {
      'x:model*': { inputPerMillion: 1, outputPerMillion: 1 },
      'x:model-large*': { inputPerMillion: 9, outputPerMillion: 9 },
    };
    expect(priceOf('x:model-large-2', table)?.inputPerMillion).toBe(9);
    expect(priceOf('x:model-small', table)?.inputPerMillion).toBe(1);
  });

  it('answers the same when asked again, and sees changes of a table that is not frozen', () => {
    const frozen = mergePriceTables(DEFAULT_PRICE_TABLE, {
      'x:model': { inputPerMillion: 1, outputPerMillion: 2 },
    });
    for (let round = 0; round < 2; round++) {
      expect(priceOf('x:model', frozen)).toEqual({ inputPerMillion: 1, outputPerMillion: 2 });
      expect(priceOf('x:other', frozen)).toBeUndefined();
      expect(priceOf('sim:gpt-4.1', frozen)).toBe(DEFAULT_PRICE_TABLE['openai:gpt-4.1']);
    }
    const open: Record<string, { inputPerMillion: number; outputPerMillion: number }> = {};
    expect(priceOf('x:model', open)).toBeUndefined();
    open['x:model'] = { inputPerMillion: 5, outputPerMillion: 5 };
    expect(priceOf('x:model', open)?.inputPerMillion).toBe(5);
  });

  it('computes the cost of a call', () => {
    expect(costOf('openai:gpt-4.1-mini', { inputTokens: 1000, outputTokens: 500 })).toBeCloseTo(0.0012, 12);
    expect(costOf('nobody:knows', { inputTokens: 1000, outputTokens: 500 })).toBe(0);
  });

  it('merges overrides and refuses malformed ones with the path', () => {
    const table = mergePriceTables(DEFAULT_PRICE_TABLE, {
      'openai:gpt-4.1-mini': { inputPerMillion: 0.3, outputPerMillion: 1.2 },
    });
    expect(priceOf('openai:gpt-4.1-mini', table)?.inputPerMillion).toBe(0.3);
    expect(priceOf('openai:gpt-4.1', table)?.inputPerMillion).toBe(2);
    expect(() =>
      mergePriceTables(DEFAULT_PRICE_TABLE, { 'openai:x': { inputPerMillion: -1, outputPerMillion: 1 } }),
    ).toThrow(InvalidArgumentError);
    expect(() =>
      mergePriceTables(DEFAULT_PRICE_TABLE, { 'openai:x': { inputPerMillion: -1, outputPerMillion: 1 } }),
    ).toThrow(/openai:x\.inputPerMillion/);
  });
});
