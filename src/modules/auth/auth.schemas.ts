import { Type, type Static } from 'typebox';
import { Email, Uuid } from '../../http/schemas.ts';

export const RoleSchema = Type.Union([Type.Literal('owner'), Type.Literal('admin'), Type.Literal('member')]);

export const MeSchema = Type.Object({
  workspace: Type.Object({ id: Uuid, name: Type.String(), slug: Type.String(), allowAnonymous: Type.Boolean() }),
  member: Type.Union([Type.Object({ id: Uuid, email: Type.String(), name: Type.String(), role: Type.String() }), Type.Null()]),
  person: Type.Union([Type.Object({ id: Uuid, email: Type.String(), name: Type.Union([Type.String(), Type.Null()]) }), Type.Null()]),
  csrfToken: Type.String(),
  needsSetup: Type.Boolean(),
});

/** A display name: trimmed by the use-case, so it must hold at least one visible character. */
export const PersonName = Type.String({ minLength: 1, maxLength: 80, pattern: '\\S' });
/** New passwords: length is what matters (NIST 800-63B); the upper bound keeps hashing cheap. */
export const NewPassword = Type.String({ minLength: 10, maxLength: 200 });
const Token = Type.String({ minLength: 1, maxLength: 200 });

export const SessionMemberSchema = Type.Object({ id: Uuid, email: Type.String(), name: Type.String(), role: RoleSchema });
export const SessionPersonSchema = Type.Object({ id: Uuid, email: Type.String(), name: Type.Union([Type.String(), Type.Null()]) });

export const SetupTokenParams = Type.Object({ token: Token });
export const SetupTokenValid = Type.Object({ valid: Type.Literal(true) });

export const SetupBody = Type.Object({ token: Token, name: PersonName, email: Email, password: NewPassword });
export type SetupInput = Static<typeof SetupBody>;

export const LoginBody = Type.Object({ email: Email, password: Type.String({ minLength: 1, maxLength: 200 }) });
export type LoginInput = Static<typeof LoginBody>;

export const MemberSessionResponse = Type.Object({ member: SessionMemberSchema });

export const MagicLinkBody = Type.Object({
  email: Email,
  name: Type.Optional(PersonName),
  // where to land after signing in; anything but a same-site path is replaced by "/"
  returnTo: Type.Optional(Type.String({ maxLength: 2000 })),
});
export type MagicLinkInput = Static<typeof MagicLinkBody>;
export const MagicLinkSent = Type.Object({ sent: Type.Literal(true) });

export const VerifyMagicLinkBody = Type.Object({ token: Token });
export const VerifiedMagicLink = Type.Object({ person: SessionPersonSchema, returnTo: Type.String() });

export const IdentifyBody = Type.Object({ email: Email, name: PersonName });
export type IdentifyInput = Static<typeof IdentifyBody>;
export const PersonSessionResponse = Type.Object({ person: SessionPersonSchema });
