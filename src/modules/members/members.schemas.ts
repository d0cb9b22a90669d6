import { Type, type Static } from 'typebox';
import { Email, Timestamp, Uuid } from '../../http/schemas.ts';

export const RoleSchema = Type.Union([Type.Literal('owner'), Type.Literal('admin'), Type.Literal('member')]);
const MemberName = Type.String({ minLength: 1, maxLength: 80, pattern: '\\S' });

export const MemberSchema = Type.Object({
  id: Uuid,
  email: Type.String(),
  name: Type.String(),
  role: RoleSchema,
  createdAt: Timestamp,
}, { $id: 'Member' });

export const CreateMemberBody = Type.Object({
  email: Email,
  name: MemberName,
  role: RoleSchema,
  // length is what makes a password strong (NIST 800-63B); the cap keeps hashing cheap
  password: Type.String({ minLength: 10, maxLength: 200 }),
});
export type CreateMemberInput = Static<typeof CreateMemberBody>;

export const UpdateMemberBody = Type.Object({
  role: Type.Optional(RoleSchema),
  name: Type.Optional(MemberName),
}, { minProperties: 1 });
export type UpdateMemberInput = Static<typeof UpdateMemberBody>;
