import type { Context } from '../context.ts';
import { forbidden } from '../../lib/errors.ts';
import { canViewCompanies } from './companies.policy.ts';
import { findCompany, type CompanyRow } from './companies.repo.ts';
import { companyNotFound } from './companies.errors.ts';

export async function getCompany(ctx: Context, companyId: string): Promise<CompanyRow> {
  if (!canViewCompanies(ctx.actor)) throw forbidden('Only the team can see companies');
  const company = await findCompany(ctx.db, ctx.actor.workspaceId, companyId);
  if (!company) throw companyNotFound();
  return company;
}
