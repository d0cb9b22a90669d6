import type { Context } from '../context.ts';
import type { Workspace } from '../../db/schema.ts';
import { findWorkspace } from './workspaces.repo.ts';
import { workspaceNotFound } from './workspaces.errors.ts';

/** The actor's own workspace; its name and settings are public (the portal shows them). */
export async function getWorkspace(ctx: Context): Promise<Workspace> {
  const workspace = await findWorkspace(ctx.db, ctx.actor.workspaceId);
  if (!workspace) throw workspaceNotFound();
  return workspace;
}
