import { sql } from 'kysely';
import type { DbOrTx } from '../../db/database.ts';
import { containsPattern } from '../../lib/like-pattern.ts';

export type PersonRow = {
  id: string;
  email: string;
  name: string | null;
  external_id: string | null;
  created_at: Date;
  /** created_at at full microsecond precision, for cursors (a JS Date keeps only milliseconds) */
  created_key: string;
  company_id: string | null;
  company_name: string | null;
};

function selectPeople(db: DbOrTx, workspaceId: string) {
  return db
    .selectFrom('people')
    // the workspace condition on the join keeps a foreign company out even if a row were ever wrong
    .leftJoin('companies', (join) => join.onRef('companies.id', '=', 'people.company_id').onRef('companies.workspace_id', '=', 'people.workspace_id'))
    .select([
      'people.id', 'people.email', 'people.name', 'people.external_id', 'people.created_at',
      sql<string>`to_char(people.created_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`.as('created_key'),
      'companies.id as company_id', 'companies.name as company_name',
    ])
    .where('people.workspace_id', '=', workspaceId);
}

export async function findPersonRow(db: DbOrTx, workspaceId: string, id: string): Promise<PersonRow | undefined> {
  return selectPeople(db, workspaceId).where('people.id', '=', id).executeTakeFirst();
}

/** Newest first, keyset-paginated on (created_at, id); `after` is the last row of the previous page. */
export async function listPersonRows(
  db: DbOrTx,
  workspaceId: string,
  opts: { q?: string; limit: number; after: { createdKey: string; id: string } | null },
): Promise<PersonRow[]> {
  let query = selectPeople(db, workspaceId);
  const q = opts.q?.trim();
  if (q) {
    const pattern = containsPattern(q);
    query = query.where((eb) => eb.or([eb('people.email', 'ilike', pattern), eb('people.name', 'ilike', pattern)]));
  }
  if (opts.after) {
    query = query.where(sql<boolean>`(people.created_at, people.id) < (${opts.after.createdKey}::timestamptz, ${opts.after.id}::uuid)`);
  }
  return query.orderBy('people.created_at', 'desc').orderBy('people.id', 'desc').limit(opts.limit).execute();
}
