import { http } from './client.ts';
import type { Company, CompanyInput, ItemList, Page, PersonRecord } from './types.ts';

const seg = encodeURIComponent;

export const listCompanies = (q?: string, signal?: AbortSignal, limit?: number) =>
  http.get<ItemList<Company>>('/api/v1/companies', { q, limit }, signal);
export const createCompany = (input: CompanyInput) => http.post<Company>('/api/v1/companies', input);
export const updateCompany = (id: string, patch: Partial<CompanyInput>) =>
  http.patch<Company>(`/api/v1/companies/${seg(id)}`, patch);
export const deleteCompany = (id: string) => http.delete(`/api/v1/companies/${seg(id)}`);

export const listPeople = (query: { q?: string; cursor?: string | null }, signal?: AbortSignal) =>
  http.get<Page<PersonRecord>>('/api/v1/people', query, signal);
export const updatePerson = (id: string, patch: { name?: string; companyId?: string | null }) =>
  http.patch<PersonRecord>(`/api/v1/people/${seg(id)}`, patch);
