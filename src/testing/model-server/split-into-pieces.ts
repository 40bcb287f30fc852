/** How many characters a streamed delta carries at most. */
export const PIECE_LENGTH = 16;

/**
 * A text in pieces of at most `length` characters (whole code points, so no emoji is split), for stream deltas.
 *
 * @example
 * ```ts
 * splitIntoPieces('Hello, world', 5); // ['Hello', ', wor', 'ld']
 * ```
 */
export function splitIntoPieces(text: string, length = PIECE_LENGTH): string[] {
  const characters = Array.from(text);
  const pieces: string[] = [];
  for (let index = 0; index < characters.length; index += length) {
    pieces.push(characters.slice(index, index + length).join(''));
  }
  return pieces;
}
