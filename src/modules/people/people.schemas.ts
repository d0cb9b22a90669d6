import { Type, type Static } from 'typebox';
import { Timestamp, Uuid } from '../../http/schemas.ts';

export const PersonSchema = Type.Object({
  id: Uuid,
  email: Type.String(),
  name: Type.Union([Type.String(), Type.Null()]),
  externalId: Type.Union([Type.String(), Type.Null()]),
  company: Type.Union([Type.Object({ id: Uuid, name: Type.String() }), Type.Null()]),
  createdAt: Timestamp,
}, { $id: 'Person' });

export const ListPeopleQuery = Type.Object({
  q: Type.Optional(Type.String({ maxLength: 200, description: 'Matches email or name, anywhere, case-insensitively' })),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100, default: 50 })),
  cursor: Type.Optional(Type.String({ maxLength: 500 })),
});
export type ListPeopleInput = Static<typeof ListPeopleQuery>;

export const UpdatePersonBody = Type.Object({
  name: Type.Optional(Type.Union([Type.String({ minLength: 1, maxLength: 80, pattern: '\\S' }), Type.Null()])),
  companyId: Type.Optional(Type.Union([Uuid, Type.Null()])),
}, { minProperties: 1 });
export type UpdatePersonInput = Static<typeof UpdatePersonBody>;
