import type { PersonRow } from './people.repo.ts';

export type PersonJson = {
  id: string;
  email: string;
  name: string | null;
  externalId: string | null;
  company: { id: string; name: string } | null;
  createdAt: string;
};

export function presentPerson(person: PersonRow): PersonJson {
  return {
    id: person.id,
    email: person.email,
    name: person.name,
    externalId: person.external_id,
    company: person.company_id && person.company_name !== null ? { id: person.company_id, name: person.company_name } : null,
    createdAt: person.created_at.toISOString(),
  };
}
