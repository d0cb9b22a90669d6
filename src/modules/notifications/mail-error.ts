/**
 * The SMTP server's own words for a failed send (e.g. "Invalid login: 535 5.7.8 Authentication failed"),
 * with nodemailer's error code, for the audit and the mail settings page.
 */
export function describeMailError(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const details = error as Error & { code?: string; response?: string; responseCode?: number; command?: string };
  const parts = [error.message];
  if (details.response && !error.message.includes(details.response)) parts.push(`server said: ${details.response}`);
  if (details.command) parts.push(`during ${details.command}`);
  if (details.code) parts.push(`[${details.code}]`);
  return parts.join(' — ');
}
