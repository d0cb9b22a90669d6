import type { Context } from '../context.ts';
import { forbidden } from '../../lib/errors.ts';
import { canManageCompanies } from './companies.policy.ts';
import { findCompany, type CompanyRow } from './companies.repo.ts';
import { companyNotFound, uniqueViolationToConflict } from './companies.errors.ts';
import type { UpdateCompanyInput } from './companies.schemas.ts';

export async function updateCompany(ctx: Context, companyId: string, input: UpdateCompanyInput): Promise<CompanyRow> {
  if (!canManageCompanies(ctx.actor)) throw forbidden('Only the team can change companies');
  const workspaceId = ctx.actor.workspaceId;
  let updated;
  try {
    updated = await ctx.db
      .updateTable('companies')
      .set({
        ...(input.name !== undefined ? { name: input.name.trim() } : {}),
        ...(input.domain !== undefined ? { domain: input.domain ? input.domain.toLowerCase() : null } : {}),
        ...(input.monthlyRevenue !== undefined ? { monthly_revenue: input.monthlyRevenue } : {}),
        ...(input.segment !== undefined ? { segment: input.segment?.trim() || null } : {}),
      })
      .where('workspace_id', '=', workspaceId)
      .where('id', '=', companyId)
      .returning('id')
      .executeTakeFirst();
  } catch (error) {
    throw uniqueViolationToConflict(error);
  }
  const company = updated && (await findCompany(ctx.db, workspaceId, updated.id));
  if (!company) throw companyNotFound();
  return company;
}
