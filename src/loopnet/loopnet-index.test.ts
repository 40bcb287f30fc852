import { describe, expect, it } from 'vitest';
import { InvalidArgumentError } from '../core/errors.js';
import { DEFAULT_LOOPNET_CORPUS } from './default-corpus.js';
import { LoopNetIndex } from './loopnet-index.js';
import { loadLoopNetSplits } from './loopnet-splits.js';
import { checkRecordSelection, recordMatcher } from './record-selection.js';
import { shippedLines, shippedRecords, writeTemporaryCorpus } from './__fixtures__/test-corpus.js';

const records = shippedRecords();
const corpus = DEFAULT_LOOPNET_CORPUS.records;

describe('record selection', () => {
  it('selects by id, loop name, pattern, split and outcome; all criteria must hold, any value of one', () => {
    const index = (selection: Parameters<typeof recordMatcher>[0]) =>
      LoopNetIndex.build(corpus, { selection, splits: loadLoopNetSplits(DEFAULT_LOOPNET_CORPUS.splits) });
    const expected = (keep: (record: (typeof records)[number]) => boolean) =>
      records.filter(keep).map((record) => record.record_id);
    const ids = (built: LoopNetIndex) => Array.from({ length: built.size }, (_, i) => built.recordId(i));

    expect(ids(index({ split: 'test' }))).toEqual(expected((r) => r.split === 'test'));
    expect(ids(index({ outcome: ['failure', 'partial'] }))).toEqual(expected((r) => r.outcome !== 'success'));
    expect(ids(index({ pattern: 'debate-loop', split: 'train' }))).toEqual(
      expected((r) => r.patterns.includes('debate-loop') && r.split === 'train'),
    );
    expect(ids(index({ loopName: 'code-repair-loop' }))).toEqual(
      expected((r) => r.loop_name === 'code-repair-loop'),
    );
    const two = [records[7]!.record_id, records[3]!.record_id];
    expect(ids(index({ recordId: two }))).toEqual([records[3]!.record_id, records[7]!.record_id]);
    expect(index({ split: 'test' }).size).toBe(50);
    expect(index({ loopName: 'code-repair-loop' }).size).toBeGreaterThan(0);
  });

  it('rejects unknown values with the closest allowed one instead of selecting nothing', () => {
    expect(() => checkRecordSelection({ outcome: 'sucess' as never })).toThrow(/did you mean `success`/);
    expect(() => checkRecordSelection({ split: 'validation' as never })).toThrow(InvalidArgumentError);
    expect(() => checkRecordSelection({ pattern: 'reflection' as never })).toThrow(/reflection-loop/);
    expect(() => checkRecordSelection({ recordId: [] })).toThrow(/non-empty/);
  });

  it('uses the splits file when given: a record it does not list is in no split', () => {
    const record = records[0]!;
    const matches = recordMatcher({ split: 'train' }, new Map([['other', 'train']]));
    expect(matches(record)).toBe(false);
    expect(recordMatcher({ split: 'train' })(record)).toBe(record.split === 'train');
  });
});

describe('LoopNetIndex', () => {
  it('reads any selected record back by position and finds records by id', () => {
    const index = LoopNetIndex.build(corpus);
    expect(index.size).toBe(545);
    expect(index.problemCount).toBe(0);
    expect(index.bytes).toBe(1_243_262);
    expect(index.memoryBytes).toBe(545 * 55);
    for (const position of [0, 1, 200, 544]) {
      expect(index.read(position)).toEqual(records[position]);
      expect(index.indexOf(records[position]!.record_id)).toBe(position);
      expect(index.lineOf(position)).toBe(position + 1);
    }
    expect(index.indexOf('ln-00000000-0000-0000-0000-000000000000')).toBe(-1);
    expect(index.indexOf('short')).toBe(-1);
    expect(() => index.read(545)).toThrow(/outside 0..544/);
  });

  it('keeps the bad lines it skipped', () => {
    const lines = shippedLines();
    const file = writeTemporaryCorpus([lines[0], 'nope', lines[1]].join('\n'));
    const index = LoopNetIndex.build(file, { onProblem: () => undefined });
    expect(index.size).toBe(2);
    expect(index.problemCount).toBe(1);
    expect(index.problems[0]!.line).toBe(2);
    expect(index.read(1).record_id).toBe(records[1]!.record_id);
  });
});
