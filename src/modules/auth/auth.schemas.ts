import { Type } from 'typebox';
import { Uuid } from '../../http/schemas.ts';

export const MeSchema = Type.Object({
  workspace: Type.Object({ id: Uuid, name: Type.String(), slug: Type.String(), allowAnonymous: Type.Boolean() }),
  member: Type.Union([Type.Object({ id: Uuid, email: Type.String(), name: Type.String(), role: Type.String() }), Type.Null()]),
  person: Type.Union([Type.Object({ id: Uuid, email: Type.String(), name: Type.Union([Type.String(), Type.Null()]) }), Type.Null()]),
  csrfToken: Type.String(),
  needsSetup: Type.Boolean(),
});
