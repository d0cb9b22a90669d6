import type { Context } from '../context.ts';
import { withTransaction } from '../../db/database.ts';
import type { Status } from '../../db/schema.ts';
import { forbidden } from '../../lib/errors.ts';
import { slugify } from '../../lib/slug.ts';
import { canManageStatuses } from './statuses.policy.ts';
import { clearDefaultStatus, isStatusSlugTaken, lockStatusRows } from './statuses.repo.ts';
import { statusSlugTaken } from './statuses.errors.ts';
import type { CreateStatusInput } from './statuses.schemas.ts';

/** A new status at the end of the list; when it becomes the default, the old default stops being one. */
export async function createStatus(ctx: Context, input: CreateStatusInput): Promise<Status> {
  if (!canManageStatuses(ctx.actor)) throw forbidden('Only admins can create statuses');
  const workspaceId = ctx.actor.workspaceId;
  const slug = input.slug ?? slugify(input.name, 40);
  return withTransaction(ctx.db, async (tx) => {
    const existing = await lockStatusRows(tx, workspaceId);
    if (await isStatusSlugTaken(tx, workspaceId, slug)) throw statusSlugTaken(slug);
    const isDefault = input.isDefault === true || existing.length === 0;
    if (isDefault) await clearDefaultStatus(tx, workspaceId);
    return tx
      .insertInto('statuses')
      .values({
        workspace_id: workspaceId,
        name: input.name.trim(),
        slug,
        kind: input.kind,
        color: input.color ?? '#64748b',
        position: existing.reduce((max, s) => Math.max(max, s.position + 1), 0),
        is_default: isDefault,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
  });
}
