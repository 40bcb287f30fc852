/** The colours {@link colorize} knows, with their ANSI foreground codes. */
export const ANSI_COLORS = {
  gray: 30,
  red: 31,
  green: 32,
  yellow: 33,
  blue: 34,
  magenta: 35,
  cyan: 36,
  white: 37,
  crimson: 38,
} as const;

/** A colour name for {@link colorize}. */
export type AnsiColor = keyof typeof ANSI_COLORS;

/** Options of {@link colorize}. */
export interface ColorizeOptions {
  /** Bold text. */
  bold?: boolean;
  /** Colour the background instead of the text. */
  highlight?: boolean;
}

/**
 * `text` wrapped in ANSI terminal colour codes, exactly as Gymnasium's `utils.colorize` writes them (so `ansi`
 * renders match Gymnasium's character for character).
 *
 * @example
 * ```ts
 * colorize('S', 'red', { highlight: true }); // '\x1b[41mS\x1b[0m'
 * colorize('R', 'blue', { bold: true }); // '\x1b[34;1mR\x1b[0m'
 * ```
 */
export function colorize(text: string, color: AnsiColor, options: ColorizeOptions = {}): string {
  const code = ANSI_COLORS[color] + (options.highlight === true ? 10 : 0);
  const attributes = options.bold === true ? `${code};1` : `${code}`;
  return `\x1b[${attributes}m${text}\x1b[0m`;
}
