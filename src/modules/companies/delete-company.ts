import type { Context } from '../context.ts';
import { forbidden } from '../../lib/errors.ts';
import { canManageCompanies } from './companies.policy.ts';
import { companyNotFound } from './companies.errors.ts';

/** The company's people stay; they just no longer belong to a company (people.company_id is set null). */
export async function deleteCompany(ctx: Context, companyId: string): Promise<void> {
  if (!canManageCompanies(ctx.actor)) throw forbidden('Only the team can delete companies');
  const deleted = await ctx.db.deleteFrom('companies')
    .where('workspace_id', '=', ctx.actor.workspaceId).where('id', '=', companyId)
    .returning('id').executeTakeFirst();
  if (!deleted) throw companyNotFound();
}
