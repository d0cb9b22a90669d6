// The in-app inbox: a recipient's notifications, newest first, and their read state.
import { sql, type ExpressionBuilder } from 'kysely';
import type { DbOrTx } from '../../db/database.ts';
import type { Database } from '../../db/schema.ts';
import type { Recipient } from '../subscriptions/index.ts';

type Eb = ExpressionBuilder<Database, 'notifications'>;
const isFor = (recipient: Recipient) => (eb: Eb) =>
  recipient.personId ? eb('person_id', '=', recipient.personId) : eb('member_id', '=', recipient.memberId ?? '');

export async function listInboxRows(db: DbOrTx, recipient: Recipient, opts: { before: { createdAt: string; id: string } | null; limit: number }) {
  let query = db
    .selectFrom('notifications')
    .select(['id', 'kind', 'title', 'body', 'url', 'post_id', 'read_at', 'created_at'])
    .select(sql<string>`to_char(created_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`.as('created_key'))
    .where('workspace_id', '=', recipient.workspaceId)
    .where(isFor(recipient));
  if (opts.before) {
    const at = sql<Date>`${opts.before.createdAt}::timestamptz`;
    const id = opts.before.id;
    query = query.where((eb) => eb.or([eb('created_at', '<', at), eb.and([eb('created_at', '=', at), eb('id', '<', id)])]));
  }
  return query.orderBy('created_at', 'desc').orderBy('id', 'desc').limit(opts.limit).execute();
}

export type InboxRow = Awaited<ReturnType<typeof listInboxRows>>[number];

export async function countUnread(db: DbOrTx, recipient: Recipient): Promise<number> {
  const query = db.selectFrom('notifications').select((eb) => eb.fn.countAll<number>().as('count')).where('read_at', 'is', null).where(isFor(recipient));
  return (await query.executeTakeFirstOrThrow()).count;
}

/** Marks the given notifications (or all) read; ids of other recipients are ignored. */
export async function markRead(db: DbOrTx, recipient: Recipient, ids: readonly string[] | 'all', now: Date): Promise<void> {
  if (ids !== 'all' && ids.length === 0) return;
  let query = db.updateTable('notifications').set({ read_at: now }).where('read_at', 'is', null).where(isFor(recipient));
  if (ids !== 'all') query = query.where('id', 'in', ids);
  await query.execute();
}
