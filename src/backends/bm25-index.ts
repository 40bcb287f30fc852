// Okapi BM25 ranking over a small set of documents (the corpus of one task).

/** A document to index: an id and its text. */
export interface Bm25Document {
  id: string;
  text: string;
}

/** A ranked document: its id and its BM25 score (higher is more relevant). */
export interface Bm25Hit {
  id: string;
  score: number;
}

/** The words of a text as BM25 counts them: lowercase runs of letters and digits (`v0.2` → `v0`, `2`). */
export function bm25Terms(text: string): string[] {
  return text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
}

/**
 * An Okapi BM25 index: `k1` saturates repeated terms (default 1.2), `b` normalizes by document length (0.75). The
 * inverse document frequency is `ln(1 + (N − n + 0.5) / (n + 0.5))`, never negative. Ties rank in corpus order.
 *
 * @example
 * ```ts
 * const index = new Bm25Index([{ id: 'a', text: 'the index changed' }, { id: 'b', text: 'unrelated' }]);
 * index.search('what changed in the index', 1); // [{ id: 'a', score: … }]
 * ```
 */
export class Bm25Index {
  private readonly documents: { id: string; counts: Map<string, number>; length: number }[];
  private readonly documentFrequency = new Map<string, number>();
  private readonly averageLength: number;

  constructor(
    documents: readonly Bm25Document[],
    private readonly parameters: { k1: number; b: number } = { k1: 1.2, b: 0.75 },
  ) {
    this.documents = documents.map((document) => {
      const counts = new Map<string, number>();
      const terms = bm25Terms(document.text);
      for (const term of terms) counts.set(term, (counts.get(term) ?? 0) + 1);
      for (const term of counts.keys())
        this.documentFrequency.set(term, (this.documentFrequency.get(term) ?? 0) + 1);
      return { id: document.id, counts, length: terms.length };
    });
    const total = this.documents.reduce((sum, document) => sum + document.length, 0);
    this.averageLength = this.documents.length === 0 ? 0 : total / this.documents.length;
  }

  /** The inverse document frequency of a term (0 for a term no document has). */
  idf(term: string): number {
    const n = this.documentFrequency.get(term) ?? 0;
    if (n === 0) return 0;
    return Math.log(1 + (this.documents.length - n + 0.5) / (n + 0.5));
  }

  /** The BM25 score of every document for a query, best first; documents sharing no term are left out. */
  search(query: string, limit = Number.POSITIVE_INFINITY): Bm25Hit[] {
    const { k1, b } = this.parameters;
    const terms = [...new Set(bm25Terms(query))];
    const hits: (Bm25Hit & { order: number })[] = [];
    for (const [order, document] of this.documents.entries()) {
      let score = 0;
      for (const term of terms) {
        const frequency = document.counts.get(term) ?? 0;
        if (frequency === 0) continue;
        const norm = 1 - b + (b * document.length) / (this.averageLength || 1);
        score += (this.idf(term) * (frequency * (k1 + 1))) / (frequency + k1 * norm);
      }
      if (score > 0) hits.push({ id: document.id, score, order });
    }
    hits.sort((left, right) => right.score - left.score || left.order - right.order);
    return hits.slice(0, limit).map(({ id, score }) => ({ id, score }));
  }
}
