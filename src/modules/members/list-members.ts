import type { Context } from '../context.ts';
import type { Member } from '../../db/schema.ts';
import { forbidden } from '../../lib/errors.ts';
import { canViewMembers } from './members.policy.ts';
import { listMemberRows } from './members.repo.ts';

export async function listMembers(ctx: Context): Promise<Member[]> {
  if (!canViewMembers(ctx.actor)) throw forbidden('Only the team can see its members');
  return listMemberRows(ctx.db, ctx.actor.workspaceId);
}
