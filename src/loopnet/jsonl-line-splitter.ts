// Splits a byte stream into JSONL lines, keeping each line's number and byte offset, without holding the stream.

/** One line of a JSONL file. */
export interface JsonlLine {
  /** The line's text, without its `\n` (or `\r\n`). */
  text: string;
  /** 1-based line number. */
  lineNumber: number;
  /** Byte offset of the line's first byte in the file. */
  byteOffset: number;
  /** Bytes of the line, without the line break. */
  byteLength: number;
}

const NEWLINE = 0x0a;
const CARRIAGE_RETURN = 0x0d;

/**
 * Cuts chunks of a JSONL file into lines. Feed chunks in order with {@link push} (the chunk may be reused by the
 * caller afterwards: the unfinished tail is copied), then call {@link end} for a last line without a line break.
 * Lines that are empty or only spaces are skipped but counted, so line numbers match an editor's.
 *
 * @example
 * ```ts
 * const splitter = new JsonlLineSplitter();
 * const lines = [...splitter.push(Buffer.from('{"a":1}\n{"a"')), ...splitter.push(Buffer.from(':2}')), ...splitter.end()];
 * lines.map((line) => line.text); // ['{"a":1}', '{"a":2}']
 * ```
 */
export class JsonlLineSplitter {
  private tail: Buffer | undefined = undefined;
  private tailOffset = 0;
  private nextOffset = 0;
  private lineNumber = 0;

  /** The bytes consumed so far. */
  get bytesRead(): number {
    return this.nextOffset;
  }

  /** The complete lines that `chunk` finishes. */
  *push(chunk: Buffer): Generator<JsonlLine> {
    const chunkOffset = this.nextOffset;
    this.nextOffset += chunk.length;
    let start = 0;
    let end = chunk.indexOf(NEWLINE, 0);
    if (end !== -1 && this.tail !== undefined) {
      const joined = Buffer.concat([this.tail, chunk.subarray(0, end)]);
      const line = this.line(joined, 0, joined.length, this.tailOffset);
      this.tail = undefined;
      if (line !== undefined) yield line;
      start = end + 1;
      end = chunk.indexOf(NEWLINE, start);
    }
    while (end !== -1) {
      const line = this.line(chunk, start, end, chunkOffset + start);
      if (line !== undefined) yield line;
      start = end + 1;
      end = chunk.indexOf(NEWLINE, start);
    }
    if (start < chunk.length) {
      const rest = chunk.subarray(start);
      if (this.tail === undefined) {
        this.tail = Buffer.from(rest);
        this.tailOffset = chunkOffset + start;
      } else {
        this.tail = Buffer.concat([this.tail, rest]);
      }
    }
  }

  /** The last line, when the file does not end with a line break. */
  *end(): Generator<JsonlLine> {
    if (this.tail === undefined) return;
    const tail = this.tail;
    this.tail = undefined;
    const line = this.line(tail, 0, tail.length, this.tailOffset);
    if (line !== undefined) yield line;
  }

  private line(buffer: Buffer, start: number, end: number, byteOffset: number): JsonlLine | undefined {
    this.lineNumber++;
    const byteLength = end - start;
    const textEnd = end > start && buffer[end - 1] === CARRIAGE_RETURN ? end - 1 : end;
    const text = buffer.toString('utf8', start, textEnd);
    // A JSON value never starts with white space once trimmed, so only lines that start with it need the trim.
    if (text.length === 0 || (text.charCodeAt(0) <= 0x20 && text.trim() === '')) return undefined;
    return { text, lineNumber: this.lineNumber, byteOffset, byteLength };
  }
}
