// Reading provider settings from options and the environment.

/**
 * A setting's value, or `undefined` when it is missing or blank (an empty `OPENAI_API_KEY=` counts as unset).
 *
 * @example
 * ```ts
 * nonEmpty(process.env['OPENAI_BASE_URL']) ?? 'https://api.openai.com/v1';
 * ```
 */
export function nonEmpty(value: string | undefined): string | undefined {
  return value === undefined || value.trim() === '' ? undefined : value;
}
