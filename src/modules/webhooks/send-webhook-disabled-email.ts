// The notice an owner/admin gets when an endpoint was switched off automatically (410 Gone, or a
// long failure streak). One job per recipient, with a Message-ID stable per (endpoint, disabling,
// recipient), so a retried job is recognisably the same message.
import { escapeHtml } from '../../email/magic-link-email.ts';
import type { MailMessage } from '../../email/mailer.ts';
import type { WebhookEndpoint } from './webhooks.repo.ts';
import type { WebhookDeps } from './webhook-deps.ts';

export type WebhookDisabledEmailPayload = { endpointId: string; memberId: string; disabledAt: string };

export function renderWebhookDisabledEmail(input: { to: string; workspaceName: string; endpoint: WebhookEndpoint; settingsUrl: string }): MailMessage {
  const { endpoint } = input;
  const why = endpoint.disabled_reason === 'gone'
    ? 'the receiver answered 410 Gone, which means it no longer wants these events'
    : 'deliveries to it kept failing';
  const text = [
    `A webhook endpoint of ${input.workspaceName} was disabled because ${why}:`,
    '',
    `  ${endpoint.url}${endpoint.description ? ` (${endpoint.description})` : ''}`,
    '',
    endpoint.disabled_detail ?? '',
    '',
    'Events are no longer sent to it. Fix the receiver, then enable the endpoint again and replay the',
    'deliveries you need from its delivery log:',
    '',
    input.settingsUrl,
  ].join('\n');
  const html = `<!doctype html>
<html><body style="font-family: system-ui, sans-serif; color: #0f172a; line-height: 1.5">
<p>A webhook endpoint of ${escapeHtml(input.workspaceName)} was disabled because ${escapeHtml(why)}:</p>
<p><code>${escapeHtml(endpoint.url)}</code>${endpoint.description ? ` (${escapeHtml(endpoint.description)})` : ''}</p>
<p style="font-size: 13px; color: #475569">${escapeHtml(endpoint.disabled_detail ?? '')}</p>
<p>Events are no longer sent to it. Fix the receiver, then enable the endpoint again and replay the deliveries you need from its delivery log.</p>
<p><a href="${escapeHtml(input.settingsUrl)}" style="display: inline-block; padding: 10px 16px; background: #4f46e5; color: #fff; border-radius: 6px; text-decoration: none">Open webhook settings</a></p>
</body></html>`;
  return { to: input.to, subject: `Webhook disabled: ${endpoint.url}`, text, html };
}

export async function sendWebhookDisabledEmail(deps: WebhookDeps, payload: WebhookDisabledEmailPayload): Promise<void> {
  const endpoint = await deps.db.selectFrom('webhook_endpoints').selectAll().where('id', '=', payload.endpointId).executeTakeFirst();
  // re-enabled (or disabled again, which sends its own notice) since: this notice is stale
  if (!endpoint || endpoint.enabled || endpoint.disabled_at?.toISOString() !== payload.disabledAt) return;
  const recipient = await deps.db.selectFrom('members')
    .innerJoin('workspaces', 'workspaces.id', 'members.workspace_id')
    .select(['members.email', 'workspaces.name as workspace_name'])
    .where('members.id', '=', payload.memberId).where('members.workspace_id', '=', endpoint.workspace_id)
    .where('members.role', 'in', ['owner', 'admin'])
    .executeTakeFirst();
  if (!recipient) return;
  const message = renderWebhookDisabledEmail({
    to: recipient.email,
    workspaceName: recipient.workspace_name,
    endpoint,
    settingsUrl: `${deps.config.publicUrl}/admin/webhooks`,
  });
  const host = new URL(deps.config.publicUrl).hostname || 'backboard';
  await deps.mailer.send({ ...message, messageId: `<webhook-disabled.${endpoint.id}.${Date.parse(payload.disabledAt)}.${payload.memberId}@${host}>` });
}
