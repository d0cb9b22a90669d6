// The notification email (status change, team reply, comment reply, changelog). User content (the
// team's message, a comment, a changelog entry) is markdown rendered by src/lib/markdown.ts, which
// sanitizes it; every other piece of text is escaped. Unsubscribing is one click from the mail client
// (List-Unsubscribe + List-Unsubscribe-Post, RFC 8058) and a visible link in the footer.
import { renderMarkdown } from '../lib/markdown.ts';
import { escapeHtml } from './magic-link-email.ts';
import type { MailMessage } from './mailer.ts';

export type NotificationEmailInput = {
  to: string;
  /** `<delivery-id@host>`: the same on every retry, so a resend is recognisably the same message. */
  messageId: string;
  workspaceName: string;
  kind: string;
  title: string;
  bodyMarkdown: string;
  actionUrl: string;
  actionLabel: string;
  /** Why this person gets the email, e.g. "You follow this post." */
  reason: string;
  unsubscribe: {
    /** POST target of the one-click header (stops mail of this kind); a GET opens the preferences page. */
    oneClickUrl: string;
    /** e.g. "status changes and team replies on posts you follow" */
    categoryLabel: string;
    /** Opens the page that stops updates about this one post; null when the mail is not about one post. */
    unfollowUrl: string | null;
    manageUrl: string;
  };
};

const MUTED = 'font-size: 13px; color: #64748b';

export function renderNotificationEmail(input: NotificationEmailInput): MailMessage {
  const { unsubscribe } = input;
  const text = [
    input.title,
    '',
    ...(input.bodyMarkdown.trim() ? [input.bodyMarkdown.trim(), ''] : []),
    `${input.actionLabel}: ${input.actionUrl}`,
    '',
    '—',
    input.reason,
    ...(unsubscribe.unfollowUrl ? [`Stop following this post: ${unsubscribe.unfollowUrl}`] : []),
    `Unsubscribe from ${unsubscribe.categoryLabel}: ${unsubscribe.oneClickUrl}`,
    `Manage your email preferences: ${unsubscribe.manageUrl}`,
  ].join('\n');
  const body = input.bodyMarkdown.trim()
    ? `<div style="border-left: 3px solid #c7d2fe; padding: 4px 0 4px 14px; margin: 16px 0">${renderMarkdown(input.bodyMarkdown)}</div>`
    : '';
  const html = `<!doctype html>
<html><body style="font-family: system-ui, sans-serif; color: #0f172a; line-height: 1.5; max-width: 600px">
<p style="${MUTED}">${escapeHtml(input.workspaceName)}</p>
<h1 style="font-size: 20px; margin: 8px 0 12px">${escapeHtml(input.title)}</h1>
${body}
<p><a href="${escapeHtml(input.actionUrl)}" style="display: inline-block; padding: 10px 16px; background: #4f46e5; color: #fff; border-radius: 6px; text-decoration: none">${escapeHtml(input.actionLabel)}</a></p>
<hr style="border: none; border-top: 1px solid #e2e8f0; margin: 24px 0 12px">
<p style="${MUTED}">${escapeHtml(input.reason)}
${unsubscribe.unfollowUrl ? `<a href="${escapeHtml(unsubscribe.unfollowUrl)}">Stop following this post</a> · ` : ''}<a href="${escapeHtml(unsubscribe.oneClickUrl)}">Unsubscribe from ${escapeHtml(unsubscribe.categoryLabel)}</a> · <a href="${escapeHtml(unsubscribe.manageUrl)}">Manage email preferences</a></p>
</body></html>`;
  return {
    to: input.to,
    subject: input.title.replace(/\s+/g, ' ').trim(),
    text,
    html,
    messageId: input.messageId,
    headers: {
      'List-Unsubscribe': `<${unsubscribe.oneClickUrl}>`,
      'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
      // RFC 3834: automatic mail; auto-responders must not answer it
      'Auto-Submitted': 'auto-generated',
      'X-Backboard-Kind': input.kind,
    },
  };
}
