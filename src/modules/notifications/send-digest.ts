// Sends one member's digest for one period. The Message-ID names member and period, so a retried
// send is the same message; an empty period (nothing new, nothing waiting) sends nothing.
import type { Db } from '../../db/database.ts';
import { renderDigestEmail } from '../../email/digest-email.ts';
import type { Mailer } from '../../email/mailer.ts';
import type { Config } from '../../config.ts';
import type { Logger } from '../context.ts';
import { loadOnePreferences } from '../subscriptions/index.ts';
import { summarizePeriod, type DigestPost } from './digest.repo.ts';
import { absoluteUrl, messageIdFor } from './links.ts';
import { loadWorkspaceName } from './notifications.repo.ts';

export type DigestPayload = { memberId: string; since: string; until: string };

export async function sendDigest(deps: { db: Db; config: Config; mailer: Mailer; log: Logger }, payload: DigestPayload): Promise<'sent' | 'empty' | 'off'> {
  const member = await deps.db.selectFrom('members').select(['id', 'email', 'workspace_id']).where('id', '=', payload.memberId).executeTakeFirst();
  if (!member) return 'off';
  const preferences = await loadOnePreferences(deps.db, { workspaceId: member.workspace_id, personId: null, memberId: member.id });
  if (preferences.digest === 'off' || preferences.unsubscribedAll) return 'off';
  const summary = await summarizePeriod(deps.db, member.workspace_id, new Date(payload.since), new Date(payload.until));
  if (summary.newPosts === 0 && summary.waiting === 0 && summary.topMovers.length === 0) return 'empty';
  const item = (p: DigestPost) => ({ title: p.title, url: absoluteUrl(deps.config, `/admin/posts/${p.id}`), count: Number(p.count) });
  const periodKey = new Date(payload.until).getTime();
  await deps.mailer.send(renderDigestEmail({
    to: member.email,
    messageId: messageIdFor(deps.config, `digest-${member.id}-${periodKey}`),
    workspaceName: await loadWorkspaceName(deps.db, member.workspace_id),
    periodLabel: preferences.digest,
    newPosts: Number(summary.newPosts),
    newest: summary.newest.map(item),
    topMovers: summary.topMovers.map(item),
    waiting: Number(summary.waiting),
    oldestWaiting: summary.oldestWaiting.map(item),
    adminUrl: absoluteUrl(deps.config, '/admin/posts'),
    settingsUrl: absoluteUrl(deps.config, '/admin/notifications'),
  }));
  return 'sent';
}
