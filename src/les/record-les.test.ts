// Recomputes the recorded LES of every record of the LoopNet v0.2 corpus from the record's own fields.
import { describe, expect, it } from 'vitest';
import { shippedRecords } from '../loopnet/__fixtures__/test-corpus.js';
import { checkRecordLes, RECORD_LES_TOLERANCE } from './check-record-les.js';
import { weightedLes } from './les-composite.js';
import { loopNetHeuristicCategories } from './loopnet-heuristic-categories.js';
import { LES_CATEGORIES } from './les-weights.js';

const records = shippedRecords();
const synthetic = records.filter((record) => record.source === 'synthetic');
const checks = synthetic.map((record) => checkRecordLes(record));
const largest = Math.max(...checks.map((check) => check.difference));

describe('LES recomputation of the LoopNet v0.2 corpus', () => {
  it(`every synthetic record's les_observed is the LES 1.0 weighting of its categories (500 records, largest difference ${largest.toFixed(6)}, tolerance 0.0001 from 4-decimal rounding)`, () => {
    expect(synthetic).toHaveLength(500);
    console.info(
      `LES recomputation: largest |recorded − recomputed| over 500 synthetic records = ${largest}`,
    );
    expect(largest).toBeLessThanOrEqual(RECORD_LES_TOLERANCE);
    expect(largest).toBeGreaterThan(0); // rounded values: an exact match everywhere would mean the test reads itself
    for (const check of checks) {
      expect(check.canonical).toBe(true);
      expect(check.matchingWeights).toBe('les-1.0');
      expect(check.problems).toEqual([]);
    }
  });

  it('every les_display is les_normalized × 100 to one decimal (within 0.05)', () => {
    const largestDisplay = Math.max(...checks.map((check) => check.displayDifference ?? 0));
    expect(largestDisplay).toBeLessThanOrEqual(0.05 + 1e-9);
  });

  it("the synthetic records' categories follow from their own trajectories (LoopNet's heuristic inference, ±0.0001)", () => {
    let worst = 0;
    for (const record of synthetic) {
      const derived = loopNetHeuristicCategories(record);
      for (const category of LES_CATEGORIES) {
        worst = Math.max(worst, Math.abs(derived[category] - record.les_observed.categories[category]));
      }
      expect(Math.abs(weightedLes(derived) - record.les_observed.les_normalized)).toBeLessThanOrEqual(
        2 * RECORD_LES_TOLERANCE,
      );
    }
    console.info(`Category re-derivation: largest difference = ${worst}`);
    expect(worst).toBeLessThanOrEqual(0.0001 + 1e-9);
  });

  it('flags the 45 captured (case_study) records: scored with LoopGym 0.1.4 export weights, not LES 1.0', () => {
    const captured = records
      .filter((record) => record.source === 'case_study')
      .map((record) => checkRecordLes(record));
    expect(captured).toHaveLength(45);
    const flagged = captured.filter((check) => !check.canonical);
    // Every captured record whose categories make the two weightings differ is flagged and named.
    for (const check of flagged) {
      expect(check.matchingWeights).toBe('loopgym-0.1.4-export');
      expect(check.problems[0]).toMatch(
        /is not the LES 1.0 weighting.*loopgym-0.1.4-export weights \(effectiveness 0.25/,
      );
    }
    expect(flagged.length).toBe(45);
    console.info(
      `Captured records flagged: ${flagged.length}/45, largest difference from LES 1.0 = ${Math.max(...flagged.map((check) => check.difference))}`,
    );
  });

  it('notes a partial flag that LES 1.0 would not set, without calling the score wrong', () => {
    const partial = checks.filter((check) => check.notes.length > 0);
    expect(partial.length).toBe(synthetic.filter((record) => record.les_observed.partial === true).length);
    expect(partial[0]!.problems).toEqual([]);
  });

  it('flags a record whose LES matches no known weights', () => {
    const record = structuredClone(synthetic[0]!);
    record.les_observed.les_normalized = 0.9;
    const check = checkRecordLes(record);
    expect(check.canonical).toBe(false);
    expect(check.matchingWeights).toBeUndefined();
    expect(check.problems.join(' ')).toMatch(/matches no known weight set/);
    expect(check.problems.join(' ')).toMatch(/les_display 56.5 is not/);
  });
});
