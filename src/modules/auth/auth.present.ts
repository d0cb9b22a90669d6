import type { Member, Person } from '../../db/schema.ts';

export type SessionMemberJson = { id: string; email: string; name: string; role: Member['role'] };
export type SessionPersonJson = { id: string; email: string; name: string | null };

export function presentSessionMember(member: Member): SessionMemberJson {
  return { id: member.id, email: member.email, name: member.name, role: member.role };
}

export function presentSessionPerson(person: Pick<Person, 'id' | 'email' | 'name'>): SessionPersonJson {
  return { id: person.id, email: person.email, name: person.name };
}
