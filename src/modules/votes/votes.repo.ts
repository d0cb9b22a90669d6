import { sql } from 'kysely';
import type { DbOrTx } from '../../db/database.ts';

/**
 * One vote per person per post. `xmax = 0` is true only for a freshly inserted row, so the caller
 * bumps vote_count exactly when a vote was added; a repeated vote only updates its importance.
 */
export async function upsertVote(
  db: DbOrTx,
  v: { workspaceId: string; postId: string; personId: string; importance: number | undefined; memberId: string | null },
): Promise<{ inserted: boolean }> {
  const row = await db
    .insertInto('votes')
    .values({ workspace_id: v.workspaceId, post_id: v.postId, person_id: v.personId, importance: v.importance ?? 1, voted_by_member_id: v.memberId })
    .onConflict((oc) => oc.columns(['post_id', 'person_id']).doUpdateSet({
      importance: v.importance === undefined ? sql<number>`votes.importance` : v.importance,
      voted_by_member_id: sql<string | null>`coalesce(excluded.voted_by_member_id, votes.voted_by_member_id)`,
    }))
    .returning(sql<boolean>`(xmax = 0)`.as('inserted'))
    .executeTakeFirstOrThrow();
  return { inserted: row.inserted };
}

/** Deletes the vote of a person (by id, or by email within the workspace); true when a row was deleted. */
export async function deleteVote(db: DbOrTx, postId: string, who: { personId: string } | { workspaceId: string; email: string }): Promise<boolean> {
  if ('personId' in who) {
    const rows = await db.deleteFrom('votes').where('post_id', '=', postId).where('person_id', '=', who.personId).returning('id').execute();
    return rows.length > 0;
  }
  const rows = await db
    .deleteFrom('votes')
    .using('people')
    .whereRef('people.id', '=', 'votes.person_id')
    .where('votes.post_id', '=', postId)
    .where('people.workspace_id', '=', who.workspaceId)
    .where((eb) => eb(eb.fn('lower', ['people.email']), '=', who.email))
    .returning('votes.id')
    .execute();
  return rows.length > 0;
}

export async function currentVoteCount(db: DbOrTx, postId: string): Promise<number> {
  const row = await db.selectFrom('posts').select('vote_count').where('id', '=', postId).executeTakeFirstOrThrow();
  return row.vote_count;
}

/** Newest first, keyset on (created_at, id) with a microsecond-exact key. */
export async function listVoteRows(db: DbOrTx, postId: string, after: { key: string; id: string } | null, limit: number) {
  let query = db
    .selectFrom('votes')
    .innerJoin('people', 'people.id', 'votes.person_id')
    .leftJoin('companies', 'companies.id', 'people.company_id')
    .leftJoin('members', 'members.id', 'votes.voted_by_member_id')
    .select([
      'votes.id', 'votes.importance', 'votes.created_at', 'votes.voted_by_member_id',
      'people.id as person_id', 'people.name as person_name', 'people.email as person_email',
      'companies.id as company_id', 'companies.name as company_name', 'members.name as member_name',
    ])
    .select(sql<string>`to_char(votes.created_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`.as('created_key'))
    .where('votes.post_id', '=', postId);
  if (after) query = query.where(sql<boolean>`(votes.created_at, votes.id) < (${after.key}::timestamptz, ${after.id}::uuid)`);
  return query.orderBy('votes.created_at', 'desc').orderBy('votes.id', 'desc').limit(limit).execute();
}
export type VoteRow = Awaited<ReturnType<typeof listVoteRows>>[number];
