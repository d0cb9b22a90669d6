import { sql } from 'kysely';
import type { Context } from '../context.ts';
import type { DbOrTx } from '../../db/database.ts';
import type { Person } from '../../db/schema.ts';

export type PersonIdentity = { email: string; name?: string | null; externalId?: string | null };

/** Emails compare case-insensitively (the unique index is on lower(email)); we store them trimmed and lower-cased. */
export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}

/**
 * The person with this email in the actor's workspace, created when new (see findOrCreatePeople).
 */
export async function findOrCreatePerson(ctx: Context, identity: PersonIdentity): Promise<Person> {
  const people = await findOrCreatePeople(ctx.db, ctx.actor.workspaceId, [identity]);
  const person = people.get(normalizeEmail(identity.email));
  if (!person) throw new Error(`findOrCreatePerson: no row for ${identity.email}`);
  return person;
}

/**
 * The people with these emails in a workspace, created when new, keyed by normalized email. One
 * statement reads the known ones and inserts the rest (one round trip on the vote path). Safe under
 * concurrency: `insert … on conflict do nothing` then select, so two requests for a new email agree on
 * one row (the loser's insert waits for the winner's commit, then selects its row); new rows are
 * inserted in email order, so two batches never wait on each other in a cycle. A missing name is
 * filled in when one is given; an existing name is never overwritten by a customer-supplied one. No
 * conflict target: a clash on the external id (held by another email) must not fail the request —
 * the email is the identity that matters, so such a person is created without the external id.
 */
export async function findOrCreatePeople(db: DbOrTx, workspaceId: string, identities: readonly PersonIdentity[]): Promise<Map<string, Person>> {
  const wanted = new Map<string, { email: string; name: string | null; externalId: string | null }>();
  for (const identity of identities) {
    const email = normalizeEmail(identity.email);
    const name = identity.name?.trim() || null;
    const externalId = identity.externalId?.trim() || null;
    const seen = wanted.get(email);
    if (!seen) wanted.set(email, { email, name, externalId });
    else {
      seen.name ??= name;
      seen.externalId ??= externalId;
    }
  }
  const found = new Map<string, Person>();
  const keep = (rows: Person[]) => {
    for (const row of rows) found.set(normalizeEmail(row.email), row);
  };
  const missing = () => [...wanted.keys()].filter((email) => !found.has(email)).sort();
  const unnestWanted = (emails: string[], withExternalId: boolean) => {
    const rows = emails.map((email) => wanted.get(email)!);
    return sql`unnest(${emails}::text[], ${rows.map((w) => w.name)}::text[], ${rows.map((w) => (withExternalId ? w.externalId : null))}::text[])
      with ordinality as u(email, name, external_id, ord)`;
  };
  // fixed text whatever the number of rows (prepared: the vote path calls these per batch)
  const selectOrInsert = async (emails: string[]) => {
    if (emails.length === 0) return;
    keep((await sql<Person>`/* prepared */
      with existing as (
        select * from people where workspace_id = ${workspaceId}::uuid and lower(email) = any(${emails}::text[])
      ), created as (
        insert into people (workspace_id, email, name, external_id)
        select ${workspaceId}::uuid, u.email, u.name, u.external_id
        from ${unnestWanted(emails, true)}
        where not exists (select 1 from existing e where lower(e.email) = u.email)
        order by u.ord
        on conflict do nothing
        returning *
      )
      select * from existing union all select * from created`.execute(db)).rows);
  };
  const insert = async (emails: string[], withExternalId: boolean) => {
    if (emails.length === 0) return;
    keep((await sql<Person>`/* prepared */
      insert into people (workspace_id, email, name, external_id)
      select ${workspaceId}::uuid, u.email, u.name, u.external_id
      from ${unnestWanted(emails, withExternalId)}
      order by u.ord
      on conflict do nothing
      returning *`.execute(db)).rows);
  };
  const select = async (emails: string[]) => {
    if (emails.length === 0) return;
    keep((await sql<Person>`/* prepared */
      select * from people where workspace_id = ${workspaceId}::uuid and lower(email) = any(${emails}::text[])`.execute(db)).rows);
  };

  await selectOrInsert(missing());
  // a row another transaction was inserting meanwhile (its commit let ours do nothing)
  await select(missing());
  // the rest clashed on their external id: create them by email alone
  const clashed = missing().filter((email) => wanted.get(email)!.externalId);
  await insert(clashed, false);
  await select(missing());
  const left = missing();
  if (left.length) throw new Error(`findOrCreatePeople: no row for ${left.join(', ')} after insert`);

  const unnamed = [...found.values()].filter((p) => !p.name && wanted.get(normalizeEmail(p.email))?.name);
  if (unnamed.length) {
    const { rows } = await sql<Person>`
      update people set name = v.name
      from unnest(${unnamed.map((p) => p.id)}::uuid[], ${unnamed.map((p) => wanted.get(normalizeEmail(p.email))!.name)}::text[]) as v(id, name)
      where people.id = v.id and people.name is null
      returning people.*`.execute(db);
    keep(rows); // someone else may have named them meanwhile: those keep their row as read
  }
  return found;
}
