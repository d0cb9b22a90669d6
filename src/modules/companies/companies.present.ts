import type { CompanyRow } from './companies.repo.ts';

export type CompanyJson = {
  id: string;
  name: string;
  domain: string | null;
  monthlyRevenue: number;
  segment: string | null;
  peopleCount: number;
  createdAt: string;
};

export function presentCompany(company: CompanyRow): CompanyJson {
  return {
    id: company.id,
    name: company.name,
    domain: company.domain,
    monthlyRevenue: Number(company.monthly_revenue), // numeric arrives as a string
    segment: company.segment,
    peopleCount: company.people_count,
    createdAt: company.created_at.toISOString(),
  };
}
