import type { Context } from '../context.ts';
import { forbidden } from '../../lib/errors.ts';
import { decodeCursor, encodeCursor } from '../../lib/cursor.ts';
import { isUuid } from '../../lib/ids.ts';
import { canViewCompanies } from './companies.policy.ts';
import { listCompanyRows, type CompanyRow } from './companies.repo.ts';
import { invalidCursor } from './companies.errors.ts';
import type { ListCompaniesInput } from './companies.schemas.ts';

export async function listCompanies(ctx: Context, input: ListCompaniesInput): Promise<{ items: CompanyRow[]; nextCursor: string | null }> {
  if (!canViewCompanies(ctx.actor)) throw forbidden('Only the team can see companies');
  const limit = input.limit ?? 100;
  let after: { name: string; id: string } | null = null;
  if (input.cursor) {
    const values = decodeCursor(input.cursor, 2);
    if (!values || typeof values[0] !== 'string' || !isUuid(values[1])) throw invalidCursor();
    after = { name: values[0], id: values[1] };
  }
  // one extra row tells whether there is a next page
  const rows = await listCompanyRows(ctx.db, ctx.actor.workspaceId, { q: input.q, limit: limit + 1, after });
  const items = rows.slice(0, limit);
  const last = items[items.length - 1];
  return { items, nextCursor: rows.length > limit && last ? encodeCursor([last.name.toLowerCase(), last.id]) : null };
}
