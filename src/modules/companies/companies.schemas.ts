import { Type, type Static } from 'typebox';
import { Timestamp, Uuid } from '../../http/schemas.ts';

const CompanyName = Type.String({ minLength: 1, maxLength: 120, pattern: '\\S' });
// a bare host name ("acme.com"), not a URL: it is matched against people's email domains
const Domain = Type.String({ maxLength: 253, pattern: '^([A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?\\.)+[A-Za-z]{2,63}$' });
// numeric(14, 2) in the database
const MonthlyRevenue = Type.Number({ minimum: 0, maximum: 999_999_999_999.99 });
const Segment = Type.String({ minLength: 1, maxLength: 60, pattern: '\\S' });

export const CompanySchema = Type.Object({
  id: Uuid,
  name: Type.String(),
  domain: Type.Union([Type.String(), Type.Null()]),
  monthlyRevenue: Type.Number(),
  segment: Type.Union([Type.String(), Type.Null()]),
  peopleCount: Type.Integer(),
  createdAt: Timestamp,
}, { $id: 'Company' });

export const ListCompaniesQuery = Type.Object({
  q: Type.Optional(Type.String({ maxLength: 200 })),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500, default: 100 })),
  cursor: Type.Optional(Type.String({ maxLength: 500 })),
});
export type ListCompaniesInput = Static<typeof ListCompaniesQuery>;

export const CreateCompanyBody = Type.Object({
  name: CompanyName,
  domain: Type.Optional(Type.Union([Domain, Type.Null()])),
  monthlyRevenue: Type.Optional(MonthlyRevenue),
  segment: Type.Optional(Type.Union([Segment, Type.Null()])),
});
export type CreateCompanyInput = Static<typeof CreateCompanyBody>;

export const UpdateCompanyBody = Type.Object({
  name: Type.Optional(CompanyName),
  domain: Type.Optional(Type.Union([Domain, Type.Null()])),
  monthlyRevenue: Type.Optional(MonthlyRevenue),
  segment: Type.Optional(Type.Union([Segment, Type.Null()])),
}, { minProperties: 1 });
export type UpdateCompanyInput = Static<typeof UpdateCompanyBody>;
