// Only same-site paths are accepted as redirect targets, so a crafted link cannot bounce a user who
// just signed in to another site.
export function safeReturnTo(value: string | null | undefined, fallback = '/'): string {
  if (!value || !value.startsWith('/') || value.startsWith('//') || value.startsWith('/\\')) return fallback;
  return value;
}
