import type { DbOrTx } from '../../db/database.ts';
import type { DigestFrequency } from '../../db/schema.ts';
import { recipientColumns, recipientKey, type Recipient } from './recipient.ts';

export type Preferences = {
  statusUpdates: boolean;
  commentReplies: boolean;
  changelog: boolean;
  unsubscribedAll: boolean;
  digest: DigestFrequency;
};

/** No row means the defaults: every category on, no digest. */
export const DEFAULT_PREFERENCES: Preferences = { statusUpdates: true, commentReplies: true, changelog: true, unsubscribedAll: false, digest: 'off' };

type Row = { person_id: string | null; member_id: string | null; status_updates: boolean; comment_replies: boolean; changelog: boolean; unsubscribed_all_at: Date | null; digest: DigestFrequency };

function toPreferences(row: Row | undefined): Preferences {
  if (!row) return { ...DEFAULT_PREFERENCES };
  return {
    statusUpdates: row.status_updates,
    commentReplies: row.comment_replies,
    changelog: row.changelog,
    unsubscribedAll: row.unsubscribed_all_at !== null,
    digest: row.digest,
  };
}

const COLUMNS = ['person_id', 'member_id', 'status_updates', 'comment_replies', 'changelog', 'unsubscribed_all_at', 'digest'] as const;

/** Preferences of many recipients at once, keyed by recipientKey. */
export async function loadPreferences(db: DbOrTx, recipients: readonly Recipient[]): Promise<Map<string, Preferences>> {
  const personIds = recipients.flatMap((r) => (r.personId ? [r.personId] : []));
  const memberIds = recipients.flatMap((r) => (r.memberId ? [r.memberId] : []));
  const rows: Row[] = [];
  if (personIds.length) rows.push(...await db.selectFrom('notification_preferences').select(COLUMNS).where('person_id', 'in', personIds).execute());
  if (memberIds.length) rows.push(...await db.selectFrom('notification_preferences').select(COLUMNS).where('member_id', 'in', memberIds).execute());
  const byKey = new Map(rows.map((row) => [recipientKey({ personId: row.person_id, memberId: row.member_id }), row]));
  return new Map(recipients.map((r) => [recipientKey(r), toPreferences(byKey.get(recipientKey(r)))]));
}

export async function loadOnePreferences(db: DbOrTx, recipient: Recipient): Promise<Preferences> {
  return (await loadPreferences(db, [recipient])).get(recipientKey(recipient)) ?? { ...DEFAULT_PREFERENCES };
}

export type PreferencesChange = Partial<Preferences>;

export async function savePreferences(db: DbOrTx, recipient: Recipient, change: PreferencesChange, now: Date): Promise<void> {
  const set: Record<string, unknown> = { updated_at: now };
  if (change.statusUpdates !== undefined) set.status_updates = change.statusUpdates;
  if (change.commentReplies !== undefined) set.comment_replies = change.commentReplies;
  if (change.changelog !== undefined) set.changelog = change.changelog;
  if (change.unsubscribedAll !== undefined) set.unsubscribed_all_at = change.unsubscribedAll ? now : null;
  if (change.digest !== undefined) set.digest = change.digest;
  await db
    .insertInto('notification_preferences')
    .values({ workspace_id: recipient.workspaceId, ...recipientColumns(recipient), ...set, updated_at: now })
    .onConflict((oc) => oc.columns(['person_id', 'member_id']).doUpdateSet(set))
    .execute();
}
