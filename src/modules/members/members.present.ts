import type { Member } from '../../db/schema.ts';

export type MemberJson = { id: string; email: string; name: string; role: Member['role']; createdAt: string };

/** Never the password hash: only these fields leave the server. */
export function presentMember(member: Member): MemberJson {
  return { id: member.id, email: member.email, name: member.name, role: member.role, createdAt: member.created_at.toISOString() };
}
