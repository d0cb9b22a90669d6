import type { Context } from '../context.ts';

export type Me = {
  workspace: { id: string; name: string; slug: string; allowAnonymous: boolean };
  member: { id: string; email: string; name: string; role: string } | null;
  person: { id: string; email: string; name: string | null } | null;
  needsSetup: boolean;
};

export async function getMe(ctx: Context): Promise<Me> {
  const { actor, db } = ctx;
  const ws = await db.selectFrom('workspaces').select(['id', 'name', 'slug', 'allow_anonymous'])
    .where('id', '=', actor.workspaceId).executeTakeFirstOrThrow();
  const owner = await db.selectFrom('members').select('id').where('workspace_id', '=', ws.id).where('role', '=', 'owner').executeTakeFirst();
  const member = actor.kind === 'member'
    ? await db.selectFrom('members').select(['id', 'email', 'name', 'role']).where('id', '=', actor.memberId).executeTakeFirst()
    : undefined;
  const person = actor.kind === 'person'
    ? await db.selectFrom('people').select(['id', 'email', 'name']).where('id', '=', actor.personId).executeTakeFirst()
    : undefined;
  return {
    workspace: { id: ws.id, name: ws.name, slug: ws.slug, allowAnonymous: ws.allow_anonymous },
    member: member ?? null,
    person: person ?? null,
    needsSetup: !owner,
  };
}
