// The sign-in email for end users. Names and workspace names are user text: escaped in the HTML part.
import type { MailMessage } from './mailer.ts';

const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => HTML_ESCAPES[c]);
}

export function renderMagicLinkEmail(input: {
  to: string;
  name: string | null;
  workspaceName: string;
  link: string;
  validMinutes: number;
}): MailMessage {
  const greeting = input.name ? `Hi ${input.name},` : 'Hi,';
  const text = [
    greeting,
    '',
    `Use this link to sign in to ${input.workspaceName}:`,
    '',
    input.link,
    '',
    `The link works once and expires in ${input.validMinutes} minutes.`,
    "If you did not ask to sign in, you can ignore this email.",
  ].join('\n');
  const html = `<!doctype html>
<html><body style="font-family: system-ui, sans-serif; color: #0f172a; line-height: 1.5">
<p>${escapeHtml(greeting)}</p>
<p>Use this link to sign in to ${escapeHtml(input.workspaceName)}:</p>
<p><a href="${escapeHtml(input.link)}" style="display: inline-block; padding: 10px 16px; background: #4f46e5; color: #fff; border-radius: 6px; text-decoration: none">Sign in</a></p>
<p style="font-size: 13px; color: #475569">Or paste this address into your browser: ${escapeHtml(input.link)}</p>
<p style="font-size: 13px; color: #475569">The link works once and expires in ${input.validMinutes} minutes. If you did not ask to sign in, you can ignore this email.</p>
</body></html>`;
  return { to: input.to, subject: `Sign in to ${input.workspaceName}`, text, html };
}
