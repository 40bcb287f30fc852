// Injection signals about text a human reader does not see: zero-width and bidirectional characters, Unicode tags,
// base64 that decodes to instructions, HTML comments, and images whose URL carries data out.
import { Buffer } from 'node:buffer';
import { regexSignal, signalMatches, type InjectionSignal, type SignalMatch } from './injection-signal.js';

/** Words that make decoded or hidden text an instruction to a model. */
const INSTRUCTION_WORDS =
  /\b(?:ignore|disregard|instructions?|system prompt|you are|you must|assistant|reveal|password|secrets?|api key|execute|exfiltrat\w*|send (?:it|them|the)|do not tell)\b/i;

// Alternation, not a character class: a class holding the zero-width joiner reads as a joined sequence.
const ZERO_WIDTH = /\u200B|\u200C|\u200D|\u2060|\uFEFF/g;
const ZERO_WIDTH_CHARACTERS = new Set(['\u200B', '\u200C', '\u200D', '\u2060', '\uFEFF']);
const BIDI_CONTROL = /[\u202A-\u202E\u2066-\u2069]/g;
const RIGHT_TO_LEFT_LETTER = /[\u0590-\u08FF\uFB1D-\uFDFF\uFE70-\uFEFE]/;
const PICTOGRAPH = /\p{Extended_Pictographic}|\uFE0F/u;
const ASCII_VISIBLE = /^[\x21-\x7E]$/;

/**
 * Zero-width characters used to hide or split text, but not those with a use: the joiner inside emoji sequences, a
 * byte-order mark at the start, and joiners in scripts that need them (they count only between visible ASCII
 * characters, or in runs of two or more).
 */
function findZeroWidth(text: string): SignalMatch[] {
  return signalMatches(ZERO_WIDTH, text, (character, start) => {
    if (character === '\uFEFF' && start === 0) return false;
    const before = text.slice(Math.max(0, start - 2), start);
    const after = text.slice(start + 1, start + 3);
    if (PICTOGRAPH.test(before) || PICTOGRAPH.test(after)) return false;
    const previous = text[start - 1] ?? '';
    const next = text[start + 1] ?? '';
    const inRun = ZERO_WIDTH_CHARACTERS.has(previous) || ZERO_WIDTH_CHARACTERS.has(next);
    return inRun || (ASCII_VISIBLE.test(previous) && ASCII_VISIBLE.test(next));
  });
}

/** Unicode tag characters (U+E0000–E007F), which render as nothing; except inside flag emoji (England's). */
function findUnicodeTags(text: string): SignalMatch[] {
  return signalMatches(
    /(?:\uDB40[\uDC00-\uDC7F])+/g,
    text,
    (_, start) => text.codePointAt(start - 2) !== 0x1f3f4,
  );
}

/** Base64 blobs (standard or URL-safe) that decode to readable text containing instructions. */
function findBase64Instructions(text: string): SignalMatch[] {
  return signalMatches(/(?<![A-Za-z0-9+/_-])[A-Za-z0-9+/_-]{24,}={0,2}/g, text, (blob) => {
    const encoding = /[-_]/.test(blob) ? 'base64url' : 'base64';
    const decoded = Buffer.from(blob, encoding).toString('latin1');
    const readable = decoded.replace(/[^\x20-\x7E\n\r\t]/g, '').length;
    return decoded.length > 0 && readable / decoded.length > 0.9 && INSTRUCTION_WORDS.test(decoded);
  });
}

/** Query parameter names that say what they carry. */
const DATA_PARAMETER =
  /^(?:data|d|q|secret|token|key|prompt|history|chat|conversation|info|payload|exfil|leak|c|m|msg)$/i;

/**
 * Images whose URL carries data out in its query: the reader's client fetches the image and the query reaches the
 * server. Query values that are long, templated (`{…}`, `$…`, `%7B`) or named for data count; short fixed values
 * such as a badge's `?style=flat` do not.
 */
function findImageExfiltration(text: string): SignalMatch[] {
  const image =
    /!\[[^\]\n]{0,200}\]\(\s*<?(https?:\/\/[^\s)>]+)|<img\b[^>]{0,200}?\bsrc\s*=\s*["']?(https?:\/\/[^\s"'>]+)/gi;
  const found: SignalMatch[] = [];
  for (const match of text.matchAll(image)) {
    const query = (match[1] ?? match[2] ?? '').split('?')[1];
    if (query === undefined) continue;
    const suspicious = query.split('&').some((pair) => {
      const [name = '', value = ''] = pair.split('=');
      return value.length >= 20 || /[{}$]|%7B|%24/i.test(value) || DATA_PARAMETER.test(name);
    });
    if (suspicious) found.push({ start: match.index, end: match.index + match[0].length });
  }
  return found;
}

/** The signals about hidden text. */
export const HIDDEN_TEXT_SIGNALS: readonly InjectionSignal[] = [
  {
    name: 'base64_instructions',
    weight: 0.75,
    description: 'hides instructions in base64',
    find: findBase64Instructions,
  },
  {
    name: 'unicode_tags',
    weight: 0.75,
    description: 'hides text in invisible Unicode tag characters',
    find: findUnicodeTags,
  },
  {
    name: 'markdown_image_exfiltration',
    weight: 0.75,
    description: 'loads an image whose URL carries data out',
    find: findImageExfiltration,
  },
  {
    name: 'zero_width_characters',
    weight: 0.6,
    description: 'hides or splits text with zero-width characters',
    find: findZeroWidth,
  },
  regexSignal(
    'hidden_html_comment',
    0.6,
    'hides instructions in an HTML comment',
    /<!--(?:(?!-->)[\s\S]){0,600}?\b(?:ignore|instructions?|assistant|AI|model|you must|system prompt|do not tell)\b(?:(?!-->)[\s\S]){0,600}-->/gi,
  ),
  {
    name: 'bidi_controls',
    weight: 0.5,
    description: 'reorders text with bidirectional controls',
    find: (text) => (RIGHT_TO_LEFT_LETTER.test(text) ? [] : signalMatches(BIDI_CONTROL, text)),
  },
];
