import type { Context } from '../context.ts';
import { withTransaction } from '../../db/database.ts';
import { forbidden } from '../../lib/errors.ts';
import { canManageStatuses } from './statuses.policy.ts';
import { countStatusUses, lockStatusRows, writeStatusPositions } from './statuses.repo.ts';
import { statusInUse, statusIsDefault, statusNotFound } from './statuses.errors.ts';

/**
 * Deletes an unused status. A status still carried by posts (deleted ones included) or named in a
 * post's status history is refused: move those posts first, or rename the status instead.
 */
export async function deleteStatus(ctx: Context, statusId: string): Promise<void> {
  if (!canManageStatuses(ctx.actor)) throw forbidden('Only admins can delete statuses');
  await withTransaction(ctx.db, async (tx) => {
    const all = await lockStatusRows(tx, ctx.actor.workspaceId);
    const status = all.find((s) => s.id === statusId);
    if (!status) throw statusNotFound();
    if (status.is_default) throw statusIsDefault();
    const uses = await countStatusUses(tx, status.id);
    if (uses.posts > 0) {
      throw statusInUse(`${uses.posts} post${uses.posts === 1 ? '' : 's'} still use${uses.posts === 1 ? 's' : ''} "${status.name}"; move them to another status first`);
    }
    if (uses.history > 0) throw statusInUse(`"${status.name}" appears in posts' status history; rename it instead of deleting it`);
    await tx.deleteFrom('statuses').where('id', '=', status.id).execute();
    await writeStatusPositions(tx, all.filter((s) => s.id !== status.id));
  });
}
