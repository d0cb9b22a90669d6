// The team digest: new feedback, top movers (most new votes) and posts waiting for triage. Post titles
// are user text: escaped in the HTML part.
import { escapeHtml } from './magic-link-email.ts';
import type { MailMessage } from './mailer.ts';

type Item = { title: string; url: string; count: number };

export type DigestEmailInput = {
  to: string;
  messageId: string;
  workspaceName: string;
  periodLabel: string;
  newPosts: number;
  newest: Item[];
  topMovers: Item[];
  waiting: number;
  oldestWaiting: Item[];
  adminUrl: string;
  settingsUrl: string;
};

function section(heading: string, items: Item[], countLabel: (n: number) => string) {
  if (items.length === 0) return { text: [] as string[], html: '' };
  return {
    text: ['', heading, ...items.map((i) => `- ${i.title} (${countLabel(i.count)}): ${i.url}`)],
    html: `<h2 style="font-size: 16px; margin: 20px 0 6px">${escapeHtml(heading)}</h2><ul>${items
      .map((i) => `<li><a href="${escapeHtml(i.url)}">${escapeHtml(i.title)}</a> <span style="color: #64748b">(${escapeHtml(countLabel(i.count))})</span></li>`)
      .join('')}</ul>`,
  };
}

const votes = (n: number) => `${n} vote${n === 1 ? '' : 's'}`;

export function renderDigestEmail(input: DigestEmailInput): MailMessage {
  const headline = `${input.newPosts} new post${input.newPosts === 1 ? '' : 's'}, ${input.waiting} waiting for triage`;
  const sections = [
    section('New feedback', input.newest, votes),
    section('Top movers (most new votes)', input.topMovers, (n) => `+${votes(n)}`),
    section('Waiting for triage (oldest first)', input.oldestWaiting, votes),
  ];
  const text = [
    `${input.workspaceName} — your ${input.periodLabel} digest`,
    headline,
    ...sections.flatMap((s) => s.text),
    '',
    `Open the admin: ${input.adminUrl}`,
    `Change or stop this digest: ${input.settingsUrl}`,
  ].join('\n');
  const html = `<!doctype html>
<html><body style="font-family: system-ui, sans-serif; color: #0f172a; line-height: 1.5; max-width: 600px">
<p style="font-size: 13px; color: #64748b">${escapeHtml(input.workspaceName)} — your ${escapeHtml(input.periodLabel)} digest</p>
<h1 style="font-size: 20px; margin: 8px 0 12px">${escapeHtml(headline)}</h1>
${sections.map((s) => s.html).join('\n')}
<p><a href="${escapeHtml(input.adminUrl)}">Open the admin</a></p>
<p style="font-size: 13px; color: #64748b"><a href="${escapeHtml(input.settingsUrl)}">Change or stop this digest</a></p>
</body></html>`;
  return {
    to: input.to,
    subject: `${input.workspaceName}: ${headline}`,
    text,
    html,
    messageId: input.messageId,
    headers: { 'Auto-Submitted': 'auto-generated', 'X-Backboard-Kind': 'digest' },
  };
}
