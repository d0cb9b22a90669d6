// The job that sends one notification email (one delivery row). Safe to run more than once: the row is
// locked for the send and only a `queued` delivery is sent; the Message-ID is derived from the
// delivery id, so even a send repeated after a crash (mail accepted, commit lost) is the same message.
import type { Config } from '../../config.ts';
import { withTransaction, type Db } from '../../db/database.ts';
import { renderNotificationEmail } from '../../email/notification-email.ts';
import type { Mailer } from '../../email/mailer.ts';
import type { Attempt } from '../../jobs/with-retry.ts';
import type { Logger } from '../context.ts';
import { CATEGORY_LABELS, categoryOfKind, createTokenSigner, loadOnePreferences } from '../subscriptions/index.ts';
import { preferenceSkip } from './delivery-decisions.ts';
import { findNotificationFor, lockEmailDelivery, markDeliveryAttemptFailed, markDeliverySent, markDeliverySkipped, type EmailDeliveryRow } from './deliveries.repo.ts';
import { describeMailError } from './mail-error.ts';
import { loadWorkspaceName } from './notifications.repo.ts';
import { absoluteUrl, messageIdFor } from './links.ts';

export type SendDeps = { db: Db; config: Config; mailer: Mailer; log: Logger };

const REASONS: Record<EmailDeliveryRow['kind'], string> = {
  status_changed: 'You get this email because you follow this post.',
  official_reply: 'You get this email because you follow this post.',
  comment_reply: 'You get this email because someone replied to your comment.',
  changelog: 'You get this email because you follow a post this release ships.',
};

/** Sends the delivery's email, or records why not. Throws when the mail server refused (to be retried). */
export async function sendNotificationEmail(deps: SendDeps, deliveryId: string, attempt: Attempt): Promise<void> {
  let failure: unknown = null;
  await withTransaction(deps.db, async (tx) => {
    const delivery = await lockEmailDelivery(tx, deliveryId);
    if (!delivery || delivery.state !== 'queued') return;
    const now = new Date();
    const recipient = { workspaceId: delivery.workspace_id, personId: delivery.person_id, memberId: delivery.member_id };
    // an unsubscribe while the mail waited (say, during a mail server outage) still counts
    const skip = preferenceSkip(delivery.kind, await loadOnePreferences(tx, recipient));
    const notification = await findNotificationFor(tx, delivery);
    if (skip || !notification || !delivery.address) {
      await markDeliverySkipped(tx, delivery.id, skip ?? 'no_email', now);
      return;
    }
    const signer = await createTokenSigner(tx);
    const subject = { personId: delivery.person_id, memberId: delivery.member_id };
    const category = categoryOfKind(delivery.kind);
    const unsubscribeUrl = (token: string) => absoluteUrl(deps.config, `/api/v1/unsubscribe?token=${token}`);
    const message = renderNotificationEmail({
      to: delivery.address,
      messageId: messageIdFor(deps.config, delivery.id),
      workspaceName: await loadWorkspaceName(tx, delivery.workspace_id),
      kind: delivery.kind,
      title: notification.title,
      bodyMarkdown: notification.body,
      actionUrl: absoluteUrl(deps.config, notification.url),
      actionLabel: delivery.kind === 'changelog' ? 'Read what changed' : delivery.kind === 'status_changed' ? 'View the post' : 'Read the reply',
      reason: REASONS[delivery.kind],
      unsubscribe: {
        oneClickUrl: unsubscribeUrl(signer.sign(subject, { type: 'category', category })),
        categoryLabel: CATEGORY_LABELS[category],
        unfollowUrl: delivery.post_id && delivery.kind !== 'comment_reply' ? unsubscribeUrl(signer.sign(subject, { type: 'post', postId: delivery.post_id })) : null,
        manageUrl: absoluteUrl(deps.config, `/preferences?token=${signer.sign(subject, { type: 'all' })}`),
      },
    });
    try {
      const sent = await deps.mailer.send(message);
      await markDeliverySent(tx, delivery.id, sent.messageId, now);
    } catch (error) {
      failure = error;
      await markDeliveryAttemptFailed(tx, delivery.id, describeMailError(error), attempt.isLast, now);
    }
  });
  if (failure) throw failure;
}
