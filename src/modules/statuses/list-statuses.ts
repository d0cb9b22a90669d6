import type { Context } from '../context.ts';
import type { Status } from '../../db/schema.ts';
import { listStatusRows } from './statuses.repo.ts';

/** Every status of the workspace in display order; public (the portal filters and labels with them). */
export async function listStatuses(ctx: Context): Promise<Status[]> {
  return listStatusRows(ctx.db, ctx.actor.workspaceId);
}
