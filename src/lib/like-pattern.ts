/**
 * A LIKE/ILIKE pattern matching `text` anywhere, with the wildcards `%` and `_` (and the escape
 * character `\`, PostgreSQL's default) taken literally: searching "50%" finds "50%", not "50 anything".
 */
export function containsPattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}
