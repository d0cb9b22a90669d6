import type { Context } from '../context.ts';
import { withTransaction } from '../../db/database.ts';
import { forbidden } from '../../lib/errors.ts';
import { enqueueDemandRefresh } from '../demand/index.ts';
import { canManageCompanies } from './companies.policy.ts';
import { companyNotFound } from './companies.errors.ts';

/** The company's people stay; they just no longer belong to a company (people.company_id is set null). */
export async function deleteCompany(ctx: Context, companyId: string): Promise<void> {
  if (!canManageCompanies(ctx.actor)) throw forbidden('Only the team can delete companies');
  const workspaceId = ctx.actor.workspaceId;
  const deleted = await withTransaction(ctx.db, async (tx) => {
    const row = await tx.deleteFrom('companies')
      .where('workspace_id', '=', workspaceId).where('id', '=', companyId)
      .returning('id').executeTakeFirst();
    // its former people no longer say which company they were in, so the whole workspace is re-scored
    if (row) await enqueueDemandRefresh(tx, { scope: 'workspace', workspaceId });
    return row;
  });
  if (!deleted) throw companyNotFound();
}
