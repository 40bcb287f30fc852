/**
 * A string as Python's `repr` prints it: single quotes unless the text holds a single quote and no double quote,
 * backslash escapes for the quote, `\\`, `\t`, `\n`, `\r`, and `\xNN`/`\uNNNN`/`\UNNNNNNNN` for non-printable
 * characters.
 *
 * @example
 * ```ts
 * pythonStringRepr('a'); // "'a'"
 * pythonStringRepr("it's"); // `"it's"`
 * ```
 */
export function pythonStringRepr(text: string): string {
  const quote = text.includes("'") && !text.includes('"') ? '"' : "'";
  let out = quote;
  for (const character of text) {
    if (character === quote || character === '\\') out += `\\${character}`;
    else if (character === '\t') out += '\\t';
    else if (character === '\n') out += '\\n';
    else if (character === '\r') out += '\\r';
    else if (isPrintable(character)) out += character;
    else {
      const code = character.codePointAt(0)!;
      if (code < 0x100) out += `\\x${code.toString(16).padStart(2, '0')}`;
      else if (code < 0x10000) out += `\\u${code.toString(16).padStart(4, '0')}`;
      else out += `\\U${code.toString(16).padStart(8, '0')}`;
    }
  }
  return out + quote;
}

const NON_PRINTABLE = /[\p{Cc}\p{Cf}\p{Cs}\p{Co}\p{Cn}\p{Zl}\p{Zp}\p{Zs}]/u;

/** Python's `str.isprintable` for one character (Unicode "Other" and "Separator" categories but the space). */
function isPrintable(character: string): boolean {
  return character === ' ' || !NON_PRINTABLE.test(character);
}

/**
 * Python's string order (by code point), which differs from JavaScript's default UTF-16 order beyond the BMP.
 *
 * @example
 * ```ts
 * ['\u{1F600}', '\uFFFF'].sort(comparePythonStrings); // ['\uFFFF', '\u{1F600}']
 * ```
 */
export function comparePythonStrings(a: string, b: string): number {
  const left = Array.from(a);
  const right = Array.from(b);
  for (let i = 0; i < Math.min(left.length, right.length); i++) {
    const difference = left[i]!.codePointAt(0)! - right[i]!.codePointAt(0)!;
    if (difference !== 0) return difference;
  }
  return left.length - right.length;
}
