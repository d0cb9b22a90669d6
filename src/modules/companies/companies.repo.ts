import { sql } from 'kysely';
import type { DbOrTx } from '../../db/database.ts';
import type { Company } from '../../db/schema.ts';
import { containsPattern } from '../../lib/like-pattern.ts';

export type CompanyRow = Company & { people_count: number };

const peopleCount = sql<number>`(select count(*)::int from people where people.company_id = companies.id)`.as('people_count');

export async function findCompany(db: DbOrTx, workspaceId: string, id: string): Promise<CompanyRow | undefined> {
  return db.selectFrom('companies').selectAll().select(peopleCount)
    .where('workspace_id', '=', workspaceId).where('id', '=', id)
    .executeTakeFirst();
}

/** Alphabetical, keyset-paginated on (lower(name), id); `after` is the last row of the previous page. */
export async function listCompanyRows(
  db: DbOrTx,
  workspaceId: string,
  opts: { q?: string; limit: number; after: { name: string; id: string } | null },
): Promise<CompanyRow[]> {
  let query = db.selectFrom('companies').selectAll().select(peopleCount).where('workspace_id', '=', workspaceId);
  const q = opts.q?.trim();
  if (q) {
    const pattern = containsPattern(q);
    query = query.where((eb) => eb.or([eb('name', 'ilike', pattern), eb('domain', 'ilike', pattern)]));
  }
  if (opts.after) query = query.where(sql<boolean>`(lower(name), id) > (${opts.after.name}, ${opts.after.id}::uuid)`);
  return query.orderBy(sql`lower(name)`).orderBy('id').limit(opts.limit).execute();
}
