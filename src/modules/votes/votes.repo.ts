import { sql } from 'kysely';
import type { DbOrTx } from '../../db/database.ts';
import { subscribePeopleFrom } from '../subscriptions/index.ts';

type NewVote = { workspace_id: string; post_id: string; person_id: string; importance: number; voted_by_member_id: string | null };

/**
 * One vote per person per post: inserts the votes that do not exist yet (in (post, person) order, so
 * concurrent batches never wait on each other in a cycle) and returns the "post:person" keys of the
 * rows it inserted. A vote being inserted by another transaction is waited for, then left alone.
 * Each new voter follows the post (subscribePeopleFrom: an earlier unfollow stands), in the same
 * statement: one round trip for both.
 */
export async function insertNewVotes(db: DbOrTx, votes: readonly NewVote[]): Promise<Set<string>> {
  if (votes.length === 0) return new Set();
  const key = (v: NewVote) => `${v.post_id}:${v.person_id}`;
  const sorted = [...votes].sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
  const { rows } = await sql<{ post_id: string; person_id: string }>`/* prepared */
    with inserted as (
      insert into votes (workspace_id, post_id, person_id, importance, voted_by_member_id)
      select u.workspace_id, u.post_id, u.person_id, u.importance, u.member_id
      from unnest(${sorted.map((v) => v.workspace_id)}::uuid[], ${sorted.map((v) => v.post_id)}::uuid[], ${sorted.map((v) => v.person_id)}::uuid[],
                  ${sorted.map((v) => v.importance)}::int[], ${sorted.map((v) => v.voted_by_member_id)}::uuid[])
        with ordinality as u(workspace_id, post_id, person_id, importance, member_id, ord)
      order by u.ord
      on conflict (post_id, person_id) do nothing
      returning workspace_id, post_id, person_id
    ), followed as (
      ${subscribePeopleFrom(sql`inserted`, 'voter')}
    )
    select post_id, person_id from inserted`.execute(db);
  return new Set(rows.map((r) => `${r.post_id}:${r.person_id}`));
}

/** A repeated vote: a given importance replaces the old one; the member voting for the person is recorded. */
export async function updateRepeatedVotes(
  db: DbOrTx,
  votes: ReadonlyArray<{ post_id: string; person_id: string; importance: number | null; voted_by_member_id: string | null }>,
): Promise<void> {
  if (votes.length === 0) return;
  await sql`
    update votes set
      importance = coalesce(v.importance, votes.importance),
      voted_by_member_id = coalesce(v.member_id, votes.voted_by_member_id)
    from unnest(${votes.map((v) => v.post_id)}::uuid[], ${votes.map((v) => v.person_id)}::uuid[],
                ${votes.map((v) => v.importance)}::int[], ${votes.map((v) => v.voted_by_member_id)}::uuid[]) as v(post_id, person_id, importance, member_id)
    where votes.post_id = v.post_id and votes.person_id = v.person_id`.execute(db);
}

/**
 * Deletes a person's votes (by id, or by email within the workspace) on the given posts — one post,
 * or every post of a merge group. Returns the posts a vote was deleted from.
 */
export async function deleteVotes(db: DbOrTx, postIds: readonly string[], who: { personId: string } | { workspaceId: string; email: string }): Promise<string[]> {
  if ('personId' in who) {
    const rows = await db.deleteFrom('votes').where('post_id', 'in', [...postIds]).where('person_id', '=', who.personId).returning('post_id').execute();
    return rows.map((r) => r.post_id);
  }
  const rows = await db
    .deleteFrom('votes')
    .using('people')
    .whereRef('people.id', '=', 'votes.person_id')
    .where('votes.post_id', 'in', [...postIds])
    .where('people.workspace_id', '=', who.workspaceId)
    .where((eb) => eb(eb.fn('lower', ['people.email']), '=', who.email))
    .returning('votes.post_id')
    .execute();
  return rows.map((r) => r.post_id);
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
    .select(sql<string | null>`null::uuid`.as('via_post_id'))
    .where('votes.post_id', '=', postId);
  if (after) query = query.where(sql<boolean>`(votes.created_at, votes.id) < (${after.key}::timestamptz, ${after.id}::uuid)`);
  return query.orderBy('votes.created_at', 'desc').orderBy('votes.id', 'desc').limit(limit).execute();
}
export type VoteRow = Awaited<ReturnType<typeof listVoteRows>>[number];

/**
 * The voters of a merge group, one row per person: the earliest vote (its id and date), the highest
 * importance any of their votes carries, and `via_post_id` — the merged post they voted on when
 * they never voted on the root itself. Same order and keyset as listVoteRows.
 */
export async function listGroupVoteRows(db: DbOrTx, rootId: string, postIds: readonly string[], after: { key: string; id: string } | null, limit: number): Promise<VoteRow[]> {
  const keyset = after ? sql`where (g.created_at, g.id) < (${after.key}::timestamptz, ${after.id}::uuid)` : sql``;
  const { rows } = await sql<VoteRow>`
    with per_person as (
      select v.*,
        row_number() over (partition by v.person_id order by v.created_at, v.id) as rank,
        max(v.importance) over (partition by v.person_id) as top_importance,
        bool_or(v.post_id = ${rootId}::uuid) over (partition by v.person_id) as on_root
      from votes v
      where v.post_id in (${sql.join(postIds.map((id) => sql`${id}::uuid`))})
    ), g as (select * from per_person where rank = 1)
    select g.id, g.top_importance as importance, g.created_at, g.voted_by_member_id,
      people.id as person_id, people.name as person_name, people.email as person_email,
      companies.id as company_id, companies.name as company_name, members.name as member_name,
      to_char(g.created_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') as created_key,
      case when g.on_root then null else g.post_id end as via_post_id
    from g
    join people on people.id = g.person_id
    left join companies on companies.id = people.company_id
    left join members on members.id = g.voted_by_member_id
    ${keyset}
    order by g.created_at desc, g.id desc
    limit ${limit}`.execute(db);
  return rows;
}
