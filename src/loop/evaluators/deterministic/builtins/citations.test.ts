import { describe, expect, it } from 'vitest';
import type { TaskSource } from '../../../tasks/loop-task.js';
import { makeTask, runEvaluator } from '../__fixtures__/evaluation-context.js';
import { citationCountMin } from './citation-count-min.js';
import { citationIntegrity } from './citation-integrity.js';
import { linkCheck } from './link-check.js';

const sources: TaskSource[] = [
  { id: 'S1', title: 'Roadmap', url: 'https://example.org/roadmap', text: '' },
  { id: 'S2', title: 'Pilot report', url: 'https://pilot.example.com/report', text: '' },
  { id: 'S3', title: 'Old forecast', url: 'https://old.example.net/2019', text: '', stale: true },
  { id: 'S4', title: 'Survey', text: '' },
];
const task = makeTask({ sources });

describe('evaluators.citation_count_min', () => {
  it('counts distinct citations: an id and the same source by URL count once', async () => {
    const verdict = await runEvaluator(citationCountMin, {
      outputs: ['Pilot lines in 2027 [S1] (https://example.org/roadmap/). Costs fall [S2]; see also [S4].'],
      task,
    });
    expect(verdict).toMatchObject({
      score: 1,
      passed: true,
      details: { citations: 3, cited: ['source:S1', 'source:S2', 'source:S4'] },
    });
  });

  it('defaults to three and scores the share found, suggesting uncited sources', async () => {
    const verdict = await runEvaluator(citationCountMin, { outputs: ['Only one claim [S1].'], task });
    expect(verdict.score).toBeCloseTo(1 / 3);
    expect(verdict.failureCodes).toEqual(['missing_citation']);
    expect(verdict.remediationHints).toEqual([
      'Cite at least 2 more distinct sources (1 of 3). Sources not cited yet: S2, S4.',
    ]);
  });

  it('reports citations of unknown sources and lowers the score', async () => {
    const verdict = await runEvaluator(citationCountMin, {
      outputs: ['A [S1], B [S2], C [S7].'],
      task,
      parameters: { min_citations: 2 },
    });
    expect(verdict.failureCodes).toEqual(['unknown_source']);
    expect(verdict.score).toBeCloseTo(2 / 3);
    expect(verdict.passed).toBe(false);
    expect(verdict.remediationHints[0]).toBe(
      'Remove or correct citations of sources that do not exist: [S7] (known sources: S1, S2, S3, S4).',
    );
  });

  it('counts plain URLs when the task has no sources', async () => {
    const verdict = await runEvaluator(citationCountMin, {
      outputs: ['[a](https://a.example.org) https://b.example.org/x'],
      parameters: { min_citations: 2 },
    });
    expect(verdict.passed).toBe(true);
  });
});

describe('evaluators.citation_integrity', () => {
  it('passes current task sources', async () => {
    const verdict = await runEvaluator(citationIntegrity, {
      outputs: ['[S1] and [report](https://pilot.example.com/report)'],
      task,
    });
    expect(verdict).toMatchObject({ score: 1, passed: true });
  });

  it('fails stale, unknown and malformed citations with one code each', async () => {
    const verdict = await runEvaluator(citationIntegrity, {
      outputs: ['[S1] [S3] [S8] https://random.example.io/x [bad](htp:/x)'],
      task,
    });
    expect(verdict.failureCodes).toEqual(['malformed_link', 'stale_source', 'unknown_source']);
    expect(verdict.score).toBeCloseTo(1 / 5);
    expect(verdict.remediationHints).toEqual([
      "Cite only the task's sources; these are not among them: S8, https://random.example.io/x.",
      'Replace outdated sources with current ones: S3.',
      'Fix malformed links (write full https:// URLs): htp:/x.',
    ]);
  });

  it('accepts stale sources when asked and URLs of allowed domains', async () => {
    const verdict = await runEvaluator(citationIntegrity, {
      outputs: ['[S3] https://doi.org/10.1/x'],
      task,
      parameters: { allow_stale: true, allowed_domains: ['doi.org'] },
    });
    expect(verdict.passed).toBe(true);
  });

  it('fails an answer without citations', async () => {
    const verdict = await runEvaluator(citationIntegrity, { outputs: ['No sources here.'], task });
    expect(verdict).toMatchObject({ score: 0, failureCodes: ['missing_citation'] });
  });
});

describe('evaluators.link_check', () => {
  it('is offline and cacheable', () => {
    expect(linkCheck.cacheable).toBe(true);
  });

  it('passes links to task sources and allowed domains', async () => {
    const verdict = await runEvaluator(linkCheck, {
      outputs: ['[r](https://example.org/roadmap) https://docs.python.org/3/ www.example.org/roadmap'],
      task,
      parameters: { allowed_domains: ['python.org'] },
    });
    expect(verdict).toMatchObject({ score: 1, passed: true, details: { links: 2 } });
  });

  it('fails malformed and unknown links', async () => {
    const verdict = await runEvaluator(linkCheck, {
      outputs: ['[a](https://example.org/roadmap) [b](http://intranet/x) https://elsewhere.example.io/y'],
      task,
    });
    expect(verdict.failureCodes).toEqual(['malformed_link', 'unknown_link']);
    expect(verdict.score).toBeCloseTo(1 / 3);
    expect(verdict.details).toEqual({
      links: 3,
      malformed: ['http://intranet/x'],
      unknown: ['https://elsewhere.example.io/y'],
    });
  });

  it('accepts any well-formed link when there is nothing to check against, and no links at all', async () => {
    expect((await runEvaluator(linkCheck, { outputs: ['https://any.example.org'] })).passed).toBe(true);
    expect(await runEvaluator(linkCheck, { outputs: ['no links'] })).toMatchObject({
      score: 1,
      summary: 'No links to check.',
    });
  });
});
