import type { Context } from '../context.ts';
import type { Workspace } from '../../db/schema.ts';
import { forbidden } from '../../lib/errors.ts';
import { canManageWorkspace } from './workspaces.policy.ts';
import { workspaceNotFound } from './workspaces.errors.ts';
import type { UpdateWorkspaceInput } from './workspaces.schemas.ts';

export async function updateWorkspace(ctx: Context, input: UpdateWorkspaceInput): Promise<Workspace> {
  if (!canManageWorkspace(ctx.actor)) throw forbidden('Only admins can change workspace settings');
  const workspace = await ctx.db
    .updateTable('workspaces')
    .set({
      ...(input.name !== undefined ? { name: input.name.trim() } : {}),
      ...(input.allowAnonymous !== undefined ? { allow_anonymous: input.allowAnonymous } : {}),
    })
    .where('id', '=', ctx.actor.workspaceId)
    .returningAll()
    .executeTakeFirst();
  if (!workspace) throw workspaceNotFound();
  return workspace;
}
