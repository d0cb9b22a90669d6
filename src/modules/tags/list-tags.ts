import type { Context } from '../context.ts';
import type { Tag } from '../../db/schema.ts';
import { listTagRows } from './tags.repo.ts';

/** Every tag of the workspace, alphabetically; public (the portal filters by tag). */
export async function listTags(ctx: Context): Promise<Tag[]> {
  return listTagRows(ctx.db, ctx.actor.workspaceId);
}
