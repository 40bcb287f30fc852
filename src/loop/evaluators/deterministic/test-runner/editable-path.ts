// Which files a code output may change in a task repository.
import { posix } from 'node:path';

/** A path a patch names, checked: its normalized form, or why it is refused. */
export type EditablePathCheck =
  { ok: true; path: string } | { ok: false; path: string; reason: 'absolute' | 'escapes' | 'not_editable' };

/**
 * Checks a path a code output wants to change: it must be relative, stay inside the repository once normalized
 * (`a/../b` is `b`; `../x` escapes) and be one of `editableFiles` (compared normalized). An empty `editableFiles`
 * allows nothing.
 *
 * @example
 * ```ts
 * checkEditablePath('./calc/parse.py', ['calc/parse.py']); // { ok: true, path: 'calc/parse.py' }
 * checkEditablePath('../etc/passwd', ['calc/parse.py']); // { ok: false, path: '../etc/passwd', reason: 'escapes' }
 * ```
 */
export function checkEditablePath(path: string, editableFiles: readonly string[]): EditablePathCheck {
  const slashed = path.trim().replace(/\\/gu, '/');
  if (slashed.startsWith('/') || /^[A-Za-z]:\//u.test(slashed))
    return { ok: false, path, reason: 'absolute' };
  const normalized = posix.normalize(slashed).replace(/\/+$/u, '');
  if (normalized === '..' || normalized.startsWith('../') || normalized === '.' || normalized === '') {
    return { ok: false, path, reason: 'escapes' };
  }
  const editable = editableFiles.map((file) => posix.normalize(file.replace(/\\/gu, '/')));
  return editable.includes(normalized)
    ? { ok: true, path: normalized }
    : { ok: false, path, reason: 'not_editable' };
}
