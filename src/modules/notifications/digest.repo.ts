// Queries of the team digest: who is due, and what happened in the period.
import { sql } from 'kysely';
import type { DbOrTx } from '../../db/database.ts';
import type { DigestFrequency } from '../../db/schema.ts';

export const DIGEST_PERIOD_MS: Record<Exclude<DigestFrequency, 'off'>, number> = { daily: 86_400_000, weekly: 7 * 86_400_000 };
// an hourly scan: a period counts as over an hour early, so a digest never slips by one scan
const SLACK_MS = 3_600_000;

export async function listDueDigests(db: DbOrTx, now: Date) {
  const rows = await db
    .selectFrom('notification_preferences as np')
    .innerJoin('members as m', 'm.id', 'np.member_id')
    .select(['np.member_id', 'np.workspace_id', 'np.digest', 'np.digest_sent_at'])
    .where('np.digest', '<>', 'off')
    .execute();
  return rows.filter((r) => {
    if (r.digest === 'off' || !r.member_id) return false;
    return !r.digest_sent_at || now.getTime() - r.digest_sent_at.getTime() >= DIGEST_PERIOD_MS[r.digest] - SLACK_MS;
  });
}

/** Marks the digest as taken by this scan; false when another worker's scan got there first. */
export async function claimDigest(tx: DbOrTx, memberId: string, previous: Date | null, now: Date): Promise<boolean> {
  const claimed = await tx
    .updateTable('notification_preferences')
    .set({ digest_sent_at: now })
    .where('member_id', '=', memberId)
    .where(previous ? sql<boolean>`digest_sent_at = ${previous}` : sql<boolean>`digest_sent_at is null`)
    .returning('id')
    .executeTakeFirst();
  return claimed !== undefined;
}

export type DigestPost = { id: string; title: string; count: number };
export type DigestSummary = { newPosts: number; newest: DigestPost[]; topMovers: DigestPost[]; waiting: number; oldestWaiting: DigestPost[] };

const live = (alias: string) => sql<boolean>`${sql.ref(`${alias}.deleted_at`)} is null and ${sql.ref(`${alias}.merged_into_id`)} is null`;

export async function summarizePeriod(db: DbOrTx, workspaceId: string, since: Date, until: Date): Promise<DigestSummary> {
  const created = db.selectFrom('posts as p').where('p.workspace_id', '=', workspaceId).where(live('p')).where('p.created_at', '>=', since).where('p.created_at', '<', until);
  const { count: newPosts } = await created.select((eb) => eb.fn.countAll<number>().as('count')).executeTakeFirstOrThrow();
  const newest = await created.select(['p.id', 'p.title', 'p.vote_count as count']).orderBy('p.created_at', 'desc').limit(5).execute();
  const topMovers = await db
    .selectFrom('votes as v')
    .innerJoin('posts as p', 'p.id', 'v.post_id')
    .select(['p.id', 'p.title'])
    .select((eb) => eb.fn.countAll<number>().as('count'))
    .where('v.workspace_id', '=', workspaceId)
    .where('v.created_at', '>=', since)
    .where('v.created_at', '<', until)
    .where(live('p'))
    .groupBy(['p.id', 'p.title'])
    .orderBy('count', 'desc')
    .orderBy('p.id')
    .limit(5)
    .execute();
  const waitingQuery = db
    .selectFrom('posts as p')
    .innerJoin('statuses as s', 's.id', 'p.status_id')
    .where('p.workspace_id', '=', workspaceId)
    .where(live('p'))
    .where('s.kind', 'in', ['open', 'under_review']);
  const { count: waiting } = await waitingQuery.select((eb) => eb.fn.countAll<number>().as('count')).executeTakeFirstOrThrow();
  const oldestWaiting = await waitingQuery.select(['p.id', 'p.title', 'p.vote_count as count']).orderBy('p.created_at').orderBy('p.id').limit(5).execute();
  return { newPosts, newest, topMovers, waiting, oldestWaiting };
}
