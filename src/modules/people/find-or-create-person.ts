import type { Context } from '../context.ts';
import type { Person } from '../../db/schema.ts';

export type PersonIdentity = { email: string; name?: string | null; externalId?: string | null };

/** Emails compare case-insensitively (the unique index is on lower(email)); we store them trimmed and lower-cased. */
export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}

/**
 * The person with this email in the actor's workspace, created when new. Safe under concurrency:
 * `insert … on conflict do nothing` then select, so two requests for a new email agree on one row
 * (the loser's insert waits for the winner's commit, then selects its row). A missing name is filled
 * in when one is given; an existing name is never overwritten by a customer-supplied one.
 */
export async function findOrCreatePerson(ctx: Context, identity: PersonIdentity): Promise<Person> {
  const workspaceId = ctx.actor.workspaceId;
  const email = normalizeEmail(identity.email);
  const name = identity.name?.trim() || null;
  const externalId = identity.externalId?.trim() || null;

  const existing = await findByEmail(ctx, workspaceId, email);
  if (existing) return fillName(ctx, existing, name);

  // No conflict target: a clash on the external id (held by another email) must not fail the request.
  await ctx.db
    .insertInto('people')
    .values({ workspace_id: workspaceId, email, name, external_id: externalId })
    .onConflict((oc) => oc.doNothing())
    .execute();
  let person = await findByEmail(ctx, workspaceId, email);
  if (!person && externalId) {
    // The external id belongs to someone else: the email is the identity that matters here.
    await ctx.db
      .insertInto('people')
      .values({ workspace_id: workspaceId, email, name })
      .onConflict((oc) => oc.doNothing())
      .execute();
    person = await findByEmail(ctx, workspaceId, email);
  }
  if (!person) throw new Error(`findOrCreatePerson: no row for ${email} after insert`);
  return fillName(ctx, person, name);
}

async function findByEmail(ctx: Context, workspaceId: string, email: string): Promise<Person | undefined> {
  return ctx.db
    .selectFrom('people')
    .selectAll()
    .where('workspace_id', '=', workspaceId)
    .where((eb) => eb(eb.fn('lower', ['email']), '=', email))
    .executeTakeFirst();
}

async function fillName(ctx: Context, person: Person, name: string | null): Promise<Person> {
  if (person.name || !name) return person;
  const updated = await ctx.db
    .updateTable('people')
    .set({ name })
    .where('id', '=', person.id)
    .where('name', 'is', null)
    .returningAll()
    .executeTakeFirst();
  return updated ?? person; // someone else named them meanwhile
}
