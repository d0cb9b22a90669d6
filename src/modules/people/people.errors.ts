import { invalid, notFound } from '../../lib/errors.ts';

export const personNotFound = () => notFound('Person', 'person_not_found');
export const unknownCompany = () => invalid('companyId', 'is not a company of this workspace', 'unknown_company');
export const invalidCursor = () => invalid('cursor', 'is not a cursor from a previous page', 'invalid_cursor');
