import type { Context } from '../context.ts';
import { forbidden } from '../../lib/errors.ts';
import { canManageCompanies } from './companies.policy.ts';
import type { CompanyRow } from './companies.repo.ts';
import { uniqueViolationToConflict } from './companies.errors.ts';
import type { CreateCompanyInput } from './companies.schemas.ts';

export async function createCompany(ctx: Context, input: CreateCompanyInput): Promise<CompanyRow> {
  if (!canManageCompanies(ctx.actor)) throw forbidden('Only the team can add companies');
  try {
    const company = await ctx.db
      .insertInto('companies')
      .values({
        workspace_id: ctx.actor.workspaceId,
        name: input.name.trim(),
        domain: input.domain ? input.domain.toLowerCase() : null,
        monthly_revenue: input.monthlyRevenue ?? 0,
        segment: input.segment?.trim() || null,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    return { ...company, people_count: 0 };
  } catch (error) {
    throw uniqueViolationToConflict(error);
  }
}
