// What a simulated worker writes: built from the task's own content, as good as its quality allows.
import type { Rng } from '../../core/random/rng.js';
import {
  containsPhrase,
  createPhraseMatcher,
} from '../../loop/evaluators/deterministic/support/normalize-text.js';
import type { ReferenceFact, TaskCandidate, TaskSource, LoopTask } from '../../loop/tasks/loop-task.js';
import { renderAnswer } from './render-answer.js';

/** What the worker is asked, as the engine describes it to simulated models. */
export interface SimWorkerRequest {
  task: LoopTask;
  workerId: string;
  outputName: string;
  format: 'text' | 'json' | 'markdown' | 'code' | 'binary';
  /** String values of the worker's inputs (task inputs, other outputs, memory). */
  inputTexts: readonly string[];
  /** The feedback routed to the worker, as text. */
  feedback: readonly string[];
  /** The worker's previous output, if any. */
  previousOutput: string | undefined;
  /** What the worker's tool calls returned in this call, if it made any. */
  toolResults?: readonly string[] | undefined;
}

/**
 * A sentence of the sources that states a fact (every keyword group matched), preferring its supporting sources;
 * `undefined` when no sentence does.
 *
 * @example
 * ```ts
 * sentenceFor(fact, task.material.sources); // { sentence: 'Pilot lines …', sourceId: 'S4' }
 * ```
 */
export function sentenceFor(
  fact: ReferenceFact,
  sources: readonly TaskSource[],
): { sentence: string; sourceId: string } | undefined {
  // Task material is read-only: the answer for a fact and a list of sources never changes, so it is kept.
  let found = sentencesFound.get(sources);
  if (found === undefined) {
    found = new WeakMap();
    sentencesFound.set(sources, found);
  }
  let sentence = found.get(fact);
  if (sentence === undefined) {
    sentence = searchSentence(fact, sources) ?? null;
    found.set(fact, sentence);
  }
  return sentence ?? undefined;
}

const sentencesFound = new WeakMap<
  readonly TaskSource[],
  WeakMap<ReferenceFact, Readonly<{ sentence: string; sourceId: string }> | null>
>();

function searchSentence(
  fact: ReferenceFact,
  sources: readonly TaskSource[],
): Readonly<{ sentence: string; sourceId: string }> | undefined {
  const ordered = [
    ...sources.filter((source) => fact.sourceIds.includes(source.id) && source.stale !== true),
    ...sources.filter((source) => !fact.sourceIds.includes(source.id) && source.stale !== true),
  ];
  for (const source of ordered) {
    for (const sentence of sentencesOf(source.text)) {
      if (factStated(fact, sentence)) return Object.freeze({ sentence, sourceId: source.id });
    }
  }
  return undefined;
}

/**
 * Whether a text states a fact: each keyword group has a phrase in it (case-insensitive).
 *
 * @example
 * ```ts
 * factStated({ keywords: [['pilot'], ['2027', '2028']], … }, 'Pilot lines in 2027'); // true
 * ```
 */
export function factStated(fact: ReferenceFact, text: string): boolean {
  return fact.keywords.every((group) => group.some((phrase) => containsPhrase(text, phrase)));
}

/**
 * Which of `facts` a text states ({@link factStated} for each), folding the text once for all of them.
 *
 * @example
 * ```ts
 * factsStated(task.material.referenceFacts, answer); // [true, false, true]
 * ```
 */
export function factsStated(facts: readonly ReferenceFact[], text: string): boolean[] {
  const contains = createPhraseMatcher(text);
  return facts.map((fact) => fact.keywords.every((group) => group.some(contains)));
}

/**
 * The sentences of a text (split after `.`, `!` or `?` followed by a space, and at blank lines).
 *
 * @example
 * ```ts
 * splitSentences('One. Two!\n\nThree'); // ['One.', 'Two!', 'Three']
 * ```
 */
export function splitSentences(text: string): string[] {
  return [...sentencesOf(text)];
}

/** Sentences of texts split before (sources, inputs): the same texts come back at every call. */
const splitTexts = new Map<string, readonly string[]>();
const SPLIT_TEXTS_CAPACITY = 1024;

function sentencesOf(text: string): readonly string[] {
  let sentences = splitTexts.get(text);
  if (sentences === undefined) {
    sentences = Object.freeze(split(text));
    if (splitTexts.size >= SPLIT_TEXTS_CAPACITY) splitTexts.clear();
    splitTexts.set(text, sentences);
  }
  return sentences;
}

function split(text: string): string[] {
  return text
    .split(/\n\s*\n/)
    .flatMap((paragraph) =>
      paragraph
        .replace(/\s+/g, ' ')
        .trim()
        .split(/(?<=[.!?])\s+(?=[A-Z0-9"'(])/),
    )
    .filter((sentence) => sentence.length > 0);
}

/**
 * A code answer: one of the task's candidates for this worker, chosen by quality (correct when the draw is under it,
 * else partial, wrong or broken, falling back to the nearest kind the task has). A worker whose previous answer was
 * correct usually keeps it.
 *
 * @example
 * ```ts
 * chooseCandidate(request, 0.8, rng)?.output;
 * ```
 */
export function chooseCandidate(
  request: SimWorkerRequest,
  quality: number,
  rng: Rng,
): TaskCandidate | undefined {
  const candidates = request.task.material.candidates.filter(
    (candidate) => candidate.workerId === undefined || candidate.workerId === request.workerId,
  );
  if (candidates.length === 0) return undefined;
  const previous = candidates.find((candidate) => candidate.output === request.previousOutput);
  const keep = rng.random();
  if (previous?.quality === 'correct' && keep < 0.9) return previous;
  const draw = rng.random();
  const order: TaskCandidate['quality'][] =
    draw < quality
      ? ['correct', 'partial', 'wrong', 'broken']
      : draw < quality + (1 - quality) * 0.45
        ? ['partial', 'wrong', 'correct', 'broken']
        : draw < quality + (1 - quality) * 0.85
          ? ['wrong', 'partial', 'broken', 'correct']
          : ['broken', 'wrong', 'partial', 'correct'];
  for (const kind of order) {
    const ofKind = candidates.filter((candidate) => candidate.quality === kind);
    // Prefer a different answer from last time when the last one was not correct: feedback said it failed.
    const fresh = ofKind.filter((candidate) => candidate.output !== request.previousOutput);
    const pool = fresh.length > 0 ? fresh : ofKind;
    if (pool.length > 0) return pool[rng.integers(pool.length)]!;
  }
  return undefined;
}

/**
 * A written answer built from the task's material: each reference fact is stated (with a sentence of its sources)
 * with probability `quality` (facts the feedback asks for, more likely), cited with a slightly higher probability;
 * a weak answer may repeat a stale source's outdated claim (most answers do when a stale source ranks first). Without reference facts, the answer is extractive from
 * the worker's inputs.
 *
 * @example
 * ```ts
 * composeText(request, 0.7, rng); // '# Brief\n\nSolid-state batteries … [S1]\n\n## Sources\n- [S1] …'
 * ```
 */
export function composeText(request: SimWorkerRequest, quality: number, rng: Rng): string {
  const { material } = request.task;
  const facts = factsById(material.referenceFacts);
  const asked = askedFor(facts, request.feedback);
  const statements: { text: string; sources: string[] }[] = [];
  // A worker writes the numbers it was handed: by its tool calls, or by the workers whose outputs it reads.
  let handed: string | undefined;
  const handedOnce = (): string => (handed ??= handedText(request));
  for (const [index, fact] of facts.entries()) {
    const wanted = asked[index] === true;
    const chance = wanted ? Math.max(quality, 0.92) : quality;
    const include = rng.random() < chance;
    const cite = rng.random() < Math.min(1, quality + 0.2);
    if (!include) continue;
    const found = sentenceFor(fact, material.sources);
    const sourceId = found?.sourceId ?? fact.sourceIds[0];
    statements.push({
      text: retrievedVersion(found?.sentence, handedOnce) ?? found?.sentence ?? fact.statement,
      sources: cite && sourceId !== undefined ? [sourceId] : [],
    });
  }
  const stale = material.sources.find((source) => source.stale === true);
  // A stale source ranked first (before every current one) is read first and believed more often.
  const staleFirst = material.sources[0]?.stale === true;
  if (stale !== undefined && rng.random() > quality + (staleFirst ? -0.4 : 0.3)) {
    const sentences = sentencesOf(stale.text);
    const sentence = sentences.find((s) => /\d/.test(s)) ?? sentences[0];
    if (sentence !== undefined)
      statements.splice(rng.integers(statements.length + 1), 0, { text: sentence, sources: [stale.id] });
  }
  if (material.referenceFacts.length === 0) {
    for (const sentence of extractive(request.inputTexts, quality, rng))
      statements.push({ text: sentence, sources: [] });
  }
  const intro = introduction(request);
  return renderAnswer(request, intro, statements);
}

/**
 * Which facts the feedback asks for (names the fact's statement or id), found once per list of facts and feedback
 * text: a pure function of the two.
 */
function askedFor(facts: readonly ReferenceFact[], feedback: readonly string[]): readonly boolean[] {
  const asked = feedback.join('\n');
  let known = askedFacts.get(facts);
  if (known === undefined) {
    known = new Map();
    askedFacts.set(facts, known);
  }
  let flags = known.get(asked);
  if (flags === undefined) {
    flags = Object.freeze(facts.map((fact) => asked.includes(fact.statement) || asked.includes(fact.id)));
    if (known.size >= ASKED_CAPACITY) known.delete(known.keys().next().value!);
    known.set(asked, flags);
  }
  return flags;
}

const askedFacts = new WeakMap<readonly ReferenceFact[], Map<string, readonly boolean[]>>();
const ASKED_CAPACITY = 1024;

/** Reference facts in id order, sorted once per list. */
const sortedFacts = new WeakMap<readonly ReferenceFact[], readonly ReferenceFact[]>();

function factsById(facts: readonly ReferenceFact[]): readonly ReferenceFact[] {
  let sorted = sortedFacts.get(facts);
  if (sorted === undefined) {
    sorted = Object.freeze([...facts].sort((a, b) => (a.id < b.id ? -1 : 1)));
    sortedFacts.set(facts, sorted);
  }
  return sorted;
}

function introduction(request: SimWorkerRequest): string {
  const first = request.inputTexts.find((text) => text.trim() !== '' && text.length < 300);
  if (first === undefined) return `${request.outputName}.`;
  // The same introduction string for the same input (later readers find it at once).
  let intro = introductions.get(first);
  if (intro === undefined) {
    intro = `On: ${first.trim()}`;
    if (introductions.size >= INTRODUCTIONS_CAPACITY) introductions.clear();
    introductions.set(first, intro);
  }
  return intro;
}

const introductions = new Map<string, string>();
const INTRODUCTIONS_CAPACITY = 1024;

/** Sentences of the inputs: a strong worker picks the leading ones concisely; a weak one rambles or misses. */
function extractive(inputTexts: readonly string[], quality: number, rng: Rng): string[] {
  const sentences = inputTexts.flatMap((text) => sentencesOf(text)).slice(0, 40);
  if (sentences.length === 0) return [];
  const keep = Math.max(1, Math.round(sentences.length * (quality > 0.6 ? 0.4 : 0.9)));
  return sentences.filter((_, index) => index < keep || rng.random() < (1 - quality) * 0.3);
}

/**
 * The version of a source sentence the worker was handed (by its tool results or its inputs: `handed`, read only
 * when the sentence has numbers), when that gives it with other numbers and not as it is: a worker writes the numbers
 * it was handed. `undefined` when it gives the sentence as it is, or not at all.
 */
function retrievedVersion(sentence: string | undefined, handed: () => string): string | undefined {
  if (sentence === undefined) return undefined;
  let known = numberPatterns.get(sentence);
  if (known === undefined) {
    const parts = sentence.split(/\d+(?:\.\d+)?/);
    if (parts.length === 1) {
      // No number in the sentence: nothing to change.
      if (numberPatterns.size >= ASKED_CAPACITY) numberPatterns.clear();
      numberPatterns.set(sentence, null);
      return undefined;
    }
    known = {
      pattern: new RegExp(
        parts.map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('\\d+(?:\\.\\d+)?'),
      ),
      anchor: parts.reduce((longest, part) => (part.length > longest.length ? part : longest), ''),
    };
    if (numberPatterns.size >= ASKED_CAPACITY) numberPatterns.clear();
    numberPatterns.set(sentence, known);
  }
  if (known === null) return undefined;
  const retrieved = handed();
  // Cheap tests first: the words between the numbers must be there, and the sentence must not be there as it is.
  if (retrieved === '' || !retrieved.includes(known.anchor) || retrieved.includes(sentence)) return undefined;
  return known.pattern.exec(retrieved)?.[0];
}

/** A sentence's pattern with any numbers in place of its own, and its longest stretch without numbers (`null`: it has no number). */
const numberPatterns = new Map<string, { pattern: RegExp; anchor: string } | null>();

/** What the worker was handed: its tool results, then its inputs ('' when nothing). */
function handedText(request: SimWorkerRequest): string {
  const tools = request.toolResults ?? [];
  if (tools.length === 0)
    return request.inputTexts.length === 1 ? request.inputTexts[0]! : request.inputTexts.join('\n\n');
  return [...tools, ...request.inputTexts].join('\n\n');
}
