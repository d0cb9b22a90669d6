import type { Context } from '../context.ts';
import { withTransaction } from '../../db/database.ts';
import { forbidden } from '../../lib/errors.ts';
import { enqueueDemandRefresh } from '../demand/index.ts';
import { canManageCompanies } from './companies.policy.ts';
import { findCompany, type CompanyRow } from './companies.repo.ts';
import { companyNotFound, uniqueViolationToConflict } from './companies.errors.ts';
import type { UpdateCompanyInput } from './companies.schemas.ts';

export async function updateCompany(ctx: Context, companyId: string, input: UpdateCompanyInput): Promise<CompanyRow> {
  if (!canManageCompanies(ctx.actor)) throw forbidden('Only the team can change companies');
  const workspaceId = ctx.actor.workspaceId;
  let updated;
  try {
    updated = await withTransaction(ctx.db, async (tx) => {
      const row = await tx
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
      // revenue and segment feed the demand score of every post the company's people voted for
      if (row && (input.monthlyRevenue !== undefined || input.segment !== undefined)) {
        await enqueueDemandRefresh(tx, { scope: 'company', workspaceId, companyId: row.id });
      }
      return row;
    });
  } catch (error) {
    throw uniqueViolationToConflict(error);
  }
  const company = updated && (await findCompany(ctx.db, workspaceId, updated.id));
  if (!company) throw companyNotFound();
  return company;
}
