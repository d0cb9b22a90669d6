export { listCompanies } from './list-companies.ts';
export { getCompany } from './get-company.ts';
export { createCompany } from './create-company.ts';
export { updateCompany } from './update-company.ts';
export { deleteCompany } from './delete-company.ts';
export { findCompany, type CompanyRow } from './companies.repo.ts';
export { presentCompany, type CompanyJson } from './companies.present.ts';
