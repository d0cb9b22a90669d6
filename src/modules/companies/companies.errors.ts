import { AppError, invalid, notFound } from '../../lib/errors.ts';

export const companyNotFound = () => notFound('Company', 'company_not_found');
export const companyNameTaken = () =>
  new AppError('conflict', 'company_name_taken', 'A company with this name already exists', [{ field: 'name', message: 'is already used by another company' }]);
export const companyDomainTaken = () =>
  new AppError('conflict', 'company_domain_taken', 'A company with this domain already exists', [{ field: 'domain', message: 'is already used by another company' }]);
export const invalidCursor = () => invalid('cursor', 'is not a cursor from a previous page', 'invalid_cursor');

/** The unique indexes are the source of truth (no check-then-insert race); name the field they guard. */
export function uniqueViolationToConflict(error: unknown): unknown {
  const pgError = error as { code?: string; constraint?: string };
  if (pgError.code !== '23505') return error;
  if (pgError.constraint === 'companies_workspace_name') return companyNameTaken();
  if (pgError.constraint === 'companies_workspace_domain') return companyDomainTaken();
  return error;
}
